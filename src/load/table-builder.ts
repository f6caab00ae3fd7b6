/**
 * Collects cells into the column-major {@link Table}: one preallocated
 * `Float64Array` per numeric column, ids and text columns as string arrays,
 * and the per-column parse issues.
 */
import * as loadMessages from "../shared/messages/load.js";
import type { ColumnPlan } from "./columns.js";
import { DECIMAL_POINT, isMissingMarker, parseDecimal, type NumberFormat } from "./numbers.js";
import type { ColumnParseIssues, LoadOptions, Table } from "./types.js";

/**
 * The number format of `options` (a decimal point unless `decimal: ","`).
 *
 * @example numberFormatOf({ decimal: "," }) // => { decimal: "," }
 */
export function numberFormatOf(options: LoadOptions): NumberFormat {
  return options.decimal === "," ? { decimal: "," } : DECIMAL_POINT;
}

/** Everything a finished table records about its format. */
export type TableFormat = Table["format"];

/**
 * Mutable accumulator for one table. Rows must be filled in order
 * (0, 1, 2, …) and every row must touch every field once, either through a
 * setter or through {@link TableBuilder.fillMissingFrom}.
 *
 * @example
 * const builder = new TableBuilder("a.json", plan, 2, true);
 * builder.setCell(0, 0, 1, "7.5");
 */
export class TableBuilder {
  readonly columns: Float64Array[];
  readonly missing: number[];
  readonly nonNumeric: number[];
  readonly firstNonNumeric: Array<ColumnParseIssues["firstNonNumeric"]>;
  /** Per numeric column, the last row that had a cell rejected, and whether it was missing. */
  private readonly lastRejectedRow: Int32Array;
  private readonly lastRejectedMissing: Uint8Array;
  /** Rows (0-based, ascending) whose id is empty or blank: dropped by `finish`. */
  private readonly withoutId: number[] = [];
  readonly ids: string[] = [];
  readonly texts: string[][];
  readonly sourceLines: Int32Array;
  /** Per numeric column, the first currency mark met and its line (undefined: none yet). */
  readonly currencies: Array<{ symbol: string; line: number } | undefined>;
  private readonly found = { currency: "" };

  /**
   * @param capacity an upper bound on the number of data rows.
   * @param format the decimal mark of numeric cells (see `parseDecimal`).
   */
  constructor(
    readonly source: string,
    readonly plan: ColumnPlan,
    readonly capacity: number,
    readonly format: NumberFormat,
  ) {
    const numericCount = plan.numericNames.length;
    this.columns = Array.from({ length: numericCount }, () => new Float64Array(capacity));
    this.missing = new Array<number>(numericCount).fill(0);
    this.nonNumeric = new Array<number>(numericCount).fill(0);
    this.firstNonNumeric = new Array<ColumnParseIssues["firstNonNumeric"]>(numericCount).fill(
      undefined,
    );
    this.lastRejectedRow = new Int32Array(numericCount).fill(-1);
    this.lastRejectedMissing = new Uint8Array(numericCount);
    this.texts = plan.textNames.map(() => []);
    this.sourceLines = new Int32Array(capacity);
    this.currencies = new Array<{ symbol: string; line: number } | undefined>(numericCount);
  }

  /**
   * Stores `NaN` for a numeric cell that did not parse and counts it as
   * missing (empty or a missing marker) or non-numeric (anything else).
   */
  rejectNumber(slot: number, row: number, line: number, text: string): void {
    this.columns[slot]![row] = NaN;
    this.lastRejectedRow[slot] = row;
    if (isMissingMarker(text, 0, text.length)) {
      this.missing[slot]!++;
      this.lastRejectedMissing[slot] = 1;
      return;
    }
    this.lastRejectedMissing[slot] = 0;
    if (this.nonNumeric[slot]!++ === 0) {
      this.firstNonNumeric[slot] = { row: row + 1, line, value: text.trim() };
    }
  }

  /**
   * Parses `text` into numeric column `slot` (the slow path: cells that are
   * not plain decimals), noting its currency mark.
   *
   * @throws SegworkError when the column already held another currency mark.
   */
  setNumberText(slot: number, row: number, line: number, text: string): void {
    const found = this.found;
    found.currency = "";
    const value = parseDecimal(text, 0, text.length, this.format, found);
    if (value !== value) {
      this.rejectNumber(slot, row, line, text);
      return;
    }
    this.columns[slot]![row] = value;
    if (found.currency !== "") this.noteCurrency(slot, line, found.currency);
  }

  /** Remembers the first currency mark of a column; a different one later is an error. */
  private noteCurrency(slot: number, line: number, symbol: string): void {
    const first = this.currencies[slot];
    if (first === undefined) this.currencies[slot] = { symbol, line };
    else if (first.symbol !== symbol)
      throw loadMessages.mixedCurrencies(this.source, this.plan.numericNames[slot]!, first, {
        symbol,
        line,
      });
  }

  /**
   * Stores one cell of a structured source (JSON value or spreadsheet cell).
   * Numbers are kept, strings are parsed, `null`/`undefined` are missing,
   * anything else is non-numeric. `display` overrides the text used for id
   * and text columns (a spreadsheet's formatted value).
   */
  setCell(field: number, row: number, line: number, value: unknown, display?: string): void {
    const { plan } = this;
    const slot = plan.numericSlotOfField[field]!;
    if (slot >= 0) {
      if (typeof value === "number" && Number.isFinite(value)) this.columns[slot]![row] = value;
      else if (typeof value === "string") this.setNumberText(slot, row, line, value);
      else if (value === null || value === undefined) this.rejectNumber(slot, row, line, "");
      else {
        const shown = display ?? cellText(value);
        this.rejectNumber(slot, row, line, shown);
      }
    }
    if (field === plan.idField) this.ids[row] = display ?? cellText(value);
    const textSlot = plan.textSlotOfField[field]!;
    if (textSlot >= 0) this.texts[textSlot]![row] = display ?? cellText(value);
  }

