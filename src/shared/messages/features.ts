/** Messages of the features stage (transaction log → one row per client). */
import { SegworkError } from "../errors.js";

export const _stage = "features";

/**
 * The transaction file does not exist.
 *
 * @example
 * transactionsNotFound("tx.csv").message; // => 'Transaction file "tx.csv" was not found. Check the --transactions path.'
 */
export function transactionsNotFound(file: string): SegworkError {
  return new SegworkError(
    "features.file-not-found",
    `Transaction file "${file}" was not found. Check the --transactions path.`,
    { file },
  );
}

/**
 * A column named by an option is not among the file's headers.
 *
 * @example
 * unknownColumn("tx.csv", "--id", "Customer", ["CustomerID", "Country"]).message;
 * // => 'Column "Customer" (--id) is not in tx.csv. Its columns are: CustomerID, Country.'
 */
export function unknownColumn(
  file: string,
  option: string,
  column: string,
  headers: string[],
): SegworkError {
  return new SegworkError(
    "features.unknown-column",
    `Column "${column}" (${option}) is not in ${file}. Its columns are: ${headers.join(", ")}.`,
    { file, column, key: option },
  );
}

/**
 * `--amount` is neither a column nor a product of two columns.
 *
 * @example
 * badAmountExpression("Quantity*").message;
 * // => 'Cannot read --amount "Quantity*": write one column (Sales) or the product of two columns, quantity first and price second (Quantity*UnitPrice).'
 */
export function badAmountExpression(expression: string): SegworkError {
  return new SegworkError(
    "features.bad-amount",
    `Cannot read --amount "${expression}": write one column (Sales) or the product of two columns, quantity first and price second (Quantity*UnitPrice).`,
    { key: "--amount", value: expression },
  );
}

/**
 * `--as-of` is not a calendar date `YYYY-MM-DD`.
 *
 * @example
 * badAsOf("10/12/2011").message; // => 'Cannot read --as-of "10/12/2011": write a date as YYYY-MM-DD (e.g. 2011-12-10).'
 */
export function badAsOf(value: string): SegworkError {
  return new SegworkError(
    "features.bad-as-of",
    `Cannot read --as-of "${value}": write a date as YYYY-MM-DD (e.g. 2011-12-10).`,
    { key: "--as-of", value },
  );
}

/**
 * `--delimiter` is not one character, `whitespace` or `auto`.
 *
 * @example
 * badDelimiter("::").message; // => 'Cannot use --delimiter "::": give one character (, ; | or a tab), "whitespace" for columns separated by runs of spaces, or "auto".'
 */
export function badDelimiter(value: string): SegworkError {
  return new SegworkError(
    "features.bad-delimiter",
    `Cannot use --delimiter "${value}": give one character (, ; | or a tab), "whitespace" for columns separated by runs of spaces, or "auto".`,
    { key: "--delimiter", value },
  );
}

/**
 * A kept column's output name collides with a feature or another column.
 *
 * @example
 * keptColumnClash("Frequency", "frequency").message;
 * // => 'Cannot keep column "Frequency": its output name "frequency" is already taken by a feature or another kept column.'
 */
export function keptColumnClash(column: string, name: string): SegworkError {
  return new SegworkError(
    "features.keep-clash",
    `Cannot keep column "${column}": its output name "${name}" is already taken by a feature or another kept column.`,
    { column, key: "--keep" },
  );
}

/**
 * A date value matches no accepted format (quoting the first one in file order).
 *
 * @example
 * unparseableDate("tx.csv", "InvoiceDate", 7, "31/31/2011", 3, 'the format "%d/%m/%Y"').message;
 * // => 'Cannot read the date "31/31/2011" in column "InvoiceDate" of tx.csv, line 7 (3 lines have unreadable dates). Expected the format "%d/%m/%Y". Fix the values or give --date-format (e.g. "%m/%d/%Y %H:%M").'
 */
