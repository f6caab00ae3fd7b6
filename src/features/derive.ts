/**
 * The thin executor of the features stage: resolves the options against the
 * file's header, settles how dates are read, runs the query of
 * `buildFeaturesSql` in an in-memory DuckDB and turns its rows into {@link ClientFeatures} and a
 * {@link TransactionCleaningSummary}. It writes nothing (the CLI does).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { parseDecimal } from "../load/numbers.js";
import * as messages from "../shared/messages/features.js";
import * as loadMessages from "../shared/messages/load.js";
import {
  chooseSlashOrder,
  DATE_FAMILIES,
  describeDateParsing,
  suggestedSlashFormats,
  type SlashEvidence,
} from "./dates.js";
import {
  buildCurrencyLinesSql,
  buildDroppedLinesSql,
  buildFeaturesSql,
  buildFirstBadDateSql,
  buildSlashSampleSql,
  LINE_COUNTERS,
  type LineInput,
} from "./sql.js";
import {
  chooseSource,
  outputName,
  prepareTransactionFile,
  requireColumn,
  type PreparedFile,
  resolveAmount,
} from "./source.js";
import {
  DROP_RULES,
  FEATURES_DEFAULTS,
  NUMERIC_FEATURES,
  DATE_FEATURES,
  type DropRule,
  type ClientFeatures,
  type FeaturesOptions,
  type DateParsing,
  type FeaturesQueryPlan,
  type NumericFeature,
  type TransactionCleaningSummary,
} from "./types.js";

/** The result of {@link deriveClientFeatures}. */
export interface DerivedClients {
  clients: ClientFeatures;
  summary: TransactionCleaningSummary;
  /**
   * The resolved query plan of this run (columns, date reading, rules), to
   * write the same aggregation for another engine: see `featuresSqlForTable`.
   */
  plan: FeaturesQueryPlan;
}

/** A query result, column-major: header → values. */
type Columns = Record<string, unknown[]>;

/**
 * A DuckDB value as a number (BIGINT arrives as bigint); NaN for anything else.
 *
 * @example
 * toNumber(3n); // => 3
 */
export const toNumber = (value: unknown): number =>
  typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number.NaN;

/**
 * Whether `value` is a real calendar date written YYYY-MM-DD.
 *
 * @example
 * isIsoDate("2011-02-30"); // => false
 */
export const isIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Runs one query and returns its columns; DuckDB read errors become SegworkErrors. */
export async function query(
  connection: DuckDBConnection,
  sql: string,
  file: string,
): Promise<Columns> {
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getColumnsObjectJS() as Columns;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/invalid unicode|byte sequence/i.test(text)) throw messages.notUtf8(file);
    const ragged =
      /CSV Error on Line: (\d+)[\s\S]*?Original Line: (.*)\n[\s\S]*?Expected Number of Columns: (\d+) Found: (\d+)/.exec(
        text,
      );
    if (ragged) {
      const [, line, original, expected, found] = ragged;
      throw messages.raggedLine(file, Number(line), Number(expected), Number(found), original);
    }
    // Reading problems only: a Binder or Parser error would be a bug in the query, and its
    // message quotes the SQL (which mentions read_csv), so it must not pass for a file problem.
    if (/^(Invalid Input|IO) Error/.test(text)) {
      const detail = text
        .split("\n")
        .map((line) => line.trim().replace(/^[A-Za-z ]*Error:\s*/, ""))
        .find((line) => line !== "");
      throw messages.unreadableTransactions(file, (detail ?? text).replace(/\.$/, ""));
    }
    throw error;
  }
}

/** Sums the per-client counters of the main query. */
function totals(columns: Columns): Record<(typeof LINE_COUNTERS)[number], number> {
  const sums = Object.fromEntries(
    LINE_COUNTERS.map((name) => [name, columns[name].reduce<number>((a, v) => a + toNumber(v), 0)]),
  );
  return sums as Record<(typeof LINE_COUNTERS)[number], number>;
}

function noUsableReasons(summary: TransactionCleaningSummary): string {
  const plural = (count: number, one: string, many: string): string =>
    `${count} ${count === 1 ? one : many}`;
  const parts: [number, string, string][] = [
    [summary.missingClientId, "without a client id", "without a client id"],
    [summary.duplicateLines, "duplicate", "duplicates"],
    [summary.unparseableAmount, "with an unreadable amount", "with an unreadable amount"],
    [summary.nonPositivePrice, "with a zero or negative price", "with a zero or negative price"],
    [
      summary.afterAsOf,
      `after the as-of date ${summary.asOf}`,
      `after the as-of date ${summary.asOf}`,
    ],
    [summary.cancellations, "cancellation", "cancellations"],
  ];
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => plural(count, one, many));
  return named.length === 0 ? "none is left" : named.join(", ");
}

