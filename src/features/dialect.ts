/**
 * The spellings in which DuckDB and PostgreSQL differ, for the features SQL.
 * The query itself is written once (`sql.ts`); each piece that the two
 * engines spell differently comes from here, so the PostgreSQL query is the
 * DuckDB one, step for step.
 *
 * What PostgreSQL lacks as an expression (a cast or a timestamp parse that
 * yields NULL instead of raising) is done by the session-local helper
 * functions of `postgresPreamble` (numbers-sql.ts), run before the query.
 */
import { sqlString } from "./dates.js";
import type { FeaturesDialect } from "./numbers-sql.js";

/** One engine's spellings. */
export interface FeaturesSqlDialect {
  name: FeaturesDialect;
  /** The float64 type. */
  double: string;
  /** The text type. */
  text: string;
  /** True when `needle` occurs in `text`. */
  contains(text: string, needle: string): string;
  /** A whole number of up to 9 digits as INTEGER, else NULL. */
  tryInteger(text: string): string;
  /** An ISO 8601 date or timestamp (a time-zone offset ignored), else NULL. */
  tryIsoTimestamp(text: string): string;
  /** The first of the strptime `formats` that reads `text` in full, else NULL. */
  tryStrptime(text: string, formats: readonly string[]): string;
  /** Whole days from the DATE `from` to the DATE `to`. */
  daysBetween(from: string, to: string): string;
  /** `YYYY-MM-DD` of a date or timestamp. */
  isoDate(value: string): string;
  /** The DATE literal `day` plus one day (a TIMESTAMP). */
  dayAfter(day: string): string;
  /** The value of `value` on the row with the latest `by` among `filter` (NULL values skipped). */
  argMax(value: string, by: string, filter: string): string;
  /** GROUP BY every one of the first `count` output columns. */
  groupByAll(count: number): string;
  /** The id to sort by, in byte order (DuckDB's default; PostgreSQL's C collation). */
  byteOrder(value: string): string;
  /**
   * A float64 rounded to `digits` decimals as DuckDB's `round(x, n)` does:
   * `std::round(x · 10ⁿ) / 10ⁿ` in float64 (half away from zero on the
   * product; checked against DuckDB on 600,000 values, near-ties included).
   */
  roundDouble(value: string, digits: number): string;
  /** The quotient of two DECIMAL sums as a float64 (DuckDB divides DECIMALs as DOUBLEs). */
  divideSums(numerator: string, denominator: string): string;
}

/**
 * Translates a DuckDB strptime format to a PostgreSQL `to_timestamp` format
 * and a regular expression that a value must match in full first
 * (`to_timestamp` alone is lenient: it skips what the format does not name).
 *
 * @throws RangeError for a directive other than %Y %m %d %H %M %S %y %%.
 * @example postgresFormat("%d.%m.%Y %H:%M") // => { format: "DD.MM.YYYY HH24:MI", pattern: "^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4} [0-9]{1,2}:[0-9]{1,2}$" }
 */
export function postgresFormat(strptime: string): { format: string; pattern: string } {
  const parts: Record<string, [string, string]> = {
    Y: ["YYYY", "[0-9]{4}"],
    y: ["YY", "[0-9]{2}"],
    m: ["MM", "[0-9]{1,2}"],
    d: ["DD", "[0-9]{1,2}"],
    H: ["HH24", "[0-9]{1,2}"],
    M: ["MI", "[0-9]{1,2}"],
    S: ["SS", "[0-9]{1,2}"],
  };
  let format = "";
  let pattern = "^";
  for (let i = 0; i < strptime.length; i++) {
    const c = strptime[i]!;
    if (c === "%") {
      const directive = strptime[++i] ?? "";
      if (directive === "%") {
        format += "%";
        pattern += "%";
        continue;
      }
      const part = parts[directive];
      if (part === undefined)
        throw new RangeError(`no PostgreSQL spelling for the date directive %${directive}`);
      format += part[0];
      pattern += part[1];
    } else {
      // Literal characters: quoted in the format, escaped in the pattern.
      format += /[A-Za-z]/.test(c) ? `"${c}"` : c;
      pattern += /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
    }
  }
  return { format, pattern: `${pattern}$` };
}

