/**
 * The SQL engines segwork writes queries for, and the spellings that differ
 * between them. Only what segwork's queries use is here: the type of a
 * float64, and the quoting of identifiers.
 */

/** Engines with a dialect of their own (the `--dialect` values). */
export const SQL_DIALECTS = ["duckdb", "postgres", "spark", "trino"] as const;

/** One of {@link SQL_DIALECTS}. */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * The name of the IEEE float64 type: `DOUBLE` in DuckDB, Spark SQL and Trino;
 * PostgreSQL only knows `DOUBLE PRECISION` ("type double does not exist").
 *
 * @example doubleType("postgres") // => "DOUBLE PRECISION"
 */
export function doubleType(dialect: SqlDialect): string {
  return dialect === "postgres" ? "DOUBLE PRECISION" : "DOUBLE";
}

/**
 * A quoted identifier: ANSI double quotes (embedded quotes doubled) in
 * DuckDB, PostgreSQL and Trino; backticks in Spark SQL, which reads double
 * quotes as identifiers only with `spark.sql.ansi.doubleQuotedIdentifiers`.
 *
 * @example quoteIdentifier('a"b', "duckdb") // => '"a""b"'
 * @example quoteIdentifier("a`b", "spark") // => "`a``b`"
 */
export function quoteIdentifier(name: string, dialect: SqlDialect = "duckdb"): string {
  return dialect === "spark"
    ? `\`${name.replaceAll("`", "``")}\``
    : `"${name.replaceAll('"', '""')}"`;
}
