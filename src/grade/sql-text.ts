/**
 * Spelling values in SQL for DuckDB, PostgreSQL, Spark SQL and Trino: one
 * spelling wherever the four agree, a dialect argument where they do not.
 */
import { doubleType, quoteIdentifier, type SqlDialect } from "../shared/sql-dialect.js";

export { quoteIdentifier };

/**
 * A DOUBLE literal with 17 significant digits in exponent form, which reads
 * back as the very same float64 (17 digits always round-trip).
 *
 * Why the exponent: without one, `0.5` is a DECIMAL literal in Spark SQL,
 * Trino and DuckDB, and DECIMAL → DOUBLE conversion is not guaranteed to be
 * correctly rounded; with one, all three parse a DOUBLE directly. PostgreSQL
 * reads any such literal as NUMERIC (exact), so there it is cast, and the
 * NUMERIC → DOUBLE PRECISION cast is correctly rounded. Negative values are
 * parenthesised so `x - (-1.0E+0)` never forms a `--` comment.
 *
 * @throws RangeError for NaN and ±Infinity, which have no portable literal.
 * @example
 * doubleLiteral(0.1) // => "1.0000000000000001E-1"
 * doubleLiteral(-2) // => "(-2.0000000000000000E+0)"
 * doubleLiteral(0.1, "postgres") // => "CAST(1.0000000000000001E-1 AS DOUBLE PRECISION)"
 */
export function doubleLiteral(value: number, dialect: SqlDialect = "duckdb"): string {
  if (!Number.isFinite(value)) throw new RangeError(`no SQL literal for ${value}`);
  const text = value.toExponential(16).toUpperCase();
  if (dialect === "postgres") return `CAST(${text} AS ${doubleType(dialect)})`;
  return value < 0 ? `(${text})` : text;
}

/**
 * A string literal. Quotes and backslashes are spelled `CHR(39)` and
 * `CHR(92)` and joined with `||`.
 *
 * Why not the ANSI `''`: Spark SQL reads `'It''s'` as the two adjacent
 * literals `'It'` and `'s'` and concatenates them to "Its", and it treats a
 * backslash as an escape; `CHR` and `||` mean the same in all four dialects.
 *
 * @example
 * stringLiteral("Big 'spenders'") // => "'Big ' || CHR(39) || 'spenders' || CHR(39)"
 */
export function stringLiteral(value: string): string {
  const parts: string[] = [];
  let run = "";
  for (const ch of value) {
    if (ch === "'" || ch === "\\") {
      if (run !== "") parts.push(`'${run}'`);
      run = "";
      parts.push(`CHR(${ch.charCodeAt(0)})`);
    } else run += ch;
  }
  if (run !== "" || parts.length === 0) parts.push(`'${run}'`);
  return parts.join(" || ");
}

/**
 * A `--` comment line; line breaks in `text` become separate comment lines
 * so a file name or label can never end the comment early.
 *
 * @example
 * commentLines("model: a\nb") // => "-- model: a\n-- b"
 */
export function commentLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `-- ${line}`.trimEnd())
    .join("\n");
}