const duckdb: FeaturesSqlDialect = {
  name: "duckdb",
  double: "DOUBLE",
  text: "VARCHAR",
  contains: (text, needle) => `contains(${text}, ${sqlString(needle)})`,
  tryInteger: (text) => `try_cast(${text} AS INTEGER)`,
  tryIsoTimestamp: (text) => `try_cast(${text} AS TIMESTAMP)`,
  tryStrptime: (text, formats) =>
    formats.length === 1
      ? `try_strptime(${text}, ${sqlString(formats[0]!)})`
      : `try_strptime(${text}, [${formats.map(sqlString).join(", ")}])`,
  daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  isoDate: (value) => `strftime(${value}, '%Y-%m-%d')`,
  dayAfter: (day) => `DATE ${sqlString(day)} + INTERVAL 1 DAY`,
  argMax: (value, by, filter) => `arg_max(${value}, ${by}) FILTER (WHERE ${filter})`,
  groupByAll: () => "GROUP BY ALL",
  byteOrder: (value) => value,
  roundDouble: (value, digits) => `round(${value}, ${digits})`,
  divideSums: (numerator, denominator) => `${numerator} / ${denominator}`,
};

const postgres: FeaturesSqlDialect = {
  name: "postgres",
  double: "DOUBLE PRECISION",
  text: "TEXT",
  contains: (text, needle) => `(strpos(${text}, ${sqlString(needle)}) > 0)`,
  tryInteger: (text) => `CASE WHEN ${text} ~ '^[0-9]{1,9}$' THEN CAST(${text} AS INTEGER) END`,
  tryIsoTimestamp: (text) => `pg_temp.segwork_iso_timestamp(${text})`,
  tryStrptime: (text, formats) => {
    const reads = formats.map((strptime) => {
      const { format, pattern } = postgresFormat(strptime);
      return `CASE WHEN ${text} ~ ${sqlString(pattern)} THEN pg_temp.segwork_timestamp(${text}, ${sqlString(format)}) END`;
    });
    return reads.length === 1 ? reads[0]! : `coalesce(${reads.join(", ")})`;
  },
  daysBetween: (from, to) => `(${to} - ${from})`,
  isoDate: (value) => `to_char(${value}, 'YYYY-MM-DD')`,
  dayAfter: (day) => `DATE ${sqlString(day)} + INTERVAL '1 day'`,
  argMax: (value, by, filter) =>
    `(array_agg(${value} ORDER BY ${by} DESC) FILTER (WHERE ${filter} AND ${value} IS NOT NULL AND ${by} IS NOT NULL))[1]`,
  groupByAll: (count) => `GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(", ")}`,
  byteOrder: (value) => `${value} COLLATE "C"`,
  // PostgreSQL's round(double precision) rounds half to even, and round(numeric, n) works on a
  // 15-digit decimal of the double: neither is DuckDB's, so the rule is written out.
  roundDouble: (value, digits) => {
    const scaled = `abs(${value}) * ${10 ** digits}`;
    return `(sign(${value}) * (floor(${scaled}) + CASE WHEN ${scaled} - floor(${scaled}) >= 0.5 THEN 1 ELSE 0 END) / ${10 ** digits})`;
  },
  divideSums: (numerator, denominator) =>
    `CAST(${numerator} AS DOUBLE PRECISION) / CAST(${denominator} AS DOUBLE PRECISION)`,
};

/**
 * Statements to run before a PostgreSQL features query: the session's time
 * zone (UTC, so no wall-clock time falls into a daylight-saving gap) and
 * session-local (`pg_temp`) helper functions for what PostgreSQL cannot do
 * in an expression without raising an error: a cast that may overflow, a
 * timestamp that may not exist. Nothing is created outside the session.
 *
 * @example postgresPreamble().startsWith("SET TIME ZONE 'UTC';") // => true
 */
export function postgresPreamble(): string {
  const function_ = (signature: string, returns: string, body: string, fallback: string): string =>
    [
      `CREATE OR REPLACE FUNCTION pg_temp.${signature} RETURNS ${returns}`,
      "LANGUAGE plpgsql IMMUTABLE AS $$",
      "BEGIN",
      `  RETURN ${body};`,
      "EXCEPTION WHEN others THEN",
      `  RETURN ${fallback};`,
      "END $$;",
    ].join("\n");
  return [
    "SET TIME ZONE 'UTC';",
    // What JavaScript or DuckDB round to zero (1e-400) is zero; an overflow is no number.
    function_(
      "segwork_double(t text)",
      "double precision",
      "CAST(t AS double precision)",
      "CASE WHEN t ~ '[eE]-' THEN 0 END",
    ),
    // A timestamp without time zone: an ISO offset is ignored, as DuckDB's cast does.
    function_("segwork_iso_timestamp(t text)", "timestamp", "CAST(t AS timestamp)", "NULL"),
    function_(
      "segwork_timestamp(t text, format text)",
      "timestamp",
      "CAST(to_timestamp(t, format) AS timestamp)",
      "NULL",
    ),
  ].join("\n");
}

/**
 * The spellings of `name`.
 *
 * @example featuresDialect("postgres").double // => "DOUBLE PRECISION"
 */
export function featuresDialect(name: FeaturesDialect): FeaturesSqlDialect {
  return name === "duckdb" ? duckdb : postgres;
}
