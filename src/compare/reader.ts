/**
 * Reading the compare stage's inputs out of loaded tables: a labeling from a
 * label table (assignments.csv, segments.csv) and raw feature or revenue
 * columns of the client table, aligned to a list of client ids.
 */
import type { Table } from "../load/types.js";
import type { DenseMatrix } from "../shared/matrix.js";
import * as messages from "../shared/messages/compare.js";
import type { Labeling, UnmatchedIds } from "./types.js";

/** Column names taken as the label column when none is named, by priority (case-insensitive). */
export const LABEL_COLUMN_NAMES = ["segment", "cluster", "tier", "label", "group", "class"];

/**
 * The labeling held by a loaded label table: its ids and one label per row.
 * The label column is `labelColumn` when given; otherwise the first header
 * (case-insensitive) among {@link LABEL_COLUMN_NAMES}, otherwise the only
 * column besides the id. Text columns are used as written (trimmed); numeric
 * columns are printed as numbers ("2", "2.5"). Load the label column as text
 * when its labels are words.
 *
 * @throws SegworkError `compare.label-column-not-found` when the named column is not in the table.
 * @throws SegworkError `compare.label-column-not-chosen` when none is named and no column qualifies.
 * @throws SegworkError `compare.missing-label` for an empty label (naming file, line and column).
 * @throws Error when a column of words was loaded as numbers (a wiring bug: load it as text).
 * @example
 * // assignments.csv: id,cluster,label  →
 * labelingFromTable(table); // => { ids: ["12346", …], labels: ["2", …], source: "assignments.csv", lines: … }
 */
export function labelingFromTable(table: Table, labelColumn?: string): Labeling {
  const column = labelColumn ?? chooseLabelColumn(table);
  const text = table.text[column];
  const numbers = table.columns[column];
  if (!text && !numbers) throw messages.labelColumnNotFound(table.source, column, table.headers);
  const labels = new Array<string>(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    let label: string;
    if (text) {
      label = (text[i] ?? "").trim();
    } else {
      const x = numbers![i]!;
      if (Number.isNaN(x) && table.issues[column]?.firstNonNumeric) {
        throw new Error(
          `label column "${column}" of "${table.source}" holds words but was loaded as numbers; load it as text`,
        );
      }
      label = Number.isNaN(x) ? "" : String(x);
    }
    if (label === "") throw messages.missingLabel(table.source, table.sourceLines[i]!, column);
    labels[i] = label;
  }
  return { ids: table.ids, labels, source: table.source, lines: table.sourceLines };
}

function chooseLabelColumn(table: Table): string {
  const candidates = table.headers.filter((h) => h !== table.idColumn);
  for (const name of LABEL_COLUMN_NAMES) {
    const found = candidates.find((h) => h.toLowerCase() === name);
    if (found) return found;
  }
  if (candidates.length === 1) return candidates[0]!;
  throw messages.labelColumnNotChosen(table.source, candidates);
}

/**
 * Numeric columns of the client table for the given ids, row i = ids[i]
 * (a row of NaN for an id the table lacks; such ids are counted and the first
 * 5 listed in `missing`).
 *
 * @throws SegworkError `compare.client-column-not-found` when a column is not numeric in the table.
 * @throws SegworkError `compare.duplicate-client-id` when the table has an id twice.
 * @example
 * const { matrix, missing } = clientColumns(clients, ["12347", "99999"], ["recency_days", "monetary"], "feature");
 * // matrix.rows => 2; row 1 is [NaN, NaN]; missing => { count: 1, examples: ["99999"] }
 */
export function clientColumns(
  table: Table,
  ids: readonly string[],
  columns: readonly string[],
  role: "feature" | "revenue",
): { matrix: DenseMatrix; missing: UnmatchedIds } {
  const sources = columns.map((column) => {
    const values = table.columns[column];
    if (!values) {
      throw messages.clientColumnNotFound(table.source, column, role, Object.keys(table.columns));
    }
    return values;
  });
  const rowOf = new Map<string, number>();
  table.ids.forEach((id, row) => {
    const previous = rowOf.get(id);
    if (previous !== undefined) {
      throw messages.duplicateClientId(
        table.source,
        id,
        table.sourceLines[previous]!,
        table.sourceLines[row]!,
      );
    }
    rowOf.set(id, row);
  });
  const d = columns.length;
  const data = new Float64Array(ids.length * d).fill(NaN);
  const missing: UnmatchedIds = { count: 0, examples: [] };
  ids.forEach((id, i) => {
    const row = rowOf.get(id);
    if (row === undefined) {
      missing.count++;
      if (missing.examples.length < 5) missing.examples.push(id);
      return;
    }
    for (let j = 0; j < d; j++) data[i * d + j] = sources[j]![row]!;
  });
  return { matrix: { data, rows: ids.length, cols: d }, missing };
}
