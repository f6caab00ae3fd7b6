/**
 * The edges of the features stage that touch the file before DuckDB does:
 * existence, gzip and GBK decoding, the header line and its delimiter, and
 * resolving the option column names against the headers.
 *
 * The header is read here rather than by DuckDB's sniffer because the
 * sniffer, on a small file with one ragged line, silently takes a data line
 * for the header or picks another delimiter; with the columns given, DuckDB
 * instead reports the ragged line by number.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants as zlibConstants, createGunzip, gunzipSync } from "node:zlib";
import {
  detectEncoding,
  firstLineIsUtf8,
  isGzip,
  maybeGunzip,
  transcodeToUtf8,
} from "../load/decode.js";
import type { SegworkError } from "../shared/errors.js";
import * as loadMessages from "../shared/messages/load.js";
import * as messages from "../shared/messages/features.js";
import type { AmountExpression, TransactionEncoding, TransactionSource } from "./types.js";

/** A file ready for DuckDB: its path (a decoded temporary copy for GBK) and how to clean up. */
export interface PreparedFile {
  path: string;
  /** The header line, BOM removed (empty string for an empty file). */
  headerLine: string;
  /** Whether DuckDB must gunzip it (detected from the magic bytes, not the name). */
  gzip: boolean;
  /** The encoding the file was read in (WHATWG label). */
  encoding: string;
  /**
   * Settles once the whole gzip stream has been inflated in the background:
   * to the error to report when it does not inflate (a truncated download),
   * else to `undefined`. Never rejects. DuckDB reads a gzip file cut in half
   * without complaint up to the cut, so this check is what keeps half a log
   * from passing for a whole one.
   */
  integrity: Promise<SegworkError | undefined>;
  cleanup: () => void;
}

/** Bytes read from the start of the file to find the header line and detect the encoding. */
const HEAD_BYTES = 64 * 1024;

