/**
 * Messages of the compare stage (two segmentations of the same clients).
 * Errors name the side and its file, the line and the column where known,
 * and say what to do.
 */
import { SegworkError } from "../errors.js";

export const _stage = "compare";

type Side = "A" | "B";

const sideName = (side: Side, source?: string): string =>
  source ? `side ${side} ("${source}")` : `side ${side}`;

const quoteList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(", ");

/**
 * The same client id appears twice in the client table (features, revenue).
 * @example duplicateClientId("clients.csv", "17850", 3, 9).message
 * // => 'Client id "17850" appears twice in the client table "clients.csv", on lines 3 and 9. …'
 */
export function duplicateClientId(
  source: string,
  id: string,
  first: number,
  second: number,
): SegworkError {
  return new SegworkError(
    "compare.duplicate-client-id",
    `Client id "${id}" appears twice in the client table "${source}", on lines ${first} and ${second}. ` +
      `Features and revenue need one row per client: remove the duplicate row or fix the id.`,
    { file: source, line: second, value: id },
  );
}

/**
 * The same client id appears twice on one side.
 * @example duplicateId("A", "a.csv", "17850", 3, 9, "line").message
 * // => 'Client id "17850" appears twice in side A ("a.csv"), on lines 3 and 9. …'
 */
export function duplicateId(
  side: Side,
  source: string | undefined,
  id: string,
  first: number,
  second: number,
  unit: "line" | "row",
): SegworkError {
  return new SegworkError(
    "compare.duplicate-id",
    `Client id "${id}" appears twice in ${sideName(side, source)}, on ${unit}s ${first} and ${second}. ` +
      `Each client needs exactly one label per side: remove the duplicate row or fix the id.`,
    { file: source, [unit]: second, value: id },
  );
}

/**
 * The two sides share no client id, so nothing can be compared.
 * @example noCommonIds("a.csv", "b.csv", ["1"], ["C1"]).message
 * // => 'No client id appears in both side A ("a.csv") and side B ("b.csv"). …'
 */
export function noCommonIds(
  sourceA: string | undefined,
  sourceB: string | undefined,
  examplesA: readonly string[],
  examplesB: readonly string[],
): SegworkError {
  return new SegworkError(
    "compare.no-common-ids",
    `No client id appears in both ${sideName("A", sourceA)} and ${sideName("B", sourceB)}. ` +
      `Ids are matched exactly as written (e.g. ${quoteList(examplesA)} against ${quoteList(examplesB)}): ` +
      `check that both files use the same id column and the same spelling (prefixes, leading zeros).`,
    { file: sourceA },
  );
}

/**
 * A note (not an error): ids present on one side only, left out of every measure.
 * @example unmatchedIds("B", "b.csv", 2, ["1***6", "1***7"])
 * // => '2 clients of side B ("b.csv") have no label on the other side and were left out of the comparison (e.g. 1***6, 1***7).'
 */
export function unmatchedIds(
  side: Side,
  source: string | undefined,
  count: number,
  examples: readonly string[],
): string {
  const who = count === 1 ? "1 client" : `${count.toLocaleString("en-US")} clients`;
  const verb = count === 1 ? "has" : "have";
  const eg = examples.length > 0 ? ` (e.g. ${examples.join(", ")})` : "";
  return `${who} of ${sideName(side, source)} ${verb} no label on the other side and ${count === 1 ? "was" : "were"} left out of the comparison${eg}.`;
}

/**
 * The label column asked for is not in the table.
 * @example labelColumnNotFound("a.csv", "clusterr", ["client_id", "cluster"]).message
 * // => 'The label column "clusterr" is not in "a.csv". Its columns are "client_id", "cluster".'
 */
export function labelColumnNotFound(
  source: string,
  column: string,
  headers: readonly string[],
): SegworkError {
  return new SegworkError(
    "compare.label-column-not-found",
    `The label column "${column}" is not in "${source}". Its columns are ${quoteList(headers)}.`,
    { file: source, column },
  );
}

/**
 * No label column was named and the table has several candidates (or none).
 * @example labelColumnNotChosen("a.csv", ["cluster", "segment"]).message
 * // => 'Cannot tell which column of "a.csv" holds the labels: "cluster", "segment". Name it with --label-a / --label-b.'
 */