/**
 * Runs the main query, settling how dates are read: a sample of the first
 * lines guesses the `a/b/YYYY` order, the full pass counts the evidence, and
 * a second pass runs only when the evidence contradicts the guess.
 *
 * @throws SegworkError for ambiguous or unreadable dates.
 */
async function runFeatures(
  connection: DuckDBConnection,
  input: LineInput,
  options: FeaturesOptions,
): Promise<{ columns: Columns; plan: FeaturesQueryPlan; parsing: DateParsing }> {
  const file = options.transactions;
  let parsing: DateParsing;
  if (options.dateFormat !== undefined) {
    parsing = { kind: "format", format: options.dateFormat };
  } else {
    const sample = await query(connection, buildSlashSampleSql(input), file);
    const guess = chooseSlashOrder(evidenceOf(sample));
    parsing = { kind: "auto", slashOrder: guess === "ambiguous" ? "month-first" : guess };
  }
  const planFor = (dateParsing: DateParsing): FeaturesQueryPlan => ({
    ...input,
    dateParsing,
    asOf: options.asOf ?? null,
    excludeReturns: options.excludeReturns ?? FEATURES_DEFAULTS.excludeReturns,
    keepDuplicates: options.keepDuplicates ?? FEATURES_DEFAULTS.keepDuplicates,
    countReturns: options.countReturns ?? FEATURES_DEFAULTS.countReturns,
  });
  let plan = planFor(parsing);
  let columns = await query(connection, buildFeaturesSql(plan), file);
  if (parsing.kind === "auto") {
    const sums = totals(columns);
    const order = chooseSlashOrder(
      evidenceOf({
        slash_first_over_12: [sums.slash_first_over_12],
        slash_second_over_12: [sums.slash_second_over_12],
        slash_ambiguous: [sums.slash_ambiguous],
        slash_ambiguous_example: [exampleOf(columns)],
      }),
    );
    if (order === "ambiguous") {
      const example = exampleOf(columns) ?? "";
      throw messages.ambiguousDates(file, input.date, example, suggestedSlashFormats(example));
    }
    if (order !== parsing.slashOrder) {
      parsing = { kind: "auto", slashOrder: order };
      plan = planFor(parsing);
      columns = await query(connection, buildFeaturesSql(plan), file);
    }
  }
  const badDates = totals(columns).lines_unparseable_date;
  if (badDates > 0) {
    // One thread so that row_number() OVER () follows the file order.
    await connection.run("SET threads = 1");
    const bad = await query(connection, buildFirstBadDateSql(input, parsing), file);
    throw messages.unparseableDate(
      file,
      input.date,
      toNumber(bad.data_row[0]) + 1,
      String(bad.date_text[0]),
      badDates,
      describeDateParsing(parsing),
    );
  }
  return { columns, plan, parsing };
}

/** The count of lines each checked rule dropped, from the summary. */
const droppedBy = (summary: TransactionCleaningSummary): Record<DropRule, number> => ({
  missing_client_id: summary.missingClientId,
  duplicate: summary.duplicateLines,
  unparseable_amount: summary.unparseableAmount,
  non_positive_price: summary.nonPositivePrice,
});

/**
 * Fails when a rule of {@link DROP_RULES} that the options do not allow
 * dropped more than `maxDroppedShare` of the lines read, naming the first
 * three lines it dropped (with their amount texts for the amount rules).
 *
 * @throws SegworkError (`tooManyDropped`).
 */
async function refuseBulkDrops(
  connection: DuckDBConnection,
  summary: TransactionCleaningSummary,
  plan: FeaturesQueryPlan,
  options: FeaturesOptions,
): Promise<void> {
  const allowed = options.allowDropped ?? FEATURES_DEFAULTS.allowDropped;
  const share = options.maxDroppedShare ?? FEATURES_DEFAULTS.maxDroppedShare;
  const counts = droppedBy(summary);
  for (const rule of DROP_RULES) {
    if (allowed === true || (allowed !== false && allowed.includes(rule))) continue;
    if (counts[rule] <= share * summary.linesRead) continue;
    await connection.run("SET threads = 1"); // row_number() OVER () in file order
    const first = await query(connection, buildDroppedLinesSql(plan, rule, 3), summary.source);
    // The text at fault: the price for a price rule, else whichever of quantity and price the
    // number grammar does not read (the price when both read but the product is out of range).
    const amountText = (i: number): string => {
      const quantity = String(first.quantity_text[i] ?? "");
      const price = String(first.price_text[i] ?? "");
      if (plan.amount.kind === "column") return quantity;
      if (rule === "non_positive_price") return price;
      const unread = Number.isNaN(
        parseDecimal(quantity, 0, quantity.length, { decimal: plan.decimal }),
      );
      return unread ? quantity : price;
    };
    throw messages.tooManyDropped(
      summary.source,
      rule,
      counts[rule],
      summary.linesRead,
      share,
      first.data_row.map((row, i) => ({
        line: toNumber(row) + 1,
        ...(rule === "unparseable_amount" || rule === "non_positive_price"
          ? { value: amountText(i) }
          : {}),
      })),
    );
  }
}