/** The first `HEAD_BYTES` of the file (fewer for a short file). */
function readHead(file: string): Buffer {
  const head = Buffer.alloc(HEAD_BYTES);
  const descriptor = openSync(file, "r");
  try {
    return head.subarray(0, readSync(descriptor, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The start of the text: the head itself, or for gzip as much as inflates
 * from it. Sync-flush inflation returns what the bytes hold without waiting
 * for the end of the stream, so a head cut mid-stream is not an error here
 * (the integrity check reports a truncated file); bytes that are not deflate
 * data at all are.
 */
function inflateHead(head: Buffer, file: string): Buffer {
  try {
    return gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    throw loadMessages.corruptGzip(file);
  }
}

/**
 * Inflates the whole gzip file into nothing, to prove it is complete.
 * `pipeline` attaches an error handler to every stream, so a truncated file
 * is a settled value here, never an unhandled zlib `error` event.
 */
async function checkGzip(file: string): Promise<SegworkError | undefined> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    await pipeline(createReadStream(file), createGunzip(), sink);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return code.startsWith("Z_") || code === "ERR_ZLIB_INITIALIZATION_FAILED"
      ? loadMessages.corruptGzip(file)
      : loadMessages.unreadableFile(file, (error as Error).message);
  }
}

/** The header line of a text sample, without a BOM or line break. */
function headerOf(text: string): string {
  const newline = text.search(/\r?\n|\r/);
  return (newline < 0 ? text : text.slice(0, newline)).replace(/^\uFEFF/, "");
}

/**
 * Checks that the file exists and returns a path DuckDB can read as UTF-8,
 * with its header line. The encoding is detected by the loader's detector
 * (`detectEncoding`, the same as for client tables) unless forced; GBK and
 * UTF-16 files are decoded in Node into a temporary UTF-8 copy because
 * DuckDB's CSV reader only knows UTF-8, UTF-16 and Latin-1.
 *
 * @throws SegworkError when the file does not exist or is a folder, when its
 *   gzip header is not gzip data, or when its header is not UTF-8 (forced
 *   `utf8`) or not recognised (`auto`), naming `--encoding gbk`.
 * @example
 * const file = await prepareTransactionFile("tx.csv", "auto"); // => { path: "tx.csv", headerLine: "InvoiceNo,…", gzip: false, encoding: "utf-8", … }
 */
export async function prepareTransactionFile(
  file: string,
  encoding: TransactionEncoding,
): Promise<PreparedFile> {
  if (!existsSync(file)) throw messages.transactionsNotFound(file);
  if (statSync(file).isDirectory()) throw messages.transactionsNotAFile(file);
  const head = readHead(file);
  const gzip = isGzip(head);
  const start = gzip ? inflateHead(head, file) : head;
  const complete = !gzip && head.length < HEAD_BYTES;
  if (encoding === "utf8" && !firstLineIsUtf8(start, complete)) throw messages.notUtf8(file);
  const label =
    encoding === "utf8"
      ? "utf-8"
      : encoding === "auto"
        ? detectEncoding(start, complete)
        : encoding;
  if (label === undefined) throw messages.undetectedEncoding(file);
  if (label === "utf-8") {
    return {
      path: file,
      headerLine: headerOf(start.toString("utf8")),
      gzip,
      encoding: label,
      integrity: gzip ? checkGzip(file) : Promise.resolve(undefined),
      cleanup: () => {},
    };
  }
  // The whole file is decoded here (DuckDB cannot), so a truncated gzip file fails now.
  const raw = maybeGunzip(await readFile(file), file).bytes;
  const utf8 = transcodeToUtf8(raw, label);
  const directory = mkdtempSync(path.join(tmpdir(), "segwork-features-"));
  const decoded = path.join(directory, "transactions.csv");
  writeFileSync(decoded, utf8);
  return {
    path: decoded,
    headerLine: headerOf(
      Buffer.from(utf8.buffer, utf8.byteOffset, utf8.length).toString("utf8", 0, HEAD_BYTES),
    ),
    gzip: false,
    encoding: label,
    integrity: Promise.resolve(undefined),
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * Splits one CSV line into fields (RFC 4180 quotes: `"a ""b"""` → `a "b"`).
 *
 * @example
 * splitCsvLine('id,"Unit, Price"', ","); // => ["id", "Unit, Price"]
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/**
 * Header names as DuckDB will know them: trimmed, an empty one named
 * `column<i>` (1-based), a repeated one suffixed `_1`, `_2`, ….
 *
 * @example
 * uniqueHeaders(["id", "", "id"]); // => ["id", "column2", "id_1"]
 */
export function uniqueHeaders(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() === "" ? `column${i + 1}` : raw.trim();
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}_${count}`;
  });
}

/** Occurrences of `delimiter` outside quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  return splitCsvLine(line, delimiter).length - 1;
}

/**
 * Decides how the columns are separated and names them. `auto` picks the
 * most frequent of `,` `;` tab `|` in the header line, or `whitespace` when
 * there is none and the header has blanks between words (CDNOW).
 *
 * @throws SegworkError for a delimiter that is neither one character, `tab`, `whitespace` nor `auto`.
 * @example
 * chooseSource("cdnow.txt", " customer_id  date number_of_cds  dollar_value", "auto", false);
 * // => { kind: "whitespace", path: "cdnow.txt", headers: ["customer_id", "date", "number_of_cds", "dollar_value"], gzip: false }
 */
export function chooseSource(
  file: string,
  headerLine: string,
  delimiter = "auto",
  gzip = false,
): TransactionSource {
  const whitespace = (): TransactionSource => ({
    kind: "whitespace",
    path: file,
    headers: uniqueHeaders(headerLine.trim().split(/\s+/)),
    gzip,
  });
  const delimited = (single: string): TransactionSource => ({
    kind: "csv",
    path: file,
    delimiter: single,
    headers: uniqueHeaders(splitCsvLine(headerLine, single)),
    gzip,
  });
  if (delimiter === "whitespace") return whitespace();
  if (delimiter === "auto") {
    const counts = [",", ";", "\t", "|"].map(
      (d) => [d, countOutsideQuotes(headerLine, d)] as const,
    );
    const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (count > 0) return delimited(best);
    return /\S\s+\S/.test(headerLine.trim()) ? whitespace() : delimited(",");
  }
  const single = delimiter === "\\t" || delimiter === "tab" ? "\t" : delimiter;
  if ([...single].length !== 1 || single === '"' || /[\r\n]/.test(single)) {
    throw messages.badDelimiter(delimiter);
  }
  return delimited(single);
}

/**
 * Reads `--amount`: a header as written (even one containing `*`), or two
 * headers joined by `*`, quantity first and price second.
 *
 * @throws SegworkError for a malformed expression or an unknown column.
 * @example
 * resolveAmount("Quantity*UnitPrice", ["Quantity", "UnitPrice"], "tx.csv");
 * // => { kind: "product", quantity: "Quantity", price: "UnitPrice" }
 */
export function resolveAmount(
  expression: string,
  headers: string[],
  file: string,
): AmountExpression {
  const whole = expression.trim();
  if (whole === "") throw messages.badAmountExpression(expression);
  if (headers.includes(whole)) return { kind: "column", column: whole };
  const parts = whole.split("*").map((part) => part.trim());
  if (parts.length > 2 || parts.some((part) => part === "") || /[+/()]|\s-\s/.test(whole)) {
    throw messages.badAmountExpression(expression);
  }
  for (const part of parts) {
    if (!headers.includes(part)) throw messages.unknownColumn(file, "--amount", part, headers);
  }
  return parts.length === 1
    ? { kind: "column", column: parts[0] }
    : { kind: "product", quantity: parts[0], price: parts[1] };
}

/**
 * Checks that a column named by an option is a header.
 *
 * @throws SegworkError (unknown column, listing the headers).
 * @example
 * requireColumn("CustomerID", ["CustomerID"], "--id", "tx.csv"); // => "CustomerID"
 */
export function requireColumn(
  column: string,
  headers: string[],
  option: string,
  file: string,
): string {
  if (!headers.includes(column)) throw messages.unknownColumn(file, option, column, headers);
  return column;
}

/**
 * The output name of a kept column: lower case, runs of other characters
 * as `_` (`Country` → `country`, `Customer Segment` → `customer_segment`).
 *
 * @example
 * outputName("Customer Segment"); // => "customer_segment"
 */
export function outputName(header: string): string {
  const name = header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
  return name === "" ? "kept" : name;
}
