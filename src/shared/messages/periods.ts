/**
 * Messages of periodic re-grading: period windows, frozen grading,
 * migration, KPIs and targets, campaigns, overrides and single-client
 * explanations.
 */
import { SegworkError } from "../errors.js";
import { describeValue } from "./grade.js";

// ── Period windows ──────────────────────────────────────────────────────────

/**
 * A period date that is not a calendar day written YYYY-MM-DD.
 *
 * @example
 * badDate("from", "2011-13-01").message; // => 'periods: "from" must be a date written YYYY-MM-DD (got "2011-13-01")'
 */
export const badDate = (key: string, value: string): SegworkError =>
  new SegworkError(
    "periods.bad-date",
    `periods: "${key}" must be a date written YYYY-MM-DD (got ${describeValue(value)})`,
    { key, value },
  );

/** `from` after `to`. */
export const fromAfterTo = (from: string, to: string): SegworkError =>
  new SegworkError(
    "periods.from-after-to",
    `periods: "from" (${from}) is after "to" (${to}); give the earlier date first`,
    { key: "from", value: from },
  );

/** An empty list of period ends. */
export const noPeriods = (): SegworkError =>
  new SegworkError("periods.none", "periods: the list of period ends is empty; give at least one");

/** Explicit period ends out of order. */
export const periodOrder = (index: number, end: string, before: string): SegworkError =>
  new SegworkError(
    "periods.at-order",
    `periods: at[${index}] (${end}) must come after ${index === 0 ? `"from" (${before})` : `at[${index - 1}] (${before})`}; list the period ends in ascending order`,
    { key: `at[${index}]`, value: end },
  );

/** More periods than one run derives. */
export const tooManyPeriods = (count: number, max: number): SegworkError =>
  new SegworkError(
    "periods.too-many",
    `periods: ${count} periods asked for, more than the ${max} one run derives; use a coarser step or a shorter range`,
  );

/** A period that starts after the log's latest transaction. */
export const periodAfterData = (
  file: string,
  label: string,
  start: string,
  latest: string,
): SegworkError =>
  new SegworkError(
    "periods.after-data",
    `${file}: period ${label} starts on ${start}, after the latest transaction (${latest}); end the periods by ${latest}`,
    { file, value: label },
  );

/** A period by whose end no client has bought anything. */
export const emptyPeriod = (file: string, label: string, end: string): SegworkError =>
  new SegworkError(
    "periods.empty",
    `${file}: no client has a purchase by the end of period ${label} (${end}); start the periods later`,
    { file, value: label },
  );

// ── Frozen grading ──────────────────────────────────────────────────────────

/** What one saved artifact needs from the table, for {@link missingColumns}. */
export interface ColumnNeed {
  /** "the model", "the RFM settings", "the scorecard". */
  artifact: string;
  file: string;
  missing: string[];
}

/**
 * A table lacks columns that saved artifacts need; every missing column is named.
 *
 * @example
 * missingColumns("q1.csv", [{ artifact: "the model", file: "model.json", missing: ["frequency"] }], ["client_id", "recency_days"]).message;
 * // => 'q1.csv: no column "frequency", which model.json (the model) needs; the table has: client_id, recency_days'
 */
export const missingColumns = (
  source: string,
  needs: readonly ColumnNeed[],
  headers: readonly string[],
): SegworkError => {
  const all = [...new Set(needs.flatMap((n) => n.missing))];
  const quoted = all.map((c) => `"${c}"`).join(", ");
  const has = `the table has: ${headers.join(", ")}`;
  const text =
    needs.length === 1 && all.length === 1
      ? `${source}: no column ${quoted}, which ${needs[0]!.file} (${needs[0]!.artifact}) needs; ${has}`
      : `${source}: no columns ${quoted}: ${needs
          .map((n) => `${n.file} (${n.artifact}) needs ${n.missing.join(", ")}`)
          .join("; ")}; ${has}`;
  return new SegworkError("periods.missing-columns", text, { file: source, column: all[0] });
};

