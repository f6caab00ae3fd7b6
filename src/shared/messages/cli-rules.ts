/**
 * Messages of the rule commands (`rfm`, `thresholds`, `tiers`, `abc`) and of
 * `compare`: option combinations, missing values and duplicate ids in the
 * client table, and the notes these commands print.
 */
import { SegworkError } from "../errors.js";

const quoteList = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(", ");

/**
 * `rfm` got neither a client table nor a transaction log.
 * @example rfmNeedsInput().message // => 'segwork rfm needs --input <clients.csv> or --transactions <log.csv>'
 */
export const rfmNeedsInput = (): SegworkError =>
  new SegworkError(
    "cli-rules.rfm-needs-input",
    "segwork rfm needs --input <clients.csv> or --transactions <log.csv>",
  );

/**
 * `rfm` got both a client table and a transaction log.
 * @example rfmBothInputs("a.csv", "tx.csv").message
 */
export const rfmBothInputs = (input: string, transactions: string): SegworkError =>
  new SegworkError(
    "cli-rules.rfm-both-inputs",
    `segwork rfm takes --input (a client table) or --transactions (a log), not both (got --input ${input} and --transactions ${transactions})`,
  );

/**
 * An option that only applies to one kind of input was given with the other.
 * @example optionNeeds("--date", "--transactions").message
 * // => '--date only applies with --transactions; remove it or use --transactions'
 */
export const optionNeeds = (option: string, needs: string): SegworkError =>
  new SegworkError(
    "cli-rules.option-needs",
    `${option} only applies with ${needs}; remove it or use ${needs}`,
  );

/**
 * The segment table was written for another number of score bins.
 * @example segmentBinsMismatch("seg.json", 5, 4).message
 */
export const segmentBinsMismatch = (file: string, tableBins: number, bins: number): SegworkError =>
  new SegworkError(
    "cli-rules.segment-bins",
    `${file}: the segment table is written for bins = ${tableBins}, but the RFM scores use ${bins} bins; ` +
      `set "bins" in the segment table to ${bins} (and its ranges within 1–${bins}) or score with --bins ${tableBins}`,
    { file, key: "bins" },
  );

/**
 * A value the rules need is missing or not a number (`raw` undefined: missing).
 * @example missingValue("clients.csv", 7, "monetary", "C12").message
 * // => 'clients.csv line 7 (client C12): column "monetary" has no value; fill it, or pass --drop-missing to leave such clients out'
 */
export const missingValue = (
  file: string,
  line: number,
  column: string,
  id: string,
  raw?: string,
): SegworkError =>
  new SegworkError(
    "cli-rules.missing-value",
    `${file} line ${line} (client ${id}): column "${column}" ${raw === undefined ? "has no value" : `is not a number ("${raw}")`}; ` +
      `fill it, or pass --drop-missing to leave such clients out`,
    { file, line, column, ...(raw === undefined ? {} : { value: raw }) },
  );

/**
 * Every client was dropped for missing values.
 * @example noClientsLeft("clients.csv", 12).message
 */
export const noClientsLeft = (file: string, dropped: number): SegworkError =>
  new SegworkError(
    "cli-rules.no-clients-left",
    `${file}: all ${dropped} clients have a missing value in a column the rules use; nothing is left to score`,
    { file },
  );

/**
 * The id column holds the same id twice.
 * @example duplicateId("clients.csv", "C1", 2, 9).message
 */
export const duplicateId = (
  file: string,
  id: string,
  first: number,
  second: number,
): SegworkError =>
  new SegworkError(
    "cli-rules.duplicate-id",
    `${file}: client id "${id}" appears twice, on lines ${first} and ${second}; each client needs one row (remove the duplicate or fix the id)`,
    { file, line: second, value: id },
  );

/**
 * A label file has no id column the command can find.
 * @example idColumnNotFound("a.csv", "--id-a", ["client", "cluster"]).message
 */
export const idColumnNotFound = (
  file: string,
  option: string,
  headers: readonly string[],
): SegworkError =>
  new SegworkError(
    "cli-rules.id-column",
    `${file}: cannot tell which column holds the client ids (no "id" column); name it with ${option}. Columns: ${quoteList(headers)}`,
    { file },
  );

/**
 * `--features` or `--revenue` was given to compare but no table has the columns.
 * @example compareColumnsMissing("b.csv", ["tenure_days"], "--features").message
 */
export const compareColumnsMissing = (
  file: string,
  columns: readonly string[],
  option: string,
): SegworkError =>
  new SegworkError(
    "cli-rules.compare-columns",
    `${option} names ${quoteList(columns)}, which ${file} does not have; pass the client table with --clients <file> --id <column>`,
    { file, column: columns[0] },
  );

/**
 * --revenue names a column the table does not have.
 * @example unknownRevenueColumn("clients.csv", "sales", ["client_id", "monetary"]).message
 * // => 'clients.csv has no revenue column "sales" (--revenue). Columns: "client_id", "monetary"'
 */
export const unknownRevenueColumn = (
  file: string,
  column: string,
  headers: readonly string[],
): SegworkError =>
  new SegworkError(
    "cli-rules.unknown-revenue-column",
    `${file} has no revenue column "${column}" (--revenue). Columns: ${quoteList(headers)}`,
    { file, column },
  );

/**
 * The scorecard weights a feature the client table does not have.
 * @example scorecardColumnMissing("clients.csv", "spend", "tiers.json", ["client_id", "monetary"]).message
 * // => 'clients.csv has no column "spend", which tiers.json weights (weights.spend). Columns: "client_id", "monetary"'
 */