/**
 * Fails when the money column holds two different currency marks (adding
 * dollars to euros would be silently wrong), naming the first line of each.
 *
 * @throws SegworkError (`mixedCurrencies`).
 */
async function refuseMixedCurrencies(
  connection: DuckDBConnection,
  columns: Columns,
  plan: FeaturesQueryPlan,
  file: string,
): Promise<void> {
  const marks = new Set(
    [...columns.currency_min, ...columns.currency_max].filter(
      (mark): mark is string => typeof mark === "string",
    ),
  );
  if (marks.size <= 1) return;
  await connection.run("SET threads = 1");
  const lines = await query(connection, buildCurrencyLinesSql(plan), file);
  const at = (i: number) => ({
    symbol: String(lines.currency[i]),
    line: toNumber(lines.data_row[i]) + 1,
  });
  const column = plan.amount.kind === "product" ? plan.amount.price : plan.amount.column;
  throw loadMessages.mixedCurrencies(file, column, at(0), at(1));
}

/** The evidence in the first row of a result with the `slashEvidenceAggregates` columns. */
const evidenceOf = (columns: Columns): SlashEvidence => ({
  firstOver12: toNumber(columns.slash_first_over_12[0]),
  secondOver12: toNumber(columns.slash_second_over_12[0]),
  ambiguous: toNumber(columns.slash_ambiguous[0]),
  ambiguousExample: (columns.slash_ambiguous_example[0] as string | null) ?? null,
});

/** The ambiguous example of the first client (ids sorted) that has one. */
const exampleOf = (columns: Columns): string | null =>
  (columns.slash_ambiguous_example.find((value) => typeof value === "string") as string) ?? null;

/**
 * Derives one row per client from a transaction log (see `buildFeaturesSql`
 * for the cleaning rules and their order).
 *
 * - `recency_days` / `tenure_days`: calendar days from the last / first
 *   purchase to the as-of date (default: the day after the latest
 *   transaction that passes the id, amount and price rules).
 * - `frequency`: distinct invoices (lines without `invoice`);
 *   `monetary`: net spend (cancellations subtract unless `excludeReturns`);
 *   `avg_order_value` = monetary / frequency (both rounded to 0.01);
 *   `return_rate` = returned / purchased amount (0.0001).
 * - Client ids written as floats ("17850.0", as Spark writes them) read as
 *   "17850"; other ids are kept verbatim (trimmed), so "00001" stays.
 *
 * @throws SegworkError for a missing file, an unknown column (listing the
 * headers), a bad `amount`, `asOf` or `delimiter`, unreadable dates (quoting
 * the first one and its line: the data row + 1, exact unless the file has
 * blank lines or multi-line quoted fields), ambiguous a/b/YYYY dates, an
 * unreadable file, or a log with no usable line.
 * @example
 * const { clients, summary } = await deriveClientFeatures({
 *   transactions: "tx.csv", id: "CustomerID", date: "InvoiceDate", amount: "Quantity*UnitPrice",
 *   invoice: "InvoiceNo", asOf: "2011-12-10", keep: ["Country"],
 * });
 * clients.numeric.frequency[0]; // => distinct invoices of the first client (ids sorted)
 */
export async function deriveClientFeatures(options: FeaturesOptions): Promise<DerivedClients> {
  const file = options.transactions;
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw messages.badAsOf(options.asOf);
  if (options.amount.trim() === "") throw messages.badAmountExpression(options.amount);
  const prepared = await prepareTransactionFile(file, options.encoding ?? "auto");
  try {
    const derived = await deriveFromPrepared(prepared, options);
    const broken = await prepared.integrity;
    if (broken !== undefined) throw broken;
    return derived;
  } catch (error) {
    // A truncated gzip file explains whatever went wrong while reading it (a ragged last line).
    throw (await prepared.integrity) ?? error;
  } finally {
    prepared.cleanup();
  }
}

