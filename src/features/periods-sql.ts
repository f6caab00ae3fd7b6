/**
 * SQL of the period features: the log is read and cleaned once (the same
 * CTEs and rules as `buildFeaturesSql`), each line is put in the period
 * that contains its date, and the lines are reduced to one row per client,
 * invoice and period ("groups", a temporary table about as long as the
 * number of invoices). Every period's features are then sums, minima and
 * maxima over the groups dated up to that period's end — a join of the
 * small table with the period list, not one read of the log per period.
 *
 * Frequency counts distinct invoices, which do not add up across periods
 * (an invoice may have lines on both sides of a boundary), so the groups
 * keep the invoice and the count stays `count(DISTINCT invoice)`.
 */
import { sqlString } from "./dates.js";
import type { PeriodWindow } from "./period-windows.js";
import {
  classifiedSql,
  cte,
  featureColumns,
  LINE_COUNTERS,
  lineCounterAggregates,
  lineCtes,
  perClientOutput,
  purchaseAggregates,
  select,
} from "./sql.js";
import type { FeaturesQueryPlan } from "./types.js";

/** Name of the temporary table of groups. */
export const PERIOD_GROUPS = "period_groups";

/**
 * SQL giving the bucket of a line's timestamp `ts`: −1 before the first
 * period's start (history, counted in every period's features), p inside
 * period p, NULL after the last end.
 */
function bucketSql(windows: readonly PeriodWindow[]): string {
  const first = windows[0]!.start;
  const whens = [
    ...(first === null ? [] : [`WHEN ts < DATE ${sqlString(first)} THEN -1`]),
    ...windows.map((w) => `WHEN ts < DATE ${sqlString(w.end)} + INTERVAL 1 DAY THEN ${w.index}`),
  ];
  return `CASE ${whens.join(" ")} END`;
}

/**
 * The statement that reads the log once and stages the groups: one row per
 * client id, invoice and bucket with the additive line counters and the
 * purchase aggregates of `buildFeaturesSql`, and per kept column the time
 * of its latest value (to pick the latest across groups). `plan.asOf`
 * must be the last period's end.
 *
 * @example
 * buildPeriodGroupsSql(plan, periodWindows({ every: "quarter", from: "2011-01-01", to: "2011-12-31" }));
 * // => "CREATE OR REPLACE TEMP TABLE period_groups AS\nWITH source AS (…) … GROUP BY client_id, invoice, bucket"
 */
export function buildPeriodGroupsSql(
  plan: FeaturesQueryPlan,
  windows: readonly PeriodWindow[],
): string {
  const ctes = [
    ...lineCtes(plan, plan.keepDuplicates ? "all" : "dedup", plan.dateParsing),
    cte("classified", classifiedSql(plan, [`${bucketSql(windows)} AS bucket`])),
  ];
  const columns = [
    "client_id",
    "invoice",
    "bucket",
    ...lineCounterAggregates(plan),
    ...purchaseAggregates(plan),
    ...plan.keep.map(
      (_, i) =>
        `max(ts) FILTER (WHERE drop_reason IS NULL AND keep_${i} IS NOT NULL) AS keep_ts_${i}`,
    ),
  ];
  return `CREATE OR REPLACE TEMP TABLE ${PERIOD_GROUPS} AS\nWITH ${ctes.join(",\n")}\n${select(
    columns,
    "FROM classified\nGROUP BY client_id, invoice, bucket",
  )}`;
}

/**
 * Frequency over groups: distinct invoices with a purchase line, plus
 * purchase lines without an invoice number (one purchase each), among the
 * groups that pass `where` (SQL, or none).
 */
function groupFrequency(where?: string): string {
  const and = where === undefined ? "" : ` AND ${where}`;
  return `count(DISTINCT invoice) FILTER (WHERE purchase_lines > 0 AND invoice IS NOT NULL${and}) + coalesce(sum(purchase_lines) FILTER (WHERE invoice IS NULL${and}), 0)`;
}

