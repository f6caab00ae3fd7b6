/**
 * Types of the `features` stage: a transaction log (one line per item sold
 * or returned) becomes one row per client with RFM and related features.
 */

/** Numeric features, in output order (after `client_id` and kept columns). */
export const NUMERIC_FEATURES = [
  "recency_days",
  "frequency",
  "monetary",
  "tenure_days",
  "avg_order_value",
  "return_rate",
] as const;

/** Name of one numeric feature. */
export type NumericFeature = (typeof NUMERIC_FEATURES)[number];

/** Date features (YYYY-MM-DD strings), written after the numeric ones. */
export const DATE_FEATURES = ["first_purchase", "last_purchase"] as const;

/**
 * The cleaning rules that drop lines and are checked against
 * `maxDroppedShare` (the as-of cut and `excludeReturns` drop what the user
 * asked to drop, and unreadable dates are always an error).
 */
export const DROP_RULES = [
  "missing_client_id",
  "duplicate",
  "unparseable_amount",
  "non_positive_price",
] as const;

/** One of {@link DROP_RULES}. */
export type DropRule = (typeof DROP_RULES)[number];

/** The defaults of {@link FeaturesOptions}, in one place (the CLI's help reads them). */
export const FEATURES_DEFAULTS = Object.freeze({
  encoding: "auto" as TransactionEncoding,
  delimiter: "auto",
  decimal: "." as "." | ",",
  excludeReturns: false,
  keepDuplicates: false,
  keepZero: false,
  countReturns: false,
  allowDropped: false as boolean | readonly DropRule[],
  maxDroppedShare: 0.01,
});

/** What the user asked for (`segwork features …`). */
export interface FeaturesOptions {
  /** Path of the log: CSV, `.csv.gz`, or whitespace-separated text (CDNOW). */
  transactions: string;
  /** Header of the client id column. */
  id: string;
  /** Header of the transaction date column. */
  date: string;
  /** A column (`Sales`) or the product of two columns (`Quantity*UnitPrice`, the second being the price). */
  amount: string;
  /** Header of the invoice (order) column; omitted → each line is one purchase. */
  invoice?: string;
  /** Reference date `YYYY-MM-DD`; omitted → the day after the latest transaction. */
  asOf?: string;
  /** A DuckDB `strptime` format such as `%m/%d/%Y %H:%M`; omitted → auto-detect (see `DATE_FAMILIES`). */
  dateFormat?: string;
  /** Drop cancellations instead of netting them against spend. */
  excludeReturns?: boolean;
  /** Keep exact duplicate lines (by default they are dropped as double exports). */
  keepDuplicates?: boolean;
  /**
   * Keep lines whose price is zero (free items, samples): they count as
   * transactions, and a client whose only lines cost nothing is kept with a
   * spend of 0. By default they are dropped (`nonPositivePrice`); negative
   * prices are dropped either way.
   */
  keepZero?: boolean;
  /**
   * Count cancellations as transactions: in frequency, in recency and
   * tenure, and in the first and last purchase dates (by default they only
   * net against spend). A client with only cancellations is then kept, with
   * a negative spend. R rfm's `rfm_table_order` sees a raw log this way:
   * with `keepDuplicates`, `keepZero` and `countReturns` and no `invoice`,
   * segwork's RFM scores are R's (test/rules/rfm-table-order.test.ts).
   */
  countReturns?: boolean;
  /**
   * Cleaning rules allowed to drop more than `maxDroppedShare` of the lines
   * read: `true` for all of {@link DROP_RULES}, or a list of them. Default
   * none: a rule that drops more is an error naming the rule, the count and
   * the first lines, so that a format problem (a decimal comma, a currency
   * mark, a shifted column) is never silently a loss of data.
   */
  allowDropped?: boolean | readonly DropRule[];
  /** Share of the lines read that one rule may drop without `allowDropped` (default 0.01). */
  maxDroppedShare?: number;
  /** Text columns to carry through (the client's latest non-empty value), e.g. `Country`. */
  keep?: string[];
  /**
   * Character encoding of the file: `auto` (default) detects UTF-16, UTF-8 or
   * GBK with the loader's detector (`detectEncoding`); GBK is decoded in Node first.
   */
  encoding?: TransactionEncoding;
  /** Field delimiter: a single character, `whitespace` (runs of spaces/tabs) or `auto` (default). */
  delimiter?: string;
  /**
   * Decimal mark of the amount columns: `.` (default; `1,234.50`) or `,`
   * (`1.234,50`). Amounts are read with the load stage's number grammar
   * (thousands separators, currency marks such as `¥1,200` or `1.234,50 €`).
   */
  decimal?: "." | ",";
}

/** Encodings of a transaction log: detected, or forced. */
export type TransactionEncoding = "auto" | "utf8" | "gbk" | "gb18030";

/** How the amount of one line is computed. */
export type AmountExpression =
  { kind: "column"; column: string } | { kind: "product"; quantity: string; price: string };

