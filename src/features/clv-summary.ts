/**
 * The per-client summary the buy-till-you-die models take, from a
 * transaction log, as DuckDB SQL over the same line CTEs as the features
 * query (`lineCtes` in sql.ts: ids, amounts, dates read the same way).
 *
 * A purchase is a (client, day) with at least one line; the day's total is
 * the sum of its lines. With calibration end C and optional holdout end H:
 *
 * - x   = purchase days up to C − 1 (repeat purchases);
 * - t_x = days from the first purchase to the last one up to C;
 * - T   = days from the first purchase to C;
 *   (t_x and T in days or weeks = days / 7);
 * - monetary = mean of the repeat days' totals (0 when x = 0);
 * - holdout purchases / value = purchase days in (C, H] and their total;
 *
 * for every client whose first purchase is on or before C (later clients
 * are counted, not summarized). This is how the published CDNOW fits were
 * made (Fader, Hardie & Lee 2005; lifetimes' `summary_data_from_transaction_data`).
 *
 * Exact duplicate lines are kept by default, unlike the features stage:
 * two identical lines on one day are most often two real items bought (the
 * 21 in the CDNOW sample are counted by the published Gamma-Gamma fit),
 * and a spend model that dropped them would understate spend; they are
 * counted in the summary either way.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import * as clvMessages from "../shared/messages/clv.js";
import * as messages from "../shared/messages/features.js";
import {
  chooseSlashOrder,
  describeDateParsing,
  sqlString,
  suggestedSlashFormats,
} from "./dates.js";
import { isIsoDate, query, toNumber } from "./derive.js";
import {
  buildFirstBadDateSql,
  buildSlashSampleSql,
  lineCtes,
  slashEvidenceAggregates,
  type LineInput,
} from "./sql.js";
import {
  chooseSource,
  prepareTransactionFile,
  requireColumn,
  resolveAmount,
  type PreparedFile,
} from "./source.js";
import type { DateParsing, TransactionEncoding } from "./types.js";

/** The time unit of t_x and T. */
export type ClvTimeUnit = "days" | "weeks";

/** What the user asked for (`segwork clv …`). */
export interface ClvSummaryOptions {
  /** Path of the log: CSV, `.csv.gz`, or whitespace-separated text. */
  transactions: string;
  /** Header of the client id column. */
  id: string;
  /** Header of the transaction date column. */
  date: string;
  /** A column or the product of two (`Quantity*UnitPrice`), as in `features`. */
  amount: string;
  /** Last day of the calibration period, YYYY-MM-DD (inclusive). */
  calibrationEnd: string;
  /** Last day of the holdout period, YYYY-MM-DD (inclusive); omitted → no holdout. */
  holdoutEnd?: string;
  /** Unit of t_x and T (default weeks, as in the CDNOW literature). */
  timeUnit?: ClvTimeUnit;
  /** Column names of a file without a header line (CDNOW_sample.txt); omitted → the first line is the header. */
  columns?: string[];
  /** A DuckDB strptime format; omitted → auto-detect as in `features`. */
  dateFormat?: string;
  /** Keep exact duplicate lines as separate items (default true, see the module comment). */
  keepDuplicates?: boolean;
  /** Lines with a negative amount: stop with an error (default) or leave them out. */
  negativeAmounts?: "error" | "drop";
  encoding?: TransactionEncoding;
  /** A single character, `whitespace` or `auto` (default). */
  delimiter?: string;
}

/** Counts of what the summary read, dropped and kept. */
export interface ClvSummaryCounts {
  source: string;
  linesRead: number;
  missingClientId: number;
  /** Extra copies of exact duplicate lines (kept as items unless keepDuplicates is false). */
  duplicateLines: number;
  keepDuplicates: boolean;
  unparseableAmount: number;
  /** Lines with a negative amount (left out; only non-zero with negativeAmounts "drop"). */
  negativeAmountLines: number;
  /** Clients summarized (first purchase on or before the calibration end). */
  clients: number;
  /** Clients whose first purchase is after the calibration end (not summarized). */
  clientsAfterCalibration: number;
  repeatBuyers: number;
  repeatPurchases: number;
  /** First and last purchase day in the log, YYYY-MM-DD. */
  firstPurchase: string;
  lastPurchase: string;
}