// ── Migration ───────────────────────────────────────────────────────────────

/** A client listed twice in one period. */
export const duplicateId = (period: string, id: string): SegworkError =>
  new SegworkError(
    "periods.duplicate-id",
    `period ${period}: client ${id} is listed twice; each client must have one row per period`,
    { value: id },
  );

/** A label that is also the name of a migration state. */
export const reservedState = (period: string, label: string): SegworkError =>
  new SegworkError(
    "periods.reserved-state",
    `period ${period}: a segment is named "${label}", which is a migration state (inactive, new, not in period); rename the segment`,
    { value: label },
  );

/** A client marked new in a period who was already a client in the period before. */
export const newNotNew = (period: string, id: string, previous: string): SegworkError =>
  new SegworkError(
    "periods.new-not-new",
    `period ${period}: client ${id} is marked new (first purchase inside the period) but was already a client in period ${previous}; the periods overlap or are out of order`,
    { value: id },
  );

// ── Targets (requirements inside config problems: "<file>: <key> <requirement> (got …)") ──

/** A target that is not `<kpi> <op> <value>`. */
export const targetShape = (): string =>
  'must read "<kpi> <op> <value>", e.g. "repurchase_rate >= +10%" (op: >=, >, <=, <; value: 20%, +10%, +2pp, 150)';
/** An unknown KPI name. */
export const targetKpi = (kpi: string, known: readonly string[]): string =>
  `names "${kpi}", which is not a KPI (KPIs: ${known.join(", ")})`;
/** Percentage points on a KPI that is no rate, or without a sign. */
export const targetPoints = (): string =>
  'uses "pp" (percentage points), which is a change of a rate or share: write it with a sign on repurchase_rate, reactivation_rate or revenue_share, e.g. "+2pp"';
/** A percentage level on a KPI that is no rate. */
export const targetPercentLevel = (kpi: string): string =>
  `gives a percentage level for ${kpi}, which is not a rate: a change needs a sign ("+15%"), a level a number in the KPI's units`;
/** A target that is not text. */
export const targetNotText = (): string => 'must be a text such as "repurchase_rate >= +10%"';
/** A segment's targets not given as a list. */
export const targetList = (): string =>
  'must be a list of targets, e.g. ["repurchase_rate >= +10%"]';
/** The `targets` key missing or not an object. */
export const targetsObject = (): string =>
  'must be an object naming segments, e.g. { "targets": { "Champions": ["repurchase_rate >= +10%"] } }';
/** Keys beside `targets`. */
export const targetsUnknownKeys = (keys: string[]): string =>
  `has unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")} (allowed: targets)`;
/** A target for a segment the grading does not have (a complete sentence). */
export const targetSegment = (segment: string, known: readonly string[]): string =>
  `names the segment "${segment}", which the grading does not have (segments: ${known.join(", ")}; "*" = each segment, "all" = every client)`;

// ── Campaign files ──────────────────────────────────────────────────────────

/** A campaign file without a needed column. */
export const campaignColumn = (
  file: string,
  column: string,
  headers: readonly string[],
): SegworkError =>
  new SegworkError(
    "periods.campaign-column",
    `${file}: no column "${column}"; a campaign file has the client id, campaign and date (YYYY-MM-DD) columns (it has: ${headers.join(", ")})`,
    { file, column },
  );

// ── Overrides ───────────────────────────────────────────────────────────────

/** An overrides file without a needed column. */
export const overrideColumn = (
  file: string,
  column: string,
  headers: readonly string[],
): SegworkError =>
  new SegworkError(
    "periods.override-column",
    `${file}: no column "${column}"; an overrides file has client_id, tier and/or segment, reason, who and until (it has: ${headers.join(", ")})`,
    { file, column },
  );

