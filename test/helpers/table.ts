import type { Table } from "../../src/load/types.js";

/**
 * Builds a loaded Table in memory (no file system), as the loader would:
 * numbers as given, `null` as missing, strings as non-numeric cells.
 */
export function tableFrom(
  columns: Record<string, (number | string | null)[]>,
  ids?: string[],
  source = "test.csv",
): Table {
  const names = Object.keys(columns);
  const rowCount = names.length > 0 ? columns[names[0]!]!.length : 0;
  const numeric: Record<string, Float64Array> = {};
  const issues: Table["issues"] = {};
  for (const name of names) {
    const cells = columns[name]!;
    const values = new Float64Array(rowCount);
    let missing = 0;
    let nonNumeric = 0;
    let firstNonNumeric: Table["issues"][string]["firstNonNumeric"];
    cells.forEach((cell, i) => {
      if (cell === null) {
        values[i] = NaN;
        missing++;
      } else if (typeof cell === "string") {
        values[i] = NaN;
        nonNumeric++;
        firstNonNumeric ??= { row: i + 1, line: i + 2, value: cell };
      } else values[i] = cell;
    });
    numeric[name] = values;
    issues[name] = { missing, nonNumeric, ...(firstNonNumeric ? { firstNonNumeric } : {}) };
  }
  return {
    source,
    headers: ids ? ["id", ...names] : names,
    rowCount,
    idColumn: ids ? "id" : null,
    ids: ids ?? Array.from({ length: rowCount }, (_, i) => String(i + 1)),
    sourceLines: Int32Array.from({ length: rowCount }, (_, i) => i + 2),
    rowsWithoutId: { count: 0, lines: [] },
    columns: numeric,
    issues,
    text: {},
    format: { kind: "csv", encoding: "utf-8", delimiter: ",", gzip: false },
  };
}