/** The summary, one row per client (ids sorted as text), column-major. */
export interface ClvSummary {
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean of the repeat purchase days' totals (0 when x = 0). */
  monetary: Float64Array;
  /** Total spend in the calibration period, the first purchase included. */
  calibrationValue: Float64Array;
  /** Purchase days in the holdout period (zeros without one). */
  holdoutPurchases: Float64Array;
  holdoutValue: Float64Array;
  /** First purchase, YYYY-MM-DD. */
  firstPurchase: string[];
  /** First purchase in days after `cohortStart`. */
  firstPurchaseDay: Float64Array;
  /** Repeat purchases on each day (index = days after `cohortStart`) up to the end of the last period. */
  repeatPurchasesByDay: Float64Array;
  timeUnit: ClvTimeUnit;
  calibrationEnd: string;
  holdoutEnd: string | null;
  /** Length of the holdout period in `timeUnit` (0 without one). */
  holdoutLength: number;
  /** The earliest first purchase among the clients summarized, YYYY-MM-DD. */
  cohortStart: string;
  /** Days from `cohortStart` to the calibration end and to the last day tracked. */
  calibrationEndDay: number;
  endDay: number;
  counts: ClvSummaryCounts;
  /** Notes for the report (e.g. a holdout running past the log). */
  notes: string[];
}

/** Everything the summary queries need, resolved. */
export interface ClvSummaryPlan {
  input: LineInput;
  parsing: DateParsing;
  keepDuplicates: boolean;
  calibrationEnd: string;
  holdoutEnd: string | null;
  timeUnit: ClvTimeUnit;
}

const UNIT_DAYS: Record<ClvTimeUnit, number> = { days: 1, weeks: 7 };

/** The table of (client, day) groups every later query reads. */
export const CLIENT_DAYS_TABLE = "clv_client_days";

/**
 * SQL creating the table of (client, day) groups: per client id (NULL for
 * lines without one) and purchase date (NULL when it does not parse), the
 * lines read, their duplicate copies, the counters, the total of the
 * non-negative amounts and the `a/b/YYYY` evidence.
 *
 * @example
 * buildClientDaysSql(plan); // => "CREATE OR REPLACE TEMP TABLE clv_client_days AS WITH source AS (…) SELECT client_id, CAST(ts AS DATE) AS day, … GROUP BY ALL"
 */
export function buildClientDaysSql(plan: ClvSummaryPlan): string {
  // Lines are grouped into distinct lines with their copies (as in features), so duplicates are
  // counted either way; kept duplicates weigh their copies in.
  const ctes = lineCtes(plan.input, "dedup", plan.parsing);
  const weight = plan.keepDuplicates ? "__copies" : "1";
  const lines = (condition: string): string =>
    `coalesce(sum(${weight}) FILTER (WHERE ${condition}), 0)`;
  const columns = [
    "client_id",
    "CAST(ts AS DATE) AS day",
    "sum(__copies) AS lines",
    "sum(__copies - 1) AS duplicate_lines",
    `${lines("amount IS NULL")} AS unparseable_amount`,
    `${lines("dated")} AS dated_lines`,
    `${lines("amount < 0")} AS negative_lines`,
    `${lines("amount >= 0")} AS purchase_lines`,
    `sum(CAST(amount AS DECIMAL(18, 6)) * ${weight}) FILTER (WHERE amount >= 0) AS total`,
    ...slashEvidenceAggregates(),
  ];
  return `CREATE OR REPLACE TEMP TABLE ${CLIENT_DAYS_TABLE} AS\nWITH ${ctes.join(",\n")}\nSELECT\n  ${columns.join(",\n  ")}\nFROM timed\nGROUP BY ALL`;
}

