/**
 * Messages of the load stage. Every error names the file (as the user gave
 * it), and the line, row, column or sheet where known, and says what to do.
 */
import { SegworkError } from "../errors.js";

export const _stage = "load";

/** Extensions the loader understands (each may also end in `.gz`, except spreadsheets). */
export const SUPPORTED_EXTENSIONS = [
  ".csv",
  ".tsv",
  ".txt",
  ".json",
  ".jsonl",
  ".ndjson",
  ".xlsx",
  ".xlsm",
  ".xls",
];

const quoteList = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

/**
 * The path does not exist.
 * @example fileNotFound("clients.csv").message // => 'Cannot find the file "clients.csv". Check the path …'
 */
export function fileNotFound(file: string): SegworkError {
  return new SegworkError(
    "load.file-not-found",
    `Cannot find the file "${file}". Check the path (a relative path starts from the current folder).`,
    { file },
  );
}

/** The path names a folder. */
export function notAFile(file: string): SegworkError {
  return new SegworkError(
    "load.not-a-file",
    `"${file}" is a folder, not a file. Give the path of a CSV, JSON or XLSX file.`,
    { file },
  );
}

/** Any other operating-system error while reading (permissions, I/O). */
export function unreadableFile(file: string, reason: string): SegworkError {
  return new SegworkError("load.unreadable", `Cannot read "${file}": ${reason}.`, { file });
}

/** Text beyond what one JavaScript string can hold (about 512 MB). */
export function fileTooLarge(file: string): SegworkError {
  return new SegworkError(
    "load.too-large",
    `"${file}" is too large to load as text (the limit is about 500 MB once decoded). ` +
      `Aggregate it to one row per client first (for example with DuckDB) and load that table.`,
    { file },
  );
}

/** 0 bytes, or only whitespace. */
export function emptyFile(file: string): SegworkError {
  return new SegworkError(
    "load.empty-file",
    `"${file}" is empty: it has no header row and no data. Export the table again with a header row.`,
    { file },
  );
}

/** A header row but no data rows. */
export function headerOnly(file: string, columnCount: number): SegworkError {
  return new SegworkError(
    "load.header-only",
    `"${file}" has a header row (${columnCount} column${columnCount === 1 ? "" : "s"}) but no data rows.`,
    { file },
  );
}

/** A CSV row with more fields than the header. */
export function tooManyFields(
  file: string,
  line: number,
  found: number,
  expected: number,
  delimiter: string,
): SegworkError {
  const shown =
    delimiter === "\t" ? "tab" : delimiter === "whitespace" ? "whitespace" : `"${delimiter}"`;
  return new SegworkError(
    "load.too-many-fields",
    `"${file}" line ${line} has ${found} fields but the header has ${expected}. ` +
      `A value probably contains the delimiter (${shown}): put that value in double quotes.`,
    { file, line },
  );
}

/** A quoted CSV field that is never closed. */
export function unbalancedQuote(file: string, line: number): SegworkError {
  return new SegworkError(
    "load.unbalanced-quote",
    `"${file}" line ${line}: a quoted field starts here and is never closed. ` +
      `Add the closing double quote, and write a quote inside a quoted value as two ("").`,
    { file, line },
  );
}

/** JSON that does not parse; line and column are 1-based. */
export function invalidJson(
  file: string,
  line: number,
  column: number,
  near: string,
): SegworkError {
  return new SegworkError(
    "load.invalid-json",
    `"${file}" is not valid JSON: the problem is at line ${line}, column ${column} (near ${JSON.stringify(near)}).`,
    { file, line },
  );
}

/** JSON that parses but is not one of the table layouts. */
export function unsupportedJsonLayout(file: string): SegworkError {
  return new SegworkError(
    "load.json-layout",
    `"${file}" is JSON but not a table. Use an array of records ([{"id": "1", "x": 2}, …]), ` +
      `{"columns": [...], "data": [[...], …]} (pandas orient="split"), or one record per line (.jsonl).`,
    { file },
  );
}

/** A JSON row (record or `data` entry) of the wrong type. */
export function jsonRowNotRecord(
  file: string,
  row: number,
  expected: "an object" | "an array",
): SegworkError {
  return new SegworkError(
    "load.json-row",
    `"${file}" row ${row} is not ${expected}; in this layout every row must be ${expected}.`,
    { file, row },
  );
}