/**
 * Where the lines come from: a delimited file (RFC 4180 quotes) or a file
 * whose columns are separated by runs of blanks, as DuckDB reads them, or a
 * table already in the database. `headers` are the column names, in file
 * order; `gzip` whether to gunzip.
 */
export type TransactionSource =
  | { kind: "csv"; path: string; delimiter: string; headers: string[]; gzip: boolean }
  | { kind: "whitespace"; path: string; headers: string[]; gzip: boolean }
  /** A table of text columns named by `headers` (the log loaded into DuckDB or PostgreSQL). */
  | { kind: "table"; table: string; headers: string[] };

/** How date strings become timestamps. */
export type DateParsing =
  /** One DuckDB strptime format for every value. */
  | { kind: "format"; format: string }
  /** The documented families of `DATE_FAMILIES`; `slashOrder` settles `a/b/YYYY`. */
  | { kind: "auto"; slashOrder: "month-first" | "day-first" };

/** Everything {@link buildFeaturesSql} needs: the options with columns and dates resolved. */
export interface FeaturesQueryPlan {
  source: TransactionSource;
  id: string;
  date: string;
  amount: AmountExpression;
  invoice?: string;
  /** Kept text columns: input header and output column name. */
  keep: { column: string; name: string }[];
  /** Decimal mark of the amount columns (see `parseDecimal` in `src/load/numbers.ts`). */
  decimal: "." | ",";
  dateParsing: DateParsing;
  /** `YYYY-MM-DD`, or null for the day after the latest dated line. */
  asOf: string | null;
  excludeReturns: boolean;
  keepDuplicates: boolean;
  /** Keep lines with a zero price (and so clients whose spend is zero); negative prices stay dropped. */
  keepZero: boolean;
  /** Count cancellations as transactions in frequency, recency, tenure and the purchase dates. */
  countReturns: boolean;
}

/**
 * One row per client, column-major. `ids` are sorted as strings (DuckDB
 * byte order); every array has `ids.length` entries.
 */
export interface ClientFeatures {
  ids: string[];
  /** Numeric features; money rounded to 0.01, `return_rate` to 0.0001. NaN = undefined (see docs). */
  numeric: Record<NumericFeature, Float64Array>;
  /** Dates of the first and last purchase, `YYYY-MM-DD`. */
  firstPurchase: string[];
  lastPurchase: string[];
  /** Kept text columns, by output name, in the order asked for (null when the client never had a value). */
  kept: { name: string; source: string; values: (string | null)[] }[];
}

/**
 * What cleaning did to the log, line by line and client by client. Each
 * dropped line is counted once, under the first rule (in field order) that
 * drops it.
 */
export interface TransactionCleaningSummary {
  /** The file read. */
  source: string;
  /** Data lines read (header excluded, duplicates included). */
  linesRead: number;
  /** Lines with an empty client id (dropped first, duplicates included). */
  missingClientId: number;
  /** Extra copies of lines with a client id already seen (dropped unless `keepDuplicates`). */
  duplicateLines: number;
  /** Lines whose amount (or quantity or price) is empty or not a finite number (dropped). */
  unparseableAmount: number;
  /** Lines whose price is zero or negative (dropped; only when the amount is a product). */
  nonPositivePrice: number;
  /** Lines dated after the as-of day (ignored). */
  afterAsOf: number;
  /** Cancellations among the remaining lines (invoice starting with "C" or a negative amount). */
  cancellations: number;
  /** `net`: cancellations net against spend; `exclude`: they were dropped. */
  returnsPolicy: "net" | "exclude";
  /** The switches that keep lines the defaults drop, as used (see {@link FeaturesOptions}). */
  kept: { duplicates: boolean; zeroPrices: boolean; returnsAsTransactions: boolean };
  /** Lines that made it into the features (purchases plus netted cancellations). */
  linesUsed: number;
  /** Distinct lines whose client id was written as a float ("17850.0") and was read as "17850". */
  floatClientIds: number;
  /** Clients kept in the output. */
  clients: number;
  /** Clients dropped because their only remaining lines were cancellations. */
  cancellationOnlyClients: number;
  /** Clients dropped because none of their lines survived cleaning. */
  clientsWithoutUsableLines: number;
  /** The as-of date used, `YYYY-MM-DD`. */
  asOf: string;
  /** Whether `asOf` was given or defaulted to the day after the latest transaction. */
  asOfSource: "option" | "latest transaction + 1 day";
  /** Date of the latest line with a client id, an amount and a price, `YYYY-MM-DD` (before the as-of cut). */
  latestTransaction: string;
  /** The date format given, or the families detected with their line counts. */
  dateFormat:
    | { given: string }
    | { detected: Record<string, number>; slashOrder?: "month-first" | "day-first" };
  /** How the amount was computed, as given (e.g. `Quantity*UnitPrice`). */
  amount: string;
  /** Frequency counts distinct invoices of this column, or lines when absent. */
  invoice: string | null;
}