/**
 * SQL of one row of totals over the (client, day) table: lines, drops,
 * negative and undated lines, the first and last purchase day, and the
 * `a/b/YYYY` evidence.
 *
 * @example
 * buildClientDaysTotalsSql(); // => "SELECT sum(lines) AS lines_read, … FROM clv_client_days"
 */
export function buildClientDaysTotalsSql(): string {
  const withId = "client_id IS NOT NULL";
  const purchase = `${withId} AND day IS NOT NULL AND purchase_lines > 0`;
  return [
    "SELECT",
    "  coalesce(sum(lines), 0) AS lines_read,",
    `  coalesce(sum(lines) FILTER (WHERE NOT (${withId})), 0) AS missing_client_id,`,
    `  coalesce(sum(duplicate_lines) FILTER (WHERE ${withId}), 0) AS duplicate_lines,`,
    `  coalesce(sum(unparseable_amount) FILTER (WHERE ${withId}), 0) AS unparseable_amount,`,
    `  coalesce(sum(dated_lines) FILTER (WHERE ${withId} AND day IS NULL), 0) AS undated_lines,`,
    `  coalesce(sum(negative_lines) FILTER (WHERE ${withId} AND day IS NOT NULL), 0) AS negative_lines,`,
    `  strftime(min(day) FILTER (WHERE ${purchase}), '%Y-%m-%d') AS first_purchase,`,
    `  strftime(max(day) FILTER (WHERE ${purchase}), '%Y-%m-%d') AS last_purchase,`,
    "  coalesce(sum(slash_first_over_12), 0) AS slash_first_over_12,",
    "  coalesce(sum(slash_second_over_12), 0) AS slash_second_over_12,",
    "  coalesce(sum(slash_ambiguous), 0) AS slash_ambiguous,",
    "  min(slash_ambiguous_example) AS slash_ambiguous_example",
    `FROM ${CLIENT_DAYS_TABLE}`,
  ].join("\n");
}

/** The CTEs of purchase days and of the clients summarized (first purchase ≤ C). */
function purchaseCtes(plan: ClvSummaryPlan): string {
  const c = `DATE ${sqlString(plan.calibrationEnd)}`;
  return [
    "WITH days AS (",
    `  SELECT client_id, day, total FROM ${CLIENT_DAYS_TABLE}`,
    "  WHERE client_id IS NOT NULL AND day IS NOT NULL AND purchase_lines > 0",
    "),",
    "firsts AS (",
    "  SELECT client_id, min(day) AS first_day FROM days GROUP BY client_id",
    `  HAVING min(day) <= ${c}`,
    "),",
    "cohort AS (SELECT min(first_day) AS start_day FROM firsts)",
  ].join("\n");
}

/**
 * SQL of the per-client summary (columns `client_id, x, tx, T, monetary,
 * calibration_value, holdout_purchases, holdout_value, first_purchase,
 * first_purchase_day`), ids sorted.
 *
 * @example
 * buildClvSummarySql(plan); // => "WITH days AS (…) SELECT client_id, CAST(calibration_days - 1 AS DOUBLE) AS x, … ORDER BY client_id"
 */
