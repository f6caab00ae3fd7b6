/**
 * One-line descriptions of what was loaded, for logs and report headers.
 */
import type { Table } from "./types.js";

const DELIMITER_NAMES: Record<string, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
  whitespace: "whitespace",
};

/**
 * Describes a table's format and size, and the rows dropped for an empty id.
 *
 * @example
 * describeFormat(table) // => 'clients.csv.gz: CSV (semicolon-separated, gb18030, gzip), 440 rows, 8 columns'
 * @example
 * describeFormat(withBlankIds) // => 'x.csv: CSV (comma-separated, utf-8), 4 rows, 4 columns; 2 rows without a client id dropped (lines 3, 5)'
 */
export function describeFormat(table: Table): string {
  const { format } = table;
  const details: string[] = [];
  if (format.kind === "csv") {
    const delimiter = format.delimiter ?? ",";
    details.push(
      `${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}-separated`,
      format.encoding,
    );
  } else if (format.kind === "json") {
    if (format.layout !== undefined)
      details.push(format.layout === "lines" ? "JSON Lines" : `${format.layout} layout`);
    details.push(format.encoding);
  } else if (format.sheet !== undefined) {
    details.push(`sheet "${format.sheet}"`);
  }
  if (format.gzip) details.push("gzip");
  const kind = format.kind.toUpperCase();
  const rows = `${table.rowCount} row${table.rowCount === 1 ? "" : "s"}`;
  const columns = `${table.headers.length} column${table.headers.length === 1 ? "" : "s"}`;
  const detail = details.length === 0 ? "" : ` (${details.join(", ")})`;
  const { count, lines } = table.rowsWithoutId;
  const dropped =
    count === 0
      ? ""
      : `; ${count} row${count === 1 ? "" : "s"} without a client id dropped (line${lines.length === 1 ? "" : "s"} ${lines.join(", ")}${count > lines.length ? ", …" : ""})`;
  return `${table.source}: ${kind}${detail}, ${rows}, ${columns}${dropped}`;
}
