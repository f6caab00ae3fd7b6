/**
 * JSON tables to a {@link Table}: an array of records, pandas'
 * `orient="split"` (`{columns, data}`), pandas' `orient="list"`
 * (`{column: [values]}`), or JSON Lines (one record per line).
 */
import * as loadMessages from "../shared/messages/load.js";
import { planColumns } from "./columns.js";
import { locate, locateJsonError } from "./json-error.js";
import { numberFormatOf, TableBuilder } from "./table-builder.js";
import type { LoadOptions, Table } from "./types.js";

/** How the rows were laid out in the JSON text. */
export type JsonLayout = "records" | "split" | "lists" | "lines";

type JsonRecord = Record<string, unknown>;

/**
 * Parses a JSON document (or JSON Lines when `lines` is true, or when the
 * document is several records one per line). Numbers stay numbers, numeric
 * strings are parsed, `null` and absent keys are missing. Record headers are
 * the union of keys in order of first appearance. `sourceLines` holds the
 * 1-based record number (the line number for JSON Lines).
 *
 * @throws SegworkError for invalid JSON (line and column named), a layout
 *   that is not a table, rows of the wrong shape, no rows, or unknown
 *   columns.
 * @example
 * parseJsonText('[{"id": "007", "x": 1}]', "a.json", false, { id: "id" }, { encoding: "utf-8", gzip: false }).ids // => ["007"]
 */
export function parseJsonText(
  text: string,
  source: string,
  lines: boolean,
  options: LoadOptions,
  format: { encoding: string; gzip: boolean },
): Table {
  if (text.trim() === "") throw loadMessages.emptyFile(source);
  const finishAs = (layout: JsonLayout, builder: TableBuilder, rowCount: number): Table => {
    if (rowCount === 0) throw loadMessages.headerOnly(source, builder.plan.headers.length);
    const table = builder.finish(rowCount, {
      kind: "json",
      encoding: format.encoding,
      gzip: format.gzip,
    });
    table.format.layout = layout;
    return table;
  };

  if (lines || looksLikeJsonLines(text)) {
    const { records, lineNumbers } = parseLines(text, source);
    return finishAs(
      "lines",
      fillFromRecords(records, lineNumbers, source, options),
      records.length,
    );
  }

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const where = locateJsonError(text) ?? locate(text, text.length);
    throw loadMessages.invalidJson(source, where.line, where.column, where.near);
  }

  if (Array.isArray(document)) {
    if (document.length === 0) throw loadMessages.emptyFile(source);
    const records = document.map((record, index) => asRecord(record, index, source));
    const numbers = Int32Array.from(records, (_, index) => index + 1);
    return finishAs("records", fillFromRecords(records, numbers, source, options), records.length);
  }
  if (
    isPlainObject(document) &&
    Array.isArray(document["columns"]) &&
    Array.isArray(document["data"])
  ) {
    const headers = document["columns"].map((name) => String(name).trim());
    const data = document["data"] as unknown[];
    const builder = new TableBuilder(
      source,
      planColumns(source, headers, options),
      data.length,
      numberFormatOf(options),
    );
    data.forEach((entry, row) => {
      if (!Array.isArray(entry)) throw loadMessages.jsonRowNotRecord(source, row + 1, "an array");
      if (entry.length > headers.length)
        throw loadMessages.jsonRowTooLong(source, row + 1, entry.length, headers.length);
      entry.forEach((value, field) => builder.setCell(field, row, row + 1, value));
      if (entry.length < headers.length) builder.fillMissingFrom(entry.length, row);
      builder.sourceLines[row] = row + 1;
      builder.endRow(row);
    });
    return finishAs("split", builder, data.length);
  }
  if (
    isPlainObject(document) &&
    Object.keys(document).length > 0 &&
    Object.values(document).every(Array.isArray)
  ) {
    const lists = Object.entries(document as Record<string, unknown[]>);
    const headers = lists.map(([name]) => name.trim());
    const rowCount = Math.max(...lists.map(([, values]) => values.length));
    const builder = new TableBuilder(
      source,
      planColumns(source, headers, options),
      rowCount,
      numberFormatOf(options),
    );
    for (let row = 0; row < rowCount; row++) {
      lists.forEach(([, values], field) => builder.setCell(field, row, row + 1, values[row]));
      builder.sourceLines[row] = row + 1;
      builder.endRow(row);
    }
    return finishAs("lists", builder, rowCount);
  }
  throw loadMessages.unsupportedJsonLayout(source);
}

/** A document of two or more lines whose first line is a whole JSON object. */
function looksLikeJsonLines(text: string): boolean {
  const body = text.trim();
  const newline = body.indexOf("\n");
  if (newline < 0 || body[0] !== "{") return false;
  try {
    return isPlainObject(JSON.parse(body.slice(0, newline)));
  } catch {
    return false;
  }
}

function parseLines(
  text: string,
  source: string,
): { records: JsonRecord[]; lineNumbers: Int32Array } {
  const records: JsonRecord[] = [];
  const numbers: number[] = [];
  text.split("\n").forEach((rawLine, index) => {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const where = locateJsonError(line) ?? locate(line, line.length);
      throw loadMessages.invalidJson(source, index + 1, where.column, where.near);
    }
    records.push(asRecord(value, records.length, source));
    numbers.push(index + 1);
  });
  if (records.length === 0) throw loadMessages.emptyFile(source);
  return { records, lineNumbers: Int32Array.from(numbers) };
}

function fillFromRecords(
  records: JsonRecord[],
  lineNumbers: Int32Array,
  source: string,
  options: LoadOptions,
): TableBuilder {
  const headerSet = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) headerSet.add(key);
  const keys = [...headerSet];
  const builder = new TableBuilder(
    source,
    planColumns(
      source,
      keys.map((key) => key.trim()),
      options,
    ),
    records.length,
    numberFormatOf(options),
  );
  records.forEach((record, row) => {
    keys.forEach((key, field) =>
      builder.setCell(
        field,
        row,
        lineNumbers[row]!,
        Object.hasOwn(record, key) ? record[key] : undefined,
      ),
    );
    builder.sourceLines[row] = lineNumbers[row]!;
    builder.endRow(row);
  });
  return builder;
}

function asRecord(value: unknown, index: number, source: string): JsonRecord {
  if (!isPlainObject(value)) throw loadMessages.jsonRowNotRecord(source, index + 1, "an object");
  return value;
}

function isPlainObject(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
