import { readFileSync } from "node:fs";
import type { Table } from "../../src/load/types.js";

/**
 * A loaded-table stand-in for tests (the compare stage only reads tables):
 * `numeric` columns become Float64Arrays (empty → NaN), `text` columns stay strings.
 */
export function makeTable(
  source: string,
  headers: string[],
  rows: string[][],
  options: { id?: string; text?: string[] } = {},
): Table {
  const idIndex = options.id ? headers.indexOf(options.id) : -1;
  const text = options.text ?? [];
  const columns: Table["columns"] = {};
  const textColumns: Table["text"] = {};
  const issues: Table["issues"] = {};
  headers.forEach((h, j) => {
    if (j === idIndex) return;
    if (text.includes(h)) {
      textColumns[h] = rows.map((r) => r[j] ?? "");
      return;
    }
    const values = new Float64Array(rows.length);
    let missing = 0;
    let nonNumeric = 0;
    let firstNonNumeric: { row: number; line: number; value: string } | undefined;
    rows.forEach((r, i) => {
      const cell = (r[j] ?? "").trim();
      const x = cell === "" ? NaN : Number(cell);
      if (cell === "") missing++;
      else if (Number.isNaN(x)) {
        nonNumeric++;
        firstNonNumeric ??= { row: i + 1, line: i + 2, value: cell };
      }
      values[i] = x;
    });
    columns[h] = values;
    issues[h] = firstNonNumeric
      ? { missing, nonNumeric, firstNonNumeric }
      : { missing, nonNumeric };
  });
  return {
    source,
    headers,
    rowCount: rows.length,
    idColumn: options.id ?? null,
    ids: rows.map((r, i) => (idIndex >= 0 ? r[idIndex]! : String(i + 1))),
    sourceLines: Int32Array.from(rows, (_, i) => i + 2),
    rowsWithoutId: { count: 0, lines: [] },
    columns,
    issues,
    text: textColumns,
    format: { kind: "csv", encoding: "utf-8", delimiter: ",", gzip: false },
  };
}

/** A simple comma-separated file without quotes (such as data/online-retail-clients.csv). */
export function readPlainCsv(path: string): { headers: string[]; rows: string[][] } {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  return { headers: lines[0]!.split(","), rows: lines.slice(1).map((l) => l.split(",")) };
}