export function buildClvSummarySql(plan: ClvSummaryPlan): string {
  const c = `DATE ${sqlString(plan.calibrationEnd)}`;
  const inHoldout =
    plan.holdoutEnd === null ? "false" : `day > ${c} AND day <= DATE ${sqlString(plan.holdoutEnd)}`;
  const unit = `${UNIT_DAYS[plan.timeUnit]}.0`;
  return [
    purchaseCtes(plan) + ",",
    "per_client AS (",
    "  SELECT d.client_id, f.first_day,",
    `    count(*) FILTER (WHERE day <= ${c}) AS calibration_days,`,
    `    max(day) FILTER (WHERE day <= ${c}) AS last_day,`,
    `    sum(total) FILTER (WHERE day <= ${c}) AS calibration_value,`,
    "    sum(total) FILTER (WHERE day = f.first_day) AS first_value,",
    `    count(*) FILTER (WHERE ${inHoldout}) AS holdout_days,`,
    `    coalesce(sum(total) FILTER (WHERE ${inHoldout}), 0) AS holdout_value`,
    "  FROM days d JOIN firsts f USING (client_id)",
    "  GROUP BY d.client_id, f.first_day",
    ")",
    "SELECT",
    "  client_id,",
    "  CAST(calibration_days - 1 AS DOUBLE) AS x,",
    `  date_diff('day', first_day, last_day) / ${unit} AS tx,`,
    `  date_diff('day', first_day, ${c}) / ${unit} AS T,`,
    "  CASE WHEN calibration_days > 1",
    "    THEN CAST(calibration_value - first_value AS DOUBLE) / (calibration_days - 1) ELSE 0 END AS monetary,",
    "  CAST(calibration_value AS DOUBLE) AS calibration_value,",
    "  CAST(holdout_days AS DOUBLE) AS holdout_purchases,",
    "  CAST(holdout_value AS DOUBLE) AS holdout_value,",
    "  strftime(first_day, '%Y-%m-%d') AS first_purchase,",
    "  CAST(date_diff('day', (SELECT start_day FROM cohort), first_day) AS DOUBLE) AS first_purchase_day",
    "FROM per_client",
    "ORDER BY client_id",
  ].join("\n");
}

/**
 * SQL of the repeat purchases per day (days after the cohort start, up to
 * the holdout end or the calibration end), with the cohort start and the
 * clients first seen after the calibration end on every row.
 *
 * @example
 * buildRepeatPurchasesByDaySql(plan); // => "WITH days AS (…) SELECT day_offset, repeat_purchases … ORDER BY day_offset"
 */
export function buildRepeatPurchasesByDaySql(plan: ClvSummaryPlan): string {
  const end = `DATE ${sqlString(plan.holdoutEnd ?? plan.calibrationEnd)}`;
  return [
    purchaseCtes(plan),
    "SELECT",
    "  CAST(date_diff('day', (SELECT start_day FROM cohort), d.day) AS DOUBLE) AS day_offset,",
    "  CAST(count(*) AS DOUBLE) AS repeat_purchases",
    "FROM days d JOIN firsts f USING (client_id)",
    `WHERE d.day > f.first_day AND d.day <= ${end}`,
    "GROUP BY ALL",
    "ORDER BY day_offset",
  ].join("\n");
}

/**
 * SQL counting clients whose first purchase is after the calibration end
 * and returning the cohort start (`start_day`, YYYY-MM-DD).
 *
 * @example
 * buildCohortSql(plan); // => "WITH days AS (…) SELECT strftime(…) AS start_day, … AS clients_after_calibration"
 */
export function buildCohortSql(plan: ClvSummaryPlan): string {
  const c = `DATE ${sqlString(plan.calibrationEnd)}`;
  return [
    purchaseCtes(plan),
    "SELECT",
    "  (SELECT strftime(start_day, '%Y-%m-%d') FROM cohort) AS start_day,",
    `  (SELECT count(*) FROM (SELECT client_id FROM days GROUP BY client_id HAVING min(day) > ${c})) AS clients_after_calibration`,
  ].join("\n");
}

/**
 * SQL of the first line (1-based data row) with a negative amount, for the
 * message; run on one thread so row numbers follow the file.
 *
 * @example
 * buildFirstNegativeAmountSql(plan); // => "WITH … SELECT __data_row AS data_row, amount FROM timed WHERE … ORDER BY __data_row LIMIT 1"
 */
