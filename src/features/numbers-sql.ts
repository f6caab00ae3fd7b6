/**
 * The load stage's number grammar (`parseDecimal`, `numberPattern` in
 * `src/load/numbers.ts`) as SQL, so that a transaction log's amounts are read
 * exactly as a client table's numbers are: thousands separators, currency
 * marks, a decimal comma when asked for. A text the grammar does not read is
 * NULL (and its line counted as an unreadable amount), never a guess.
 *
 * Why regular expressions rather than `try_cast`: DuckDB's cast reads
 * `1_000` as 1000 and knows no thousands separators or currency marks, and
 * PostgreSQL's raises an error instead of returning NULL. The pattern is one
 * string that RE2 (DuckDB) and PostgreSQL's ARE read alike.
 */
import { currencyPattern, numberPattern, type NumberFormat } from "../load/numbers.js";
import { sqlString } from "./dates.js";

/** The engines the features SQL is written for. */
export type FeaturesDialect = "duckdb" | "postgres";

/** Plain decimals (no blanks, marks or separators), which need no rewriting before the cast. */
function plainPattern(format: NumberFormat): string {
  return format.decimal === "." ? "^[+-]?[0-9]+(\\.[0-9]+)?$" : "^[+-]?[0-9]+$";
}

/**
 * SQL true when the text expression `text` matches the regular expression `pattern` in full.
 *
 * @example matchesSql("t", "^[0-9]+$", "postgres") // => "(t ~ '^[0-9]+$')"
 */
export function matchesSql(text: string, pattern: string, dialect: FeaturesDialect): string {
  return dialect === "duckdb"
    ? `regexp_full_match(${text}, ${sqlString(pattern)})`
    : `(${text} ~ ${sqlString(pattern)})`;
}

/**
 * SQL for the canonical text of a number the grammar reads (`-1234.5`), or
 * NULL: blanks and the currency mark removed, thousands separators dropped,
 * a decimal comma turned into a point. Plain decimals pass as they are.
 *
 * @example numberTextSql("t", { decimal: "." }, "duckdb") // => "CASE WHEN regexp_full_match(t, '^[+-]?[0-9]+(\\.[0-9]+)?$') THEN t WHEN … END"
 */
export function numberTextSql(
  text: string,
  format: NumberFormat,
  dialect: FeaturesDialect,
): string {
  const unmarked = `regexp_replace(replace(replace(${text}, ' ', ''), chr(9), ''), ${sqlString(currencyPattern())}, '', 'g')`;
  const canonical =
    format.decimal === "."
      ? `replace(${unmarked}, ',', '')`
      : `replace(replace(${unmarked}, '.', ''), ',', '.')`;
  return [
    `CASE WHEN ${matchesSql(text, plainPattern(format), dialect)} THEN ${text}`,
    `WHEN ${matchesSql(text, numberPattern(format), dialect)} THEN ${canonical} END`,
  ].join(" ");
}

/**
 * SQL casting a canonical number text (from {@link numberTextSql}) to a
 * float64, NULL when it does not fit one. DuckDB's `try_cast` is correctly
 * rounded and NULL on overflow; PostgreSQL's cast is correctly rounded but
 * raises on overflow and underflow, so texts that could (an exponent, or
 * over 300 characters) go through `pg_temp.segwork_double` of
 * `postgresPreamble` (dialect.ts).
 *
 * @example numberValueSql("n", "duckdb") // => "try_cast(n AS DOUBLE)"
 */
export function numberValueSql(canonical: string, dialect: FeaturesDialect): string {
  if (dialect === "duckdb") return `try_cast(${canonical} AS DOUBLE)`;
  return `CASE WHEN ${canonical} ~ '[eE]' OR length(${canonical}) > 300 THEN pg_temp.segwork_double(${canonical}) ELSE CAST(${canonical} AS DOUBLE PRECISION) END`;
}

/**
 * SQL for the currency mark written in `text` (`$`, `€`, `USD`, …), or NULL
 * when there is none.
 *
 * @example currencySql("t", "postgres") // => "nullif(substring(t from '(?:\\$|€|…)'), '')"
 */
export function currencySql(text: string, dialect: FeaturesDialect): string {
  const pattern = sqlString(currencyPattern());
  return dialect === "duckdb"
    ? `nullif(regexp_extract(${text}, ${pattern}), '')`
    : `nullif(substring(${text} from ${pattern}), '')`;
}