/** The purchase aggregates of `buildFeaturesSql` recombined from groups. */
function combinedPurchases(plan: Pick<FeaturesQueryPlan, "keep">): string[] {
  return [
    "sum(purchase_lines) AS purchase_lines",
    `${groupFrequency()} AS frequency`,
    "sum(net_amount) AS net_amount",
    "sum(purchased) AS purchased",
    "sum(returned) AS returned",
    "min(first_ts) AS first_ts",
    "max(last_ts) AS last_ts",
    ...plan.keep.map((_, i) => `arg_max(keep_${i}, keep_ts_${i}) AS keep_${i}`),
    "min(currency_min) AS currency_min",
    "max(currency_max) AS currency_max",
  ];
}

/**
 * The per-client query over the groups, with the columns of
 * `buildFeaturesSql` as of the last period's end — or the day after the
 * latest transaction when the data ends before it (the last period is then
 * partial) — so the cleaning summary and the date checks of the features
 * stage apply unchanged.
 *
 * @example
 * buildPeriodClientsSql({ ...plan, asOf: "2011-12-31" });
 * // => "WITH per_client AS (…) SELECT client_id, … least(DATE '2011-12-31', …) … ORDER BY client_id NULLS LAST"
 */
export function buildPeriodClientsSql(plan: FeaturesQueryPlan & { asOf: string }): string {
  const counters = LINE_COUNTERS.map((name) => `sum(${name}) AS ${name}`);
  const perClient = select(
    [
      "client_id",
      ...counters,
      "min(slash_ambiguous_example) AS slash_ambiguous_example",
      "max(latest_ts) AS latest_ts",
      ...combinedPurchases(plan),
    ],
    `FROM ${PERIOD_GROUPS}\nGROUP BY client_id`,
  );
  const asOf = `least(DATE ${sqlString(plan.asOf)}, CAST(max(latest_ts) OVER () AS DATE) + 1)`;
  return `WITH ${cte("per_client", perClient)}\n${select(
    perClientOutput(plan, asOf),
    "FROM per_client\nORDER BY client_id NULLS LAST",
  )}`;
}

/**
 * The per-period query over the groups: one row per period and client
 * with a purchase by the period's as-of day, ordered by period then id:
 * `period` (index), the feature columns as of `asOf[p]`, `period_revenue`
 * (net amount of the lines dated inside the period, 0.01) and
 * `period_orders` (purchases whose first line falls inside the period, so
 * they add up to `frequency` over the periods and the history before them).
 *
 * @example
 * buildPeriodFeaturesSql(plan, windows, ["2011-03-31", "2011-06-30"]);
 * // => "WITH periods(period, as_of) AS (VALUES (0, DATE '2011-03-31'), …) … ORDER BY period, client_id"
 */
export function buildPeriodFeaturesSql(
  plan: Pick<FeaturesQueryPlan, "keep">,
  asOf: readonly string[],
): string {
  const values = asOf.map((day, p) => `(${p}, DATE ${sqlString(day)})`).join(", ");
  const perPeriod = select(
    [
      "client_id",
      "period",
      "any_value(as_of) AS as_of",
      ...combinedPurchases(plan),
      `${groupFrequency("bucket < period")} AS frequency_before`,
      "sum(net_amount) FILTER (WHERE bucket = period) AS period_net",
    ],
    [
      `FROM ${PERIOD_GROUPS} JOIN periods ON bucket <= period`,
      "WHERE client_id IS NOT NULL",
      "GROUP BY client_id, period",
    ].join("\n"),
  );
  const output = [
    "period",
    "client_id",
    ...featureColumns(plan, "as_of"),
    "CAST(round(coalesce(period_net, 0), 2) AS DOUBLE) AS period_revenue",
    "CAST(frequency - frequency_before AS DOUBLE) AS period_orders",
  ];
  return `WITH periods(period, as_of) AS (VALUES ${values}),\n${cte("per_period", perPeriod)}\n${select(
    output,
    "FROM per_period\nWHERE purchase_lines > 0\nORDER BY period, client_id",
  )}`;
}