export const scorecardColumnMissing = (
  file: string,
  column: string,
  configFile: string,
  headers: readonly string[],
): SegworkError =>
  new SegworkError(
    "cli-rules.scorecard-column",
    `${file} has no column "${column}", which ${configFile} weights (weights.${column}). Columns: ${quoteList(headers)}`,
    { file, column, key: `weights.${column}` },
  );

// ── Notes (strings) ─────────────────────────────────────────────────────────

/** @example droppedMissing(3, 100, "clients.csv") // => 'left out 3 of 100 clients of clients.csv with a missing value (--drop-missing)' */
export const droppedMissing = (dropped: number, total: number, file: string): string =>
  `left out ${dropped} of ${total} clients of ${file} with a missing value (--drop-missing)`;

/** @example partiallyShadowedSummary(9, 10) // => '9 of 10 segments lose some score cells to earlier segments (first match wins); rfm.json and the report list them' */
export const partiallyShadowedSummary = (count: number, total: number): string =>
  `${count} of ${total} segments lose some score cells to earlier segments (first match wins); rfm.json and the report list them`;

/** @example noRawFeatures(["recency_days", "monetary"]) */
export const noRawFeatures = (features: readonly string[]): string =>
  `no table with the raw features (${features.join(", ")}): surrogate rules and value separation are left out; pass --clients <file> --id <column> to add them`;

/** @example noRevenue("monetary") */
export const noRevenueColumn = (column: string): string =>
  `no revenue column "${column}": the value separation is left out; pass --clients or --revenue`;

/** @example featuresFrom("B", "runs/rfm/segments.csv") */
export const featuresFrom = (file: string): string =>
  `raw features and revenue are read from ${file}`;

/** @example wrote(["a/x.csv", "a/y.json"]) // => 'wrote a/x.csv, a/y.json' */
export const wrote = (files: readonly string[]): string => `wrote ${files.join(", ")}`;

// ── --join: numeric columns of another table (e.g. clv.csv) by client id ────

/**
 * The table given to `--join` has no numeric column to add.
 * @example joinNothingToAdd("clv.csv", "id").message
 * // => 'clv.csv: nothing to join: besides its id column "id" it has no column of numbers (text columns are not joined)'
 */
export const joinNothingToAdd = (file: string, idColumn: string): SegworkError =>
  new SegworkError(
    "cli-rules.join-nothing",
    `${file}: nothing to join: besides its id column "${idColumn}" it has no column of numbers (text columns are not joined)`,
    { file },
  );

/**
 * No client id of the table is in the joined table: almost always the wrong id column.
 * @example joinNoCommonIds("clients.csv", "clv.csv", "id").message
 * // => 'no client id of clients.csv is in clv.csv (its id column "id"): check that both name the same clients, or name the id column of the joined table with --join-id'
 */
export const joinNoCommonIds = (base: string, joined: string, idColumn: string): SegworkError =>
  new SegworkError(
    "cli-rules.join-no-common-ids",
    `no client id of ${base} is in ${joined} (its id column "${idColumn}"): check that both name the same clients, or name the id column of the joined table with --join-id`,
    { file: joined },
  );

/**
 * The joined columns, and the clients found in only one of the two tables.
 * @example joined("clv.csv", ["clv", "p_alive"], 2300, 38, 57)
 * // => 'joined 2 columns of clv.csv (clv, p_alive): 2,300 clients matched; 38 clients of the table are not in clv.csv (their joined values are missing); 57 ids of clv.csv are not in the table (ignored)'
 */
export const joined = (
  file: string,
  columns: readonly string[],
  matched: number,
  onlyInBase: number,
  onlyInJoined: number,
): string => {
  const n = (x: number): string => x.toLocaleString("en-US");
  const parts = [
    `joined ${columns.length === 1 ? "1 column" : `${columns.length} columns`} of ${file} (${columns.join(", ")}): ${n(matched)} clients matched`,
  ];
  if (onlyInBase > 0)
    parts.push(
      `${n(onlyInBase)} ${onlyInBase === 1 ? "client" : "clients"} of the table ${onlyInBase === 1 ? "is" : "are"} not in ${file} (their joined values are missing)`,
    );
  if (onlyInJoined > 0)
    parts.push(
      `${n(onlyInJoined)} ${onlyInJoined === 1 ? "id" : "ids"} of ${file} ${onlyInJoined === 1 ? "is" : "are"} not in the table (ignored)`,
    );
  return parts.join("; ");
};

/**
 * Columns of the joined table that the table already has: the table's own values are kept.
 * @example joinKeptOwnColumns("clv.csv", ["monetary"])
 * // => 'clv.csv: column "monetary" is in the table already; the table\'s own values are kept'
 */
export const joinKeptOwnColumns = (file: string, columns: readonly string[]): string =>
  `${file}: ${columns.length === 1 ? "column" : "columns"} ${quoteList(columns)} ${columns.length === 1 ? "is" : "are"} in the table already; the table's own values are kept`;

/**
 * Text columns of the joined table are not joined (rules read numbers).
 * @example joinSkippedText("clv.csv", ["churn_risk"])
 * // => 'clv.csv: text column "churn_risk" is not joined (rules read numbers; compare reads labels from the file itself)'
 */
export const joinSkippedText = (file: string, columns: readonly string[]): string =>
  `${file}: text ${columns.length === 1 ? "column" : "columns"} ${quoteList(columns)} ${columns.length === 1 ? "is" : "are"} not joined (rules read numbers; compare reads labels from the file itself)`;