export function unparseableDate(
  file: string,
  column: string,
  line: number,
  value: string,
  badLines: number,
  expected: string,
): SegworkError {
  const count =
    badLines === 1 ? "1 line has an unreadable date" : `${badLines} lines have unreadable dates`;
  const shown = value === "" ? "(empty)" : `"${value}"`;
  return new SegworkError(
    "features.bad-date",
    `Cannot read the date ${shown} in column "${column}" of ${file}, line ${line} (${count}). Expected ${expected}. Fix the values or give --date-format (e.g. "%m/%d/%Y %H:%M").`,
    { file, line, column, value },
  );
}

/**
 * Every `a/b/YYYY` date reads both as month/day and as day/month.
 *
 * @example
 * ambiguousDates("tx.csv", "InvoiceDate", "3/4/2011", ["%m/%d/%Y", "%d/%m/%Y"]).message;
 * // => 'Dates in column "InvoiceDate" of tx.csv read both as month/day and as day/month (e.g. "3/4/2011"). Say which with --date-format "%m/%d/%Y" (month first) or --date-format "%d/%m/%Y" (day first).'
 */
export function ambiguousDates(
  file: string,
  column: string,
  example: string,
  formats: [string, string],
): SegworkError {
  return new SegworkError(
    "features.ambiguous-dates",
    `Dates in column "${column}" of ${file} read both as month/day and as day/month (e.g. "${example}"). Say which with --date-format "${formats[0]}" (month first) or --date-format "${formats[1]}" (day first).`,
    { file, column, value: example },
  );
}

/**
 * After cleaning, no line is left to describe any client.
 *
 * @example
 * noUsableRows("tx.csv", 12, "12 without a client id").message;
 * // => 'No usable transactions in tx.csv: of 12 lines, 12 without a client id. Check --id, --amount and --as-of.'
 */
export function noUsableRows(file: string, linesRead: number, reasons: string): SegworkError {
  return new SegworkError(
    "features.no-usable-rows",
    `No usable transactions in ${file}: of ${linesRead} lines, ${reasons}. Check --id, --amount and --as-of.`,
    { file },
  );
}

/**
 * The file is not valid UTF-8.
 *
 * @example
 * notUtf8("tx.csv").message; // => 'tx.csv is not valid UTF-8. If it was saved by Chinese Excel, give --encoding gbk.'
 */
export function notUtf8(file: string): SegworkError {
  return new SegworkError(
    "features.not-utf8",
    `${file} is not valid UTF-8. If it was saved by Chinese Excel, give --encoding gbk.`,
    { file },
  );
}

/**
 * `--encoding auto` recognised neither UTF-8 nor GBK in the header line.
 *
 * @example
 * undetectedEncoding("tx.csv").message;
 * // => 'tx.csv is not valid UTF-8, and its header does not read as GBK either, so its encoding could not be detected. If it was saved by Chinese Excel, give --encoding gbk; otherwise save it again as UTF-8.'
 */
export function undetectedEncoding(file: string): SegworkError {
  return new SegworkError(
    "features.unknown-encoding",
    `${file} is not valid UTF-8, and its header does not read as GBK either, so its encoding could not be detected. If it was saved by Chinese Excel, give --encoding gbk; otherwise save it again as UTF-8.`,
    { file, key: "--encoding" },
  );
}

/**
 * `--transactions` names a folder.
 *
 * @example
 * transactionsNotAFile("runs").message; // => '"runs" is a folder, not a transaction file. Check the --transactions path.'
 */
export function transactionsNotAFile(file: string): SegworkError {
  return new SegworkError(
    "features.not-a-file",
    `"${file}" is a folder, not a transaction file. Check the --transactions path.`,
    { file },
  );
}

/**
 * The file has no header line.
 *
 * @example
 * emptyTransactions("tx.csv").message; // => 'tx.csv is empty: a transaction log needs a header line and at least one transaction.'
 */