/** {@link deriveClientFeatures} once the file is found and decoded. */
async function deriveFromPrepared(
  prepared: PreparedFile,
  options: FeaturesOptions,
): Promise<DerivedClients> {
  const file = options.transactions;
  const spill = mkdtempSync(path.join(tmpdir(), "segwork-duckdb-"));
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    if (prepared.headerLine.trim() === "") throw messages.emptyTransactions(file);
    const source = chooseSource(
      prepared.path,
      prepared.headerLine,
      options.delimiter,
      prepared.gzip,
    );
    // DuckDB spills to ./.tmp by default for in-memory databases; keep it out of the user's folder.
    instance = await DuckDBInstance.create(":memory:", { temp_directory: spill });
    connection = await instance.connect();
    const headers = source.headers;

    const keep = (options.keep ?? []).map((column) => ({
      column: requireColumn(column, headers, "--keep", file),
      name: outputName(column),
    }));
    // Output names already used by the features or by the query's bookkeeping columns.
    const taken = new Set<string>([
      "client_id",
      "currency_min",
      "currency_max",
      ...NUMERIC_FEATURES,
      ...DATE_FEATURES,
      ...LINE_COUNTERS,
      "usable",
      "slash_ambiguous_example",
      "as_of",
      "latest_transaction",
    ]);
    for (const kept of keep) {
      if (taken.has(kept.name)) throw messages.keptColumnClash(kept.column, kept.name);
      taken.add(kept.name);
    }
    const input = {
      source,
      id: requireColumn(options.id, headers, "--id", file),
      date: requireColumn(options.date, headers, "--date", file),
      amount: resolveAmount(options.amount, headers, file),
      invoice:
        options.invoice === undefined
          ? undefined
          : requireColumn(options.invoice, headers, "--invoice", file),
      keep,
      decimal: options.decimal ?? FEATURES_DEFAULTS.decimal,
      keepZero: options.keepZero ?? FEATURES_DEFAULTS.keepZero,
    };

    const { columns, plan, parsing } = await runFeatures(connection, input, options);
    const sums = totals(columns);
    const asOf = String(columns.as_of[0] ?? options.asOf ?? "");
    const detected = Object.fromEntries(
      DATE_FAMILIES.filter((family) => sums[`lines_date_${family.key}`] > 0).map((family) => [
        family.name,
        sums[`lines_date_${family.key}`],
      ]),
    );
    const summary: TransactionCleaningSummary = {
      source: file,
      linesRead: sums.lines_read,
      missingClientId: sums.lines_missing_client_id,
      duplicateLines: sums.lines_duplicate,
      unparseableAmount: sums.lines_unparseable_amount,
      nonPositivePrice: sums.lines_non_positive_price,
      afterAsOf: sums.lines_after_as_of,
      cancellations: sums.lines_cancellation,
      returnsPolicy: plan.excludeReturns ? "exclude" : "net",
      kept: {
        duplicates: plan.keepDuplicates,
        zeroPrices: plan.keepZero,
        returnsAsTransactions: plan.countReturns,
      },
      linesUsed: sums.lines_used,
      floatClientIds: sums.lines_float_id,
      clients: 0,
      cancellationOnlyClients: 0,
      clientsWithoutUsableLines: 0,
      asOf,
      asOfSource: options.asOf === undefined ? "latest transaction + 1 day" : "option",
      latestTransaction: String(columns.latest_transaction[0] ?? ""),
      dateFormat:
        parsing.kind === "format"
          ? { given: parsing.format }
          : { detected, ...(sums.lines_date_slash > 0 ? { slashOrder: parsing.slashOrder } : {}) },
      amount: options.amount,
      invoice: plan.invoice ?? null,
    };
    const usable: number[] = [];
    columns.client_id.forEach((id, i) => {
      if (columns.usable[i] === true) usable.push(i);
      else if (id !== null && toNumber(columns.lines_cancellation[i]) > 0)
        summary.cancellationOnlyClients += 1;
      else if (id !== null) summary.clientsWithoutUsableLines += 1;
    });
    summary.clients = usable.length;
    if (usable.length === 0)
      throw messages.noUsableRows(file, summary.linesRead, noUsableReasons(summary));
    await refuseMixedCurrencies(connection, columns, plan, file);
    await refuseBulkDrops(connection, summary, plan, options);

    const pick = <T>(name: string, convert: (value: unknown) => T): T[] =>
      usable.map((i) => convert(columns[name][i]));
    const numeric = Object.fromEntries(
      NUMERIC_FEATURES.map((feature) => [feature, Float64Array.from(pick(feature, toNumber))]),
    ) as Record<NumericFeature, Float64Array>;
    const clients: ClientFeatures = {
      ids: pick("client_id", String),
      numeric,
      firstPurchase: pick("first_purchase", String),
      lastPurchase: pick("last_purchase", String),
      kept: keep.map((kept) => ({
        name: kept.name,
        source: kept.column,
        values: pick(kept.name, (value) => (value as string | null) ?? null),
      })),
    };
    return { clients, summary, plan };
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
