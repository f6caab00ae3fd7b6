/**
 * Date parsing for transaction logs: the documented families that
 * auto-detection recognises, the SQL that classifies and parses a value, and
 * the pure decision of which reading of `a/b/YYYY` applies.
 */
import type { FeaturesSqlDialect } from "./dialect.js";
import type { DateParsing } from "./types.js";

/**
 * The date shapes recognised without `--date-format`, in the order they are
 * tried. A column may mix them (each value is classified on its own by cheap
 * character tests, then parsed strictly); only `a/b/YYYY` needs a decision for
 * the whole column, month-first or day-first. Times are optional everywhere;
 * seconds are optional; an ISO time-zone offset is ignored (local time kept).
 */
export const DATE_FAMILIES = [
  {
    key: "iso",
    name: "ISO 8601",
    example: "2010-12-01 08:26:00",
    test: (v: string) => `substr(${v}, 5, 1) = '-'`,
  },
  {
    key: "slash",
    name: "a/b/YYYY [%H:%M[:%S]]",
    example: "12/1/2010 8:26",
    test: (v: string, d: FeaturesSqlDialect) => d.contains(v, "/"),
  },
  {
    key: "dotted",
    name: "%d.%m.%Y [%H:%M[:%S]]",
    example: "01.12.2010 08:26",
    test: (v: string, d: FeaturesSqlDialect) => d.contains(v, "."),
  },
  { key: "compact", name: "%Y%m%d", example: "20101201", test: (v: string) => `length(${v}) = 8` },
] as const;

/** Key of one date family. */
export type DateFamilyKey = (typeof DATE_FAMILIES)[number]["key"];

/** A SQL string literal (single quotes doubled; DuckDB keeps backslashes as written). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function withTimes(datePart: string): string[] {
  return [`${datePart} %H:%M:%S`, `${datePart} %H:%M`, datePart];
}

/**
 * SQL naming the family (its `key`) of the date string `value`, or NULL.
 *
 * @example
 * dateFamilySql("date_text", featuresDialect("duckdb")); // => "CASE WHEN substr(date_text, 5, 1) = '-' THEN 'iso' … END"
 */
export function dateFamilySql(value: string, dialect: FeaturesSqlDialect): string {
  const whens = DATE_FAMILIES.map(
    (family) => `WHEN ${family.test(value, dialect)} THEN '${family.key}'`,
  );
  return `CASE ${whens.join(" ")} END`;
}

/**
 * SQL that turns the date string `value` (with its family in the SQL
 * expression `family`) into a TIMESTAMP, or NULL when it does not parse.
 *
 * @example
 * dateParseSql("v", "f", { kind: "format", format: "%Y%m%d" }, featuresDialect("duckdb")); // => "try_strptime(v, '%Y%m%d')"
 */
export function dateParseSql(
  value: string,
  family: string,
  parsing: DateParsing,
  dialect: FeaturesSqlDialect,
): string {
  if (parsing.kind === "format") return dialect.tryStrptime(value, [parsing.format]);
  const slash = parsing.slashOrder === "month-first" ? "%m/%d/%Y" : "%d/%m/%Y";
  return [
    `CASE ${family}`,
    `WHEN 'iso' THEN ${dialect.tryIsoTimestamp(value)}`,
    `WHEN 'slash' THEN ${dialect.tryStrptime(value, withTimes(slash))}`,
    `WHEN 'dotted' THEN ${dialect.tryStrptime(value, withTimes("%d.%m.%Y"))}`,
    `WHEN 'compact' THEN ${dialect.tryStrptime(value, ["%Y%m%d"])}`,
    "END",
  ].join(" ");
}

/** Counts of `a/b/YYYY` values that settle (or fail to settle) the reading. */
export interface SlashEvidence {
  /** Values whose first number exceeds 12: only day-first reads them. */
  firstOver12: number;
  /** Values whose second number exceeds 12: only month-first reads them. */
  secondOver12: number;
  /** Values with a ≠ b, both ≤ 12: the two readings give different dates. */
  ambiguous: number;
  /** One ambiguous value, to quote. */
  ambiguousExample: string | null;
}

/**
 * Decides how to read `a/b/YYYY`: the order that more values require (ties
 * and month-first-only evidence → month-first; the values the other order
 * needs are then reported as unreadable); with no evidence at all, month-first
 * when the readings never differ and `ambiguous` when they do.
 *
 * @example
 * chooseSlashOrder({ firstOver12: 3, secondOver12: 0, ambiguous: 10, ambiguousExample: "3/4/2011" }); // => "day-first"
 * chooseSlashOrder({ firstOver12: 0, secondOver12: 0, ambiguous: 10, ambiguousExample: "3/4/2011" }); // => "ambiguous"
 */
export function chooseSlashOrder(
  evidence: SlashEvidence,
): "month-first" | "day-first" | "ambiguous" {
  if (evidence.firstOver12 > evidence.secondOver12) return "day-first";
  if (evidence.secondOver12 > 0 || evidence.ambiguous === 0) return "month-first";
  return "ambiguous";
}

/**
 * `--date-format` values to suggest for an ambiguous `a/b/YYYY` value, month
 * first then day first, with the time part matching the example.
 *
 * @example
 * suggestedSlashFormats("3/4/2011 8:26"); // => ["%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M"]
 */
export function suggestedSlashFormats(example: string): [string, string] {
  const time = /\d:\d{2}:\d{2}$/.test(example)
    ? " %H:%M:%S"
    : /\d:\d{2}$/.test(example)
      ? " %H:%M"
      : "";
  return [`%m/%d/%Y${time}`, `%d/%m/%Y${time}`];
}

/**
 * What a date was expected to look like, for messages.
 *
 * @example
 * describeDateParsing({ kind: "format", format: "%Y%m%d" }); // => 'the format "%Y%m%d"'
 */
export function describeDateParsing(parsing: DateParsing): string {
  if (parsing.kind === "format") return `the format "${parsing.format}"`;
  const slash = parsing.slashOrder === "month-first" ? "%m/%d/%Y" : "%d/%m/%Y";
  return `ISO 8601 (2010-12-01 08:26:00), ${slash} [%H:%M[:%S]], %d.%m.%Y [%H:%M[:%S]] or %Y%m%d`;
}