/** A bad or empty cell of a campaign or overrides file. */
export const badCell = (
  file: string,
  line: number,
  column: string,
  value: string,
  expected: string,
): SegworkError =>
  new SegworkError(
    "periods.bad-cell",
    value === ""
      ? `${file}, line ${line}: "${column}" is empty; it must be ${expected}`
      : `${file}, line ${line}: "${column}" must be ${expected} (got ${describeValue(value)})`,
    { file, line, column, value },
  );

/** A line setting neither tier nor segment. */
export const overrideNothing = (
  file: string,
  line: number,
  fields: readonly string[],
): SegworkError =>
  new SegworkError(
    "periods.override-nothing",
    `${file}, line ${line}: the override sets nothing; fill ${fields.join(" or ")}`,
    { file, line },
  );

/** An override for a client the run does not know. */
export const overrideUnknownClient = (file: string, line: number, id: string): SegworkError =>
  new SegworkError(
    "periods.override-unknown-client",
    `${file}, line ${line}: client ${describeValue(id)} is not a client in the transactions (check the id, with its leading zeros)`,
    { file, line, value: id },
  );

/** An override naming a tier or segment that does not exist. */
export const overrideUnknownValue = (
  file: string,
  line: number,
  field: string,
  value: string,
  known: readonly string[],
): SegworkError =>
  new SegworkError(
    "periods.override-unknown-value",
    `${file}, line ${line}: ${describeValue(value)} is not a ${field} (${field === "tier" ? "tiers" : "segments"}: ${known.join(", ")})`,
    { file, line, column: field, value },
  );

/** An override of a scheme the run does not grade. */
export const overrideNoScheme = (file: string, line: number, field: string): SegworkError =>
  new SegworkError(
    "periods.override-no-scheme",
    `${file}, line ${line}: the override sets a ${field}, but this run grades no ${field === "tier" ? "tiers (give --tiers)" : "segments (give --rfm with a segment table)"}`,
    { file, line, column: field },
  );

/** Two overrides in force for the same client and field. */
export const overrideConflict = (
  file: string,
  first: number,
  second: number,
  id: string,
  field: string,
): SegworkError =>
  new SegworkError(
    "periods.override-conflict",
    `${file}, lines ${first} and ${second}: both set the ${field} of client ${describeValue(id)} and are both in force; keep one, or end the first before the second starts`,
    { file, line: second, value: id },
  );

// ── Single-client explanations ──────────────────────────────────────────────

/** A client given as JSON that cannot be read. */
export const clientJson = (source: string, key: string | null, problem: string): SegworkError =>
  new SegworkError(
    "periods.client-json",
    key === null
      ? `${source}: not a client (${problem}); write e.g. {"id": "17850", "recency_days": 3, "frequency": 12, "monetary": 5400}`
      : `${source}: key "${key}" ${problem}`,
    { file: source, ...(key === null ? {} : { key }) },
  );

/** `periods` got --as-of: each period has its own as-of day. */
export const periodsAsOf = (): SegworkError =>
  new SegworkError(
    "periods.as-of",
    "segwork periods: --as-of does not apply here (each period is graded as of its own end); give --every with --from/--to, or --at",
    {},
  );

/** `periods` needs --every or --at (and --every needs --from and --to). */
export const periodsSpec = (): SegworkError =>
  new SegworkError(
    "periods.spec",
    "segwork periods: give --every month|quarter with --from and --to, or --at with the period ends",
    {},
  );

/** `periods` was given nothing to grade with. */
export const periodsNothingToGrade = (): SegworkError =>
  new SegworkError(
    "periods.nothing-to-grade",
    "segwork periods: give at least one of --model, --rfm and --tiers",
    {},
  );

/**
 * Targets or a campaign measured on a scheme the run does not grade.
 * @example targetsOnNotGraded("tier", "--tiers").message
 * // => "segwork periods: --targets-on tier needs --tiers: the run grades no tier"
 */
export const targetsOnNotGraded = (scheme: string, option: string): SegworkError =>
  new SegworkError(
    "periods.targets-on",
    `segwork periods: --targets-on ${scheme} needs ${option}: the run grades no ${scheme}`,
    { key: "--targets-on", value: scheme },
  );