/** A `data` row of a split-layout JSON longer than `columns`. */
export function jsonRowTooLong(
  file: string,
  row: number,
  found: number,
  expected: number,
): SegworkError {
  return new SegworkError(
    "load.too-many-fields",
    `"${file}" row ${row} has ${found} values but "columns" lists ${expected}.`,
    { file, row },
  );
}

/** Extension not understood. */
export function unsupportedExtension(file: string, extension: string): SegworkError {
  const shown = extension === "" ? "no extension" : `"${extension}"`;
  return new SegworkError(
    "load.unsupported-extension",
    `"${file}" has ${shown}, which segwork cannot read. Supported: ${SUPPORTED_EXTENSIONS.join(", ")} ` +
      `(text formats may also be gzipped, e.g. .csv.gz).`,
    { file },
  );
}

/** Two or more header cells with the same name. */
export function duplicateHeaders(
  file: string,
  duplicates: ReadonlyArray<{ name: string; positions: number[] }>,
): SegworkError {
  const listed = duplicates
    .map((d) => `"${d.name}" (columns ${d.positions.join(", ")})`)
    .join("; ");
  return new SegworkError(
    "load.duplicate-headers",
    `"${file}" has duplicate column names: ${listed}. Rename them so every column has its own name.`,
    { file, column: duplicates[0]?.name },
  );
}

/**
 * A column named in the options is not in the header.
 * @param role which option named it: the id, a numeric or a text column.
 */
export function unknownColumn(
  file: string,
  column: string,
  role: "id" | "numeric" | "text",
  headers: readonly string[],
  suggestion: string | undefined,
): SegworkError {
  const what = role === "id" ? "id column" : role === "numeric" ? "numeric column" : "text column";
  const hint = suggestion === undefined ? "" : ` Did you mean "${suggestion}"?`;
  return new SegworkError(
    "load.unknown-column",
    `"${file}" has no ${what} "${column}".${hint} Columns: ${quoteList(headers)}.`,
    { file, column, key: role },
  );
}

/** The same column asked for both as a number and as text. */
export function numericAndText(file: string, column: string): SegworkError {
  return new SegworkError(
    "load.numeric-and-text",
    `"${file}": column "${column}" is listed both as numeric and as text. Keep it in one list.`,
    { file, column },
  );
}

/** The requested XLSX sheet does not exist. */
export function unknownSheet(
  file: string,
  sheet: string,
  available: readonly string[],
): SegworkError {
  return new SegworkError(
    "load.unknown-sheet",
    `"${file}" has no sheet "${sheet}". Sheets: ${quoteList(available)}.`,
    { file, key: "sheet", value: sheet },
  );
}

/** A spreadsheet value to the right of the last header cell. */
export function valueOutsideHeader(
  file: string,
  sheet: string,
  cell: string,
  columnCount: number,
): SegworkError {
  return new SegworkError(
    "load.value-outside-header",
    `"${file}" sheet "${sheet}": cell ${cell} has a value but the header has only ${columnCount} ` +
      `column${columnCount === 1 ? "" : "s"}. Give that column a header, or delete the stray value.`,
    { file, key: "sheet", value: cell },
  );
}

/** The workbook could not be opened by SheetJS. */
export function unreadableWorkbook(file: string, reason: string): SegworkError {
  return new SegworkError(
    "load.unreadable-workbook",
    `Cannot open "${file}" as a spreadsheet (${reason}). Save it again as .xlsx, or export it as CSV.`,
    { file },
  );
}

/** gzip data that does not inflate. */
export function corruptGzip(file: string): SegworkError {
  return new SegworkError(
    "load.corrupt-gzip",
    `"${file}" starts like gzip data but cannot be decompressed. The file may be truncated; download or export it again.`,
    { file },
  );
}

/** `encoding: "utf8"` was forced but the bytes are not UTF-8. */
export function invalidUtf8(file: string): SegworkError {
  return new SegworkError(
    "load.invalid-utf8",
    `"${file}" is not valid UTF-8. If it was exported by Excel on Chinese Windows, use encoding "gbk" (or "auto").`,
    { file, key: "encoding" },
  );
}