export function buildFirstNegativeAmountSql(plan: ClvSummaryPlan): string {
  const ctes = lineCtes(plan.input, "numbered", plan.parsing);
  return `WITH ${ctes.join(",\n")}\nSELECT __data_row AS data_row, amount\nFROM timed\nWHERE client_id IS NOT NULL AND ts IS NOT NULL AND amount < 0\nORDER BY __data_row\nLIMIT 1`;
}

/**
 * A copy of a headerless file (gunzipped) whose first line names its
 * columns, written with the delimiter its first data line shows, so the
 * rest of the stage reads it like any other log. Line numbers in messages
 * are those of the original file.
 */
async function withHeaderLine(
  prepared: PreparedFile,
  columns: string[],
  delimiter: string | undefined,
): Promise<PreparedFile> {
  const shape = chooseSource(prepared.path, prepared.headerLine, delimiter, prepared.gzip);
  if (shape.kind === "whitespace") {
    const blank = columns.find((name) => /\s/.test(name) || name === "");
    if (blank !== undefined) throw clvMessages.badColumnName(blank);
  }
  const headerLine =
    shape.kind === "whitespace"
      ? columns.join(" ")
      : columns
          .map((name) => `"${name.replaceAll('"', '""')}"`)
          .join(shape.kind === "csv" ? shape.delimiter : ",");
  const directory = mkdtempSync(path.join(tmpdir(), "segwork-clv-"));
  const copy = path.join(directory, "transactions.txt");
  const raw = createReadStream(prepared.path);
  const body = prepared.gzip ? raw.pipe(createGunzip()) : raw;
  await pipeline(
    Readable.from(
      (async function* () {
        yield `${headerLine}\n`;
        yield* body;
      })(),
    ),
    createWriteStream(copy),
  );
  return {
    path: copy,
    headerLine,
    gzip: false,
    encoding: prepared.encoding,
    // The copy was written by inflating the whole original: a truncated gzip file failed above.
    integrity: prepared.integrity,
    cleanup: () => {
      rmSync(directory, { recursive: true, force: true });
      prepared.cleanup();
    },
  };
}

/** Number columns of a query result as a Float64Array. */
const numbers = (values: unknown[]): Float64Array => Float64Array.from(values, toNumber);

/** Settles how dates are read: a given format, or the a/b/YYYY order the whole log needs. */
async function settleDates(
  connection: DuckDBConnection,
  plan: ClvSummaryPlan,
  options: ClvSummaryOptions,
  file: string,
): Promise<{ plan: ClvSummaryPlan; totals: Record<string, unknown> }> {
  const totalsOf = async (p: ClvSummaryPlan): Promise<Record<string, unknown>> => {
    await connection.run(buildClientDaysSql(p));
    const columns = await query(connection, buildClientDaysTotalsSql(), file);
    return Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, values[0]]));
  };
  if (options.dateFormat !== undefined) return { plan, totals: await totalsOf(plan) };
  const sample = await query(connection, buildSlashSampleSql(plan.input), file);
  const evidence = (columns: Record<string, unknown>) => ({
    firstOver12: toNumber(columns.slash_first_over_12),
    secondOver12: toNumber(columns.slash_second_over_12),
    ambiguous: toNumber(columns.slash_ambiguous),
    ambiguousExample: (columns.slash_ambiguous_example as string | null) ?? null,
  });
  const guess = chooseSlashOrder(
    evidence(Object.fromEntries(Object.entries(sample).map(([k, v]) => [k, v[0]]))),
  );
  let current: ClvSummaryPlan = {
    ...plan,
    parsing: { kind: "auto", slashOrder: guess === "ambiguous" ? "month-first" : guess },
  };
  let totals = await totalsOf(current);
  const order = chooseSlashOrder(evidence(totals));
  if (order === "ambiguous") {
    const example = String(totals.slash_ambiguous_example ?? "");
    throw messages.ambiguousDates(file, options.date, example, suggestedSlashFormats(example));
  }
  if (current.parsing.kind === "auto" && order !== current.parsing.slashOrder) {
    current = { ...current, parsing: { kind: "auto", slashOrder: order } };
    totals = await totalsOf(current);
  }
  return { plan: current, totals };
}