export function emptyTransactions(file: string): SegworkError {
  return new SegworkError(
    "features.empty-file",
    `${file} is empty: a transaction log needs a header line and at least one transaction.`,
    { file },
  );
}

/**
 * DuckDB could not read the file as CSV (ragged lines, bad quoting, …).
 *
 * @example
 * unreadableTransactions("tx.csv", "Expected 8 columns, found 9 on line 12").message;
 * // => 'Cannot read tx.csv as a delimited file: Expected 8 columns, found 9 on line 12. Check --delimiter and the quoting of that line.'
 */
export function unreadableTransactions(file: string, detail: string): SegworkError {
  return new SegworkError(
    "features.unreadable",
    `Cannot read ${file} as a delimited file: ${detail}. Check --delimiter and the quoting of that line.`,
    { file },
  );
}

/**
 * A line has more or fewer fields than the header.
 *
 * @example
 * raggedLine("tx.csv", 3, 3, 2, "y,2").message;
 * // => 'Cannot read tx.csv: line 3 has 2 fields where the header has 3 ("y,2"). Check --delimiter and the quoting of that line.'
 */
export function raggedLine(
  file: string,
  line: number,
  expected: number,
  found: number,
  original: string,
): SegworkError {
  return new SegworkError(
    "features.ragged-line",
    `Cannot read ${file}: line ${line} has ${found} fields where the header has ${expected} ("${original}"). Check --delimiter and the quoting of that line.`,
    { file, line },
  );
}

/** How each cleaning rule's lines are described in {@link tooManyDropped}. */
const DROPPED_LINES: Record<string, string> = {
  missing_client_id: "have no client id",
  duplicate: "are exact copies of an earlier line",
  unparseable_amount: "have an amount that is not a number",
  non_positive_price: "have a zero or negative price",
};

const percent = (share: number): string =>
  `${Number((share * 100).toFixed(share * 100 >= 10 ? 1 : 2))}%`;

/**
 * One cleaning rule would drop more than the allowed share of the lines read.
 * `first` are the first lines it drops (1-based file lines) with the amount
 * text where the rule is about amounts.
 *
 * @example
 * tooManyDropped("tx.csv", "unparseable_amount", 2, 10, 0.01, [{ line: 3, value: "1,234.50" }, { line: 7, value: "2,000" }]).message;
 * // => 'tx.csv: 2 of 10 lines (20%) have an amount that is not a number, more than the 1% a cleaning rule may drop unasked: lines 3 ("1,234.50") and 7 ("2,000"). Fix the file (or give --decimal , for decimal commas), or pass --allow-dropped unparseable_amount to drop them.'
 */
export function tooManyDropped(
  file: string,
  rule: string,
  count: number,
  linesRead: number,
  allowedShare: number,
  first: { line: number; value?: string }[],
): SegworkError {
  const n = (x: number): string => x.toLocaleString("en-US");
  const shown = first.map(({ line, value }) =>
    value === undefined
      ? n(line)
      : `${n(line)} (${value === "" ? "empty" : JSON.stringify(value)})`,
  );
  const list =
    shown.length <= 1
      ? (shown[0] ?? "")
      : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  const where =
    count > first.length
      ? `the first are lines ${list}`
      : `line${first.length === 1 ? "" : "s"} ${list}`;
  const hint = rule === "unparseable_amount" ? " (or give --decimal , for decimal commas)" : "";
  return new SegworkError(
    "features.too-many-dropped",
    `${file}: ${n(count)} of ${n(linesRead)} lines (${percent(count / linesRead)}) ${DROPPED_LINES[rule] ?? rule}, ` +
      `more than the ${percent(allowedShare)} a cleaning rule may drop unasked: ${where}. ` +
      `Fix the file${hint}, or pass --allow-dropped ${rule} to drop them.`,
    { file, line: first[0]?.line, key: "--allow-dropped", value: rule },
  );
}