export function labelColumnNotChosen(source: string, candidates: readonly string[]): SegworkError {
  const what = candidates.length === 0 ? "it has no column besides the id" : quoteList(candidates);
  return new SegworkError(
    "compare.label-column-not-chosen",
    `Cannot tell which column of "${source}" holds the labels: ${what}. Name it with --label-a / --label-b.`,
    { file: source },
  );
}

/**
 * A row has no label.
 * @example missingLabel("a.csv", 12, "cluster").message
 * // => '"a.csv" line 12, column "cluster": the label is empty. Every client needs a label; fill it in or remove the row.'
 */
export function missingLabel(source: string, line: number, column: string): SegworkError {
  return new SegworkError(
    "compare.missing-label",
    `"${source}" line ${line}, column "${column}": the label is empty. Every client needs a label; fill it in or remove the row.`,
    { file: source, line, column },
  );
}

/**
 * The crosstab would be too large to show (e.g. one side labels every client on its own).
 * @example tooManyCells(5000, 4000, 1_000_000).message
 * // => 'The crosstab would have 5,000 × 4,000 cells (more than 1,000,000). …'
 */
export function tooManyCells(rows: number, cols: number, limit: number): SegworkError {
  const f = (x: number): string => x.toLocaleString("en-US");
  return new SegworkError(
    "compare.too-many-cells",
    `The crosstab would have ${f(rows)} × ${f(cols)} cells (more than ${f(limit)}). ` +
      `One side has nearly one label per client; check that the label column is a segment, not an id.`,
  );
}

/**
 * A feature or revenue column is not in the client table.
 * @example clientColumnNotFound("clients.csv", "monetry", "revenue", ["monetary"]).message
 * // => 'The revenue column "monetry" is not a numeric column of "clients.csv". Its numeric columns are "monetary".'
 */
export function clientColumnNotFound(
  source: string,
  column: string,
  role: "feature" | "revenue",
  numericHeaders: readonly string[],
): SegworkError {
  return new SegworkError(
    "compare.client-column-not-found",
    `The ${role} column "${column}" is not a numeric column of "${source}". Its numeric columns are ${quoteList(numericHeaders)}.`,
    { file: source, column },
  );
}

/**
 * Total revenue is zero or negative, so revenue shares mean nothing.
 * @example nonPositiveRevenue("clients.csv", "monetary", -12).message
 * // => 'The revenue column "monetary" of "clients.csv" sums to -12 over the compared clients. …'
 */
export function nonPositiveRevenue(
  source: string | undefined,
  column: string,
  total: number,
): SegworkError {
  const where = source ? ` of "${source}"` : "";
  return new SegworkError(
    "compare.non-positive-revenue",
    `The revenue column "${column}"${where} sums to ${total.toLocaleString("en-US")} over the compared clients. ` +
      `Revenue shares need a positive total: choose a revenue column such as monetary or total spend.`,
    { file: source, column },
  );
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/**
 * Verdict when one scheme's between-segment Gini is clearly higher.
 * @example separationVerdict("K-Means", "RFM", 0.62, 0.48, "2", 0.45, 0.08)
 * // => 'K-Means separates value better than RFM: its between-segment Gini of revenue is 0.62 against 0.48, and its top segment (2) holds 45% of revenue with 8% of clients.'
 */
export function separationVerdict(
  better: string,
  other: string,
  giniBetter: number,
  giniOther: number,
  topLabel: string,
  topRevenueShare: number,
  topClientShare: number,
): string {
  return (
    `${better} separates value better than ${other}: its between-segment Gini of revenue is ` +
    `${giniBetter.toFixed(2)} against ${giniOther.toFixed(2)}, and its top segment (${topLabel}) ` +
    `holds ${pct(topRevenueShare)} of revenue with ${pct(topClientShare)} of clients.`
  );
}

/**
 * Verdict when the two Ginis are within the tolerance.
 * @example separationTie("K-Means", "RFM", 0.52, 0.515)
 * // => 'K-Means and RFM separate value about equally: between-segment Gini of revenue 0.52 and 0.52 (0.005 apart).'
 */
export function separationTie(nameA: string, nameB: string, giniA: number, giniB: number): string {
  const gap = Math.abs(giniA - giniB);
  return (
    `${nameA} and ${nameB} separate value about equally: between-segment Gini of revenue ` +
    `${giniA.toFixed(2)} and ${giniB.toFixed(2)} (${gap.toFixed(3)} apart).`
  );
}
