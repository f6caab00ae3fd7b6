/**
 * Writing CSV (RFC 4180): the one place output fields are quoted, shared by
 * the artifacts and the segment table.
 */

/**
 * Quotes a CSV field when needed.
 *
 * @example
 * csvField('a "b", c') // => '"a ""b"", c"'
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Serializes rows as CSV with a header; `bom` prepends U+FEFF so Excel reads UTF-8.
 *
 * @example
 * toCsv(["id", "cluster"], [["a", 0]]) // => "id,cluster\na,0\n"
 */
export function toCsv(header: string[], rows: (string | number)[][], bom = false): string {
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(row.map((v) => csvField(String(v))).join(","));
  return (bom ? "\uFEFF" : "") + lines.join("\n") + "\n";
}

/**
 * A number as JavaScript prints it; NaN (a missing value) as an empty cell.
 *
 * @example
 * numberCell(1797.24) // => "1797.24"; numberCell(NaN) // => ""
 */
export function numberCell(x: number): string {
  return Number.isNaN(x) ? "" : String(x);
}