/**
 * `toDataFrame` was called but danfojs-node (an optional peer dependency) is not installed.
 *
 * @example
 * danfojsMissing("danfojs-node").message;
 * // => 'toDataFrame needs danfojs-node, which segwork does not install (it brings TensorFlow.js, about 270 MB). Install it beside segwork: npm install danfojs-node@^1.2.0 (see the README for the overrides it needs).'
 */
export function danfojsMissing(specifier: string): SegworkError {
  return new SegworkError(
    "load.danfojs-missing",
    `toDataFrame needs ${specifier}, which segwork does not install (it brings TensorFlow.js, about 270 MB). ` +
      `Install it beside segwork: npm install ${specifier}@^1.2.0 (see the README for the overrides it needs).`,
    { key: specifier },
  );
}

/**
 * Every row's id cell is empty: nothing would be left after dropping the rows without an id.
 *
 * @example
 * noRowWithId("x.csv", "client_id", 3).message;
 * // => '"x.csv": all 3 rows have an empty id column "client_id". Check that --id names the id column.'
 */
export function noRowWithId(file: string, idColumn: string, rows: number): SegworkError {
  return new SegworkError(
    "load.no-row-with-id",
    `"${file}": all ${rows} row${rows === 1 ? " has" : "s have"} an empty id column "${idColumn}". Check that --id names the id column.`,
    { file, column: idColumn, key: "id" },
  );
}

/**
 * A numeric column holds amounts in two different currency marks: summing them would mix units.
 *
 * @example
 * mixedCurrencies("x.csv", "amount", { symbol: "$", line: 2 }, { symbol: "€", line: 9 }).message;
 * // => '"x.csv" column "amount" mixes currencies: "$" on line 2 and "€" on line 9. Convert the amounts to one currency first (segwork reads currency marks but does not convert them).'
 */
export function mixedCurrencies(
  file: string,
  column: string,
  first: { symbol: string; line: number },
  second: { symbol: string; line: number },
): SegworkError {
  return new SegworkError(
    "load.mixed-currencies",
    `"${file}" column "${column}" mixes currencies: "${first.symbol}" on line ${first.line} and "${second.symbol}" on line ${second.line}. ` +
      `Convert the amounts to one currency first (segwork reads currency marks but does not convert them).`,
    { file, line: second.line, column, value: second.symbol },
  );
}

/**
 * `encoding: "auto"` found bytes that are neither UTF-8 nor GBK/GB18030 in the first line.
 *
 * @example
 * unknownEncoding("x.csv").message;
 * // => '"x.csv" is not valid UTF-8, and its header does not read as GBK either, so its encoding could not be detected. If it was exported by Excel on Chinese Windows, use encoding "gbk"; otherwise save it again as UTF-8.'
 */
export function unknownEncoding(file: string): SegworkError {
  return new SegworkError(
    "load.unknown-encoding",
    `"${file}" is not valid UTF-8, and its header does not read as GBK either, so its encoding could not be detected. ` +
      `If it was exported by Excel on Chinese Windows, use encoding "gbk"; otherwise save it again as UTF-8.`,
    { file, key: "encoding" },
  );
}

/** A `delimiter` option that is not one character, `auto`, `tab` or `whitespace`. */
export function invalidDelimiter(delimiter: string): SegworkError {
  return new SegworkError(
    "load.invalid-delimiter",
    `The delimiter ${JSON.stringify(delimiter)} is not usable: give one character (such as ";" or "|"), ` +
      `"tab", "whitespace" (runs of spaces and tabs) or "auto".`,
    { key: "delimiter", value: delimiter },
  );
}

/** A delimiter that is a double quote, a line break, a digit, `.` or `-`. */
export function reservedDelimiter(delimiter: string): SegworkError {
  return new SegworkError(
    "load.invalid-delimiter",
    `The delimiter ${JSON.stringify(delimiter)} cannot separate fields: double quotes, line breaks, ` +
      `digits, "." and "-" are parts of values. Choose another character.`,
    { key: "delimiter", value: delimiter },
  );
}