  /** Marks fields `from …` of a short row as missing (numbers) or empty (ids, text). */
  fillMissingFrom(from: number, row: number): void {
    const { plan } = this;
    for (let field = from; field < plan.headers.length; field++) {
      const slot = plan.numericSlotOfField[field]!;
      if (slot >= 0) {
        this.columns[slot]![row] = NaN;
        this.missing[slot]!++;
      }
      if (field === plan.idField) this.ids[row] = "";
      const textSlot = plan.textSlotOfField[field]!;
      if (textSlot >= 0) this.texts[textSlot]![row] = "";
    }
  }

  /**
   * Ends row `row` (call once per row, after all its fields). A row whose id
   * is empty or blank is marked to be dropped, and its cells no longer count
   * in the parse issues — rows are read in order, so undoing this row's
   * counts is exact, including which cell is the first non-numeric one.
   */
  endRow(row: number): void {
    if (this.plan.idField < 0) return;
    const id = this.ids[row]!;
    if (id.length > 0 && id.charCodeAt(0) > 32 && id.charCodeAt(id.length - 1) > 32) return;
    if (id.trim() !== "") return;
    this.withoutId.push(row);
    for (let slot = 0; slot < this.columns.length; slot++) {
      if (this.lastRejectedRow[slot] !== row) continue;
      if (this.lastRejectedMissing[slot] === 1) this.missing[slot]!--;
      else if (--this.nonNumeric[slot]! === 0) this.firstNonNumeric[slot] = undefined;
    }
  }

  /**
   * Trims the arrays to `rowCount` rows and assembles the table. Rows whose
   * id is empty or blank (see {@link TableBuilder.endRow}) are dropped and
   * counted in `rowsWithoutId`, so that no command scores a client "" —
   * the same rule as for transaction lines without a client id.
   *
   * @throws SegworkError when no row has an id.
   */
  finish(rowCount: number, format: TableFormat): Table {
    const dropped = this.withoutId;
    const lines = dropped.slice(0, 3).map((row) => this.sourceLines[row]!);
    if (dropped.length > 0) {
      if (dropped.length === rowCount)
        throw loadMessages.noRowWithId(
          this.source,
          this.plan.headers[this.plan.idField]!,
          rowCount,
        );
      rowCount = this.dropRows(dropped, rowCount);
    }
    return { ...this.assemble(rowCount, format), rowsWithoutId: { count: dropped.length, lines } };
  }

  /** Removes `rows` (ascending) from every array, moving later rows up; returns the rows left. */
  private dropRows(rows: number[], rowCount: number): number {
    let kept = 0;
    let next = 0;
    for (let row = 0; row < rowCount; row++) {
      if (rows[next] === row) {
        next++;
        continue;
      }
      for (const column of this.columns) column[kept] = column[row]!;
      for (const text of this.texts) text[kept] = text[row]!;
      this.ids[kept] = this.ids[row]!;
      this.sourceLines[kept] = this.sourceLines[row]!;
      kept++;
    }
    this.ids.length = kept;
    for (const text of this.texts) text.length = kept;
    // The first non-numeric cells keep their line; their row numbers move up past the dropped rows.
    this.firstNonNumeric.forEach((first, slot) => {
      if (first === undefined) return;
      const before = rows.filter((dropped) => dropped < first.row - 1).length;
      this.firstNonNumeric[slot] = { ...first, row: first.row - before };
    });
    return kept;
  }

  private assemble(rowCount: number, format: TableFormat): Omit<Table, "rowsWithoutId"> {
    const { plan } = this;
    // A view when the capacity guess was (nearly) right — typically one spare
    // row for the final line break — and a compact copy otherwise.
    const fit = <T extends Float64Array | Int32Array>(array: T): T =>
      (array.length === rowCount
        ? array
        : array.length - rowCount <= 1 + rowCount / 100
          ? array.subarray(0, rowCount)
          : array.slice(0, rowCount)) as T;
    const columns: Record<string, Float64Array> = {};
    const issues: Record<string, ColumnParseIssues> = {};
    plan.numericNames.forEach((name, slot) => {
      columns[name] = fit(this.columns[slot]!);
      const first = this.firstNonNumeric[slot];
      issues[name] = {
        missing: this.missing[slot]!,
        nonNumeric: this.nonNumeric[slot]!,
        ...(first === undefined ? {} : { firstNonNumeric: first }),
      };
    });
    const text: Record<string, string[]> = {};
    plan.textNames.forEach((name, slot) => (text[name] = this.texts[slot]!));
    let ids = this.ids;
    if (plan.idField < 0) {
      ids = new Array<string>(rowCount);
      for (let row = 0; row < rowCount; row++) ids[row] = String(row + 1);
    }
    return {
      source: this.source,
      headers: plan.headers,
      rowCount,
      idColumn: plan.idField < 0 ? null : plan.headers[plan.idField]!,
      ids,
      sourceLines: fit(this.sourceLines),
      columns,
      issues,
      text,
      format,
    };
  }
}

/**
 * The text of a structured cell: strings as is, numbers in shortest
 * round-trip form, `null`/`undefined` as "", objects as JSON.
 *
 * @example cellText(12.5) // => "12.5"
 */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