/**
 * Summarizes a transaction log for BG/NBD and Gamma-Gamma (definitions in
 * the module comment), in an in-memory DuckDB; writes nothing.
 *
 * @throws SegworkError for a bad calibration or holdout date, a holdout end
 *   not after the calibration end, a calibration end before the first
 *   purchase, a negative amount (unless `negativeAmounts: "drop"`),
 *   unreadable or ambiguous dates, a missing file or column, or a log
 *   without a usable purchase.
 * @example
 * const summary = await summarizeForClv({
 *   transactions: "CDNOW_sample.txt", columns: ["customer", "sample", "date", "cds", "dollars"],
 *   id: "customer", date: "date", amount: "dollars",
 *   calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30", timeUnit: "weeks" });
 * summary.ids.length; // => 2357; summary.x[0] // => 2; summary.T[0] // => 38.857…
 */
export async function summarizeForClv(options: ClvSummaryOptions): Promise<ClvSummary> {
  const file = options.transactions;
  const timeUnit = options.timeUnit ?? "weeks";
  if (!isIsoDate(options.calibrationEnd))
    throw clvMessages.badDateOption("--calibration-end", options.calibrationEnd);
  const holdoutEnd = options.holdoutEnd ?? null;
  if (holdoutEnd !== null && !isIsoDate(holdoutEnd))
    throw clvMessages.badDateOption("--holdout-end", holdoutEnd);
  if (holdoutEnd !== null && holdoutEnd <= options.calibrationEnd)
    throw clvMessages.holdoutNotAfterCalibration(holdoutEnd, options.calibrationEnd);
  if (options.amount.trim() === "") throw messages.badAmountExpression(options.amount);
  const headerless = options.columns !== undefined;
  let prepared = await prepareTransactionFile(file, options.encoding ?? "auto");
  const spill = mkdtempSync(path.join(tmpdir(), "segwork-duckdb-"));
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    if (options.columns !== undefined)
      prepared = await withHeaderLine(prepared, options.columns, options.delimiter);
    if (prepared.headerLine.trim() === "") throw messages.emptyTransactions(file);
    const source = chooseSource(
      prepared.path,
      prepared.headerLine,
      options.delimiter,
      prepared.gzip,
    );
    const headers = source.headers;
    const input: LineInput = {
      source,
      id: requireColumn(options.id, headers, "--id", file),
      date: requireColumn(options.date, headers, "--date", file),
      amount: resolveAmount(options.amount, headers, file),
      invoice: undefined,
      keep: [],
      decimal: ".",
      keepZero: false,
    };
    instance = await DuckDBInstance.create(":memory:", { temp_directory: spill });
    connection = await instance.connect();
    const initial: ClvSummaryPlan = {
      input,
      parsing:
        options.dateFormat === undefined
          ? { kind: "auto", slashOrder: "month-first" }
          : { kind: "format", format: options.dateFormat },
      keepDuplicates: options.keepDuplicates ?? true,
      calibrationEnd: options.calibrationEnd,
      holdoutEnd,
      timeUnit,
    };
    const { plan, totals } = await settleDates(connection, initial, options, file);
    // The first offending line (one thread, so row numbers follow the file) and its line in the
    // user's file: + 1 for the header line, + 0 without one.
    const firstBad = async (
      sql: string,
    ): Promise<{ line: number; row: Record<string, unknown> }> => {
      await connection!.run("SET threads = 1");
      const columns = await query(connection!, sql, file);
      const row = Object.fromEntries(
        Object.entries(columns).map(([key, values]) => [key, values[0]]),
      );
      return { line: toNumber(row.data_row) + (headerless ? 0 : 1), row };
    };
    const undated = toNumber(totals.undated_lines);
    if (undated > 0) {
      const bad = await firstBad(buildFirstBadDateSql(input, plan.parsing));
      const expected = describeDateParsing(plan.parsing);
      throw messages.unparseableDate(
        file,
        options.date,
        bad.line,
        String(bad.row.date_text),
        undated,
        expected,
      );
    }
    const negative = toNumber(totals.negative_lines);
    if (negative > 0 && (options.negativeAmounts ?? "error") === "error") {
      const bad = await firstBad(buildFirstNegativeAmountSql(plan));
      throw clvMessages.negativeAmount(
        file,
        options.amount,
        bad.line,
        toNumber(bad.row.amount),
        negative,
      );
    }
    const firstPurchase = totals.first_purchase as string | null;
    const lastPurchase = totals.last_purchase as string | null;
    if (firstPurchase === null || lastPurchase === null)
      throw clvMessages.noPurchases(file, toNumber(totals.lines_read));
    if (options.calibrationEnd < firstPurchase)
      throw clvMessages.calibrationBeforeFirstPurchase(file, options.calibrationEnd, firstPurchase);

    const rows = await query(connection, buildClvSummarySql(plan), file);
    const cohort = await query(connection, buildCohortSql(plan), file);
    const daily = await query(connection, buildRepeatPurchasesByDaySql(plan), file);
    const cohortStart = String(cohort.start_day[0]);
    const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const calibrationEndDay = dayOf(options.calibrationEnd) - dayOf(cohortStart);
    const endDay = dayOf(holdoutEnd ?? options.calibrationEnd) - dayOf(cohortStart);
    const repeatPurchasesByDay = new Float64Array(endDay + 1);
    daily.day_offset.forEach((day, i) => {
      repeatPurchasesByDay[toNumber(day)] = toNumber(daily.repeat_purchases[i]);
    });
    const x = numbers(rows.x);
    let repeatBuyers = 0;
    let repeatPurchases = 0;
    for (const v of x) {
      if (v > 0) repeatBuyers++;
      repeatPurchases += v;
    }
    const notes =
      holdoutEnd !== null && holdoutEnd > lastPurchase
        ? [clvMessages.holdoutBeyondLog(holdoutEnd, lastPurchase)]
        : [];
    const broken = await prepared.integrity;
    if (broken !== undefined) throw broken;
    return {
      ids: rows.client_id.map(String),
      x,
      tx: numbers(rows.tx),
      T: numbers(rows.T),
      monetary: numbers(rows.monetary),
      calibrationValue: numbers(rows.calibration_value),
      holdoutPurchases: numbers(rows.holdout_purchases),
      holdoutValue: numbers(rows.holdout_value),
      firstPurchase: rows.first_purchase.map(String),
      firstPurchaseDay: numbers(rows.first_purchase_day),
      repeatPurchasesByDay,
      timeUnit,
      calibrationEnd: options.calibrationEnd,
      holdoutEnd,
      holdoutLength:
        holdoutEnd === null
          ? 0
          : (dayOf(holdoutEnd) - dayOf(options.calibrationEnd)) / UNIT_DAYS[timeUnit],
      cohortStart,
      calibrationEndDay,
      endDay,
      counts: {
        source: file,
        linesRead: toNumber(totals.lines_read),
        missingClientId: toNumber(totals.missing_client_id),
        duplicateLines: toNumber(totals.duplicate_lines),
        keepDuplicates: plan.keepDuplicates,
        unparseableAmount: toNumber(totals.unparseable_amount),
        negativeAmountLines: negative,
        clients: x.length,
        clientsAfterCalibration: toNumber(cohort.clients_after_calibration[0]),
        repeatBuyers,
        repeatPurchases,
        firstPurchase,
        lastPurchase,
      },
      notes,
    };
  } catch (error) {
    // A truncated gzip file explains whatever went wrong while reading it (a ragged last line).
    throw (await prepared.integrity) ?? error;
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    prepared.cleanup();
    rmSync(spill, { recursive: true, force: true });
  }
}
