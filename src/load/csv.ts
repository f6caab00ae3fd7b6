/**
 * CSV (RFC 4180 and its everyday variants) to a {@link Table}.
 *
 * Why hand-written: reading a million rows must not cost more than pandas'
 * C parser. The data rows are read in one pass over the UTF-8 bytes (every
 * byte of a multi-byte UTF-8 character is ≥ 0x80, so delimiters, quotes,
 * digits and line breaks can be matched byte by byte); an unquoted numeric
 * field goes straight from the bytes into its `Float64Array` (no substring,
 * no per-row array or object). Not decoding the whole file into one string
 * saves a copy as large as the file. Strings are made only for ids, text
 * columns, quoted fields and cells that are not plain decimals. danfojs-node's
 * `readCSV` (Papa Parse + type inference) takes about 20 s on a 1M-row file
 * and turns "00123" ids into 123.
 */
import { Buffer } from "node:buffer";
import * as loadMessages from "../shared/messages/load.js";
import { planColumns } from "./columns.js";
import { sniffDelimiter, WHITESPACE } from "./sniff.js";
import { numberFormatOf, TableBuilder } from "./table-builder.js";
import type { LoadOptions, Table } from "./types.js";

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const MINUS = 45;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;

/** 10^0 … 10^15: dividing a mantissa below 10^15 by one of these is correctly rounded. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Position in the bytes plus the 1-based line number of that position. */
interface Cursor {
  pos: number;
  line: number;
}

/** Field separators as byte values; in whitespace mode both a space and a tab separate. */
interface Separators {
  first: number;
  second: number;
  whitespace: boolean;
}

/**
 * The delimiter to use: `options.delimiter` when given (`tab` and `\t` mean a
 * tab, `whitespace` means runs of spaces/tabs), else sniffed from `sample`
 * (the start of the text).
 *
 * @throws SegworkError for a delimiter that is not one ASCII character, or is
 *   a double quote, a line break, a digit, `.` or `-` (parts of values).
 * @example resolveDelimiter("tab", "") // => "\t"
 */
export function resolveDelimiter(option: string | undefined, sample: string): string {
  if (option === undefined || option === "auto") return sniffDelimiter(sample);
  if (option === "tab" || option === "\\t") return "\t";
  if (option === WHITESPACE) return WHITESPACE;
  if (option.length !== 1 || option.charCodeAt(0) > 127)
    throw loadMessages.invalidDelimiter(option);
  if (/^["\r\n0-9.-]$/.test(option)) throw loadMessages.reservedDelimiter(option);
  return option;
}

/**
 * Parses CSV given as UTF-8 bytes (a leading BOM is skipped). The first
 * non-blank line is the header (after Excel's optional `sep=;` line, which
 * sets the delimiter unless `options.delimiter` does); blank and whitespace-only lines are skipped;
 * a row may have fewer fields than the header (the rest are missing) but not
 * more. Unquoted id and text values are trimmed of surrounding spaces;
 * quoted values are kept exactly. Numbers follow `parseDecimal` (thousands
 * separators, currency marks, `options.decimal`).
 *
 * @param format the encoding the bytes were converted from, and whether they were gzipped.
 * @throws SegworkError for empty input, a header without rows, duplicate or
 *   unknown columns, a row with too many fields, or an unclosed quote.
 * @example
 * parseCsvBytes(new TextEncoder().encode("id;x\n007;1,5e1\n"), "a.csv", { id: "id" }, { encoding: "utf-8", gzip: false }).ids
 * // => ["007"]
 */
export function parseCsvBytes(
  utf8: Uint8Array,
  source: string,
  options: LoadOptions,
  format: { encoding: string; gzip: boolean },
): Table {
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength); // a view: for toString/indexOf
  const cursor: Cursor = {
    pos: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0,
    line: 1,
  };
  skipBlankLines(bytes, cursor);
  const declared = readSeparatorLine(bytes, cursor);
  if (cursor.pos >= bytes.length) throw loadMessages.emptyFile(source);

  const sample = bytes.toString(
    "utf8",
    cursor.pos,
    Math.min(bytes.length, cursor.pos + SAMPLE_BYTES),
  );
  const delimiter = resolveDelimiter(options.delimiter ?? declared, sample);
  const whitespace = delimiter === WHITESPACE;
  const code = whitespace ? SPACE : delimiter.charCodeAt(0);
  const separators: Separators = { first: code, second: whitespace ? TAB : code, whitespace };

  const headers = readRecord(bytes, cursor, separators, source).map((header) => header.trim());
  const plan = planColumns(source, headers, options);
  // Rows ≤ line breaks, plus one when the last line has none (exact unless
  // quoted values hold line breaks), so the columns are rarely trimmed.
  const last = bytes[bytes.length - 1];
  const capacity = countLineBreaks(bytes, cursor.pos) + (last === LF || last === CR ? 0 : 1);
  const builder = new TableBuilder(source, plan, capacity, numberFormatOf(options));
  const rowCount = readRows(bytes, cursor, separators, builder, delimiter);
  if (rowCount === 0) throw loadMessages.headerOnly(source, headers.length);
  return builder.finish(rowCount, {
    kind: "csv",
    encoding: format.encoding,
    delimiter,
    gzip: format.gzip,
  });
}

/** Bytes handed to the delimiter sniffer. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The data rows: the fast path. Kept as one function with local copies of
 * everything it touches so that V8 optimises the inner loops.
 */
function readRows(
  bytes: Buffer,
  cursor: Cursor,
  separators: Separators,
  builder: TableBuilder,
  delimiter: string,
): number {
  const { first, second, whitespace } = separators;
  const { plan, columns, ids, texts, sourceLines, source } = builder;
  // With a decimal comma a dot is a thousands separator: only the slow path reads it.
  const decimalMark = builder.format.decimal === "." ? DOT : COMMA;
  const fieldCount = plan.headers.length;
  const numericSlotOfField = plan.numericSlotOfField;
  const textSlotOfField = plan.textSlotOfField;
  const idField = plan.idField;
  const n = bytes.length;
  let pos = cursor.pos;
  let line = cursor.line;
  let row = 0;
  let c = 0;

  while (pos < n) {
    c = bytes[pos]!;
    if (c === LF) {
      pos++;
      line++;
      continue;
    }
    if (c === CR) {
      pos++;
      if (pos < n && bytes[pos] === LF) pos++;
      line++;
      continue;
    }
    if (c === SPACE || c === TAB) {
      let next = pos;
      while (next < n && ((c = bytes[next]!) === SPACE || c === TAB)) next++;
      if (next >= n || c === LF || c === CR) {
        pos = next; // a whitespace-only line: skipped like a blank one
        continue;
      }
      if (whitespace) pos = next;
    }

    const rowStart = pos;
    const rowLine = line;
    let field = 0;
    while (true) {
      if (field >= fieldCount) {
        const found = readRecord(
          bytes,
          { pos: rowStart, line: rowLine },
          separators,
          source,
        ).length;
        throw loadMessages.tooManyFields(source, rowLine, found, fieldCount, delimiter);
      }
      const slot = numericSlotOfField[field]!;
      const textSlot = textSlotOfField[field]!;
      const start = pos;
      let quoted: string | undefined;

      if (pos < n && bytes[pos] === QUOTE) {
        const read = readQuotedField(bytes, pos, line, separators, source);
        quoted = read.value;
        pos = read.pos;
        line = read.line;
      } else if (slot >= 0) {
        // Fastest path: a plain decimal such as 1234, -0.5 or 0000123, parsed
        // while scanning. Anything else (spaces, exponents, missing markers,
        // words) is rescanned and goes through parseDecimal.
        let p = pos;
        let negative = false;
        let mantissa = 0;
        let digits = 0;
        let fractionDigits = 0;
        c = p < n ? bytes[p]! : LF;
        if (c === MINUS) {
          negative = true;
          p++;
        }
        while (p < n && (c = bytes[p]!) >= ZERO && c <= NINE) {
          mantissa = mantissa * 10 + (c - ZERO);
          digits++;
          p++;
        }
        if (p < n && c === decimalMark) {
          p++;
          while (p < n && (c = bytes[p]!) >= ZERO && c <= NINE) {
            mantissa = mantissa * 10 + (c - ZERO);
            digits++;
            fractionDigits++;
            p++;
          }
        }
        if (
          digits > 0 &&
          digits <= 15 &&
          (p >= n || c === first || c === second || c === LF || c === CR)
        ) {
          const value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits]!;
          columns[slot]![row] = negative ? -value : value;
          pos = p;
        } else {
          while (pos < n && (c = bytes[pos]!) !== first && c !== second && c !== LF && c !== CR)
            pos++;
          builder.setNumberText(slot, row, rowLine, bytes.toString("utf8", start, pos));
        }
      } else {
        while (pos < n && (c = bytes[pos]!) !== first && c !== second && c !== LF && c !== CR)
          pos++;
      }

      if (quoted === undefined) {
        if (field === idField) ids[row] = decodeTrimmed(bytes, start, pos);
        if (textSlot >= 0) texts[textSlot]![row] = decodeTrimmed(bytes, start, pos);
      } else {
        if (slot >= 0) builder.setNumberText(slot, row, rowLine, quoted);
        if (field === idField) ids[row] = quoted;
        if (textSlot >= 0) texts[textSlot]![row] = quoted;
      }
      field++;

      if (pos < n && ((c = bytes[pos]!) === first || c === second)) {
        pos++;
        if (whitespace) {
          while (pos < n && ((c = bytes[pos]!) === SPACE || c === TAB)) pos++;
          if (pos >= n || c === LF || c === CR) break; // trailing spaces end the row
        }
        continue;
      }
      break;
    }

    if (field < fieldCount) builder.fillMissingFrom(field, row);
    sourceLines[row] = rowLine;
    builder.endRow(row);
    row++;
    if (pos < n) {
      // The field loop stops only at a separator (consumed above), a line break or the end.
      pos += bytes[pos] === CR && bytes[pos + 1] === LF ? 2 : 1;
      line++;
    }
  }
  cursor.pos = pos;
  cursor.line = line;
  return row;
}

/**
 * The careful path for one record (used for the header and for error
 * messages): every field as a string, quotes resolved. Leaves the cursor
 * after the record's line break.
 */
function readRecord(
  bytes: Buffer,
  cursor: Cursor,
  separators: Separators,
  source: string,
): string[] {
  const { first, second, whitespace } = separators;
  const n = bytes.length;
  const fields: string[] = [];
  let pos = cursor.pos;
  let c = 0;
  if (whitespace) while (pos < n && ((c = bytes[pos]!) === SPACE || c === TAB)) pos++;
  while (true) {
    if (pos < n && bytes[pos] === QUOTE) {
      const read = readQuotedField(bytes, pos, cursor.line, separators, source);
      fields.push(read.value);
      pos = read.pos;
      cursor.line = read.line;
    } else {
      const start = pos;
      while (pos < n && (c = bytes[pos]!) !== first && c !== second && c !== LF && c !== CR) pos++;
      fields.push(bytes.toString("utf8", start, pos));
    }
    if (pos < n && ((c = bytes[pos]!) === first || c === second)) {
      pos++;
      if (whitespace) {
        while (pos < n && ((c = bytes[pos]!) === SPACE || c === TAB)) pos++;
        if (pos >= n || c === LF || c === CR) break;
      }
      continue;
    }
    break;
  }
  if (pos < n) {
    pos += bytes[pos] === CR && bytes[pos + 1] === LF ? 2 : 1;
    cursor.line++;
  }
  cursor.pos = pos;
  return fields;
}

/**
 * A field that starts with a double quote at `pos`: the text up to the
 * closing quote with `""` turned into `"`; characters between the closing
 * quote and the next separator are appended as written (as pandas does).
 *
 * @throws SegworkError (unbalanced quote, naming `line`) when the quote never closes.
 */
function readQuotedField(
  bytes: Buffer,
  pos: number,
  line: number,
  separators: Separators,
  source: string,
): { value: string; pos: number; line: number } {
  const openedOnLine = line;
  const n = bytes.length;
  let value = "";
  let from = pos + 1;
  while (true) {
    const close = bytes.indexOf(QUOTE, from);
    if (close < 0) throw loadMessages.unbalancedQuote(source, openedOnLine);
    line += countLineBreaksBetween(bytes, from, close);
    if (bytes[close + 1] === QUOTE) {
      value += bytes.toString("utf8", from, close + 1);
      from = close + 2;
      continue;
    }
    value += bytes.toString("utf8", from, close);
    let end = close + 1;
    let c = 0;
    while (
      end < n &&
      (c = bytes[end]!) !== separators.first &&
      c !== separators.second &&
      c !== LF &&
      c !== CR
    )
      end++;
    if (end > close + 1) value += bytes.toString("utf8", close + 1, end);
    return { value, pos: end, line };
  }
}

/**
 * Excel's `sep=;` first line, which declares the delimiter: returns the
 * character and moves the cursor past the line (and any blank lines after it).
 */
function readSeparatorLine(bytes: Buffer, cursor: Cursor): string | undefined {
  const at = cursor.pos;
  if (bytes.toString("latin1", at, at + 4).toLowerCase() !== "sep=" || at + 4 >= bytes.length)
    return undefined;
  const after = bytes[at + 5];
  if (after !== undefined && after !== LF && after !== CR) return undefined;
  const declared = String.fromCharCode(bytes[at + 4]!);
  cursor.pos = at + 5 + (after === CR && bytes[at + 6] === LF ? 2 : after === undefined ? 0 : 1);
  cursor.line++;
  skipBlankLines(bytes, cursor);
  return declared;
}

/** Advances past blank and whitespace-only lines. */
function skipBlankLines(bytes: Uint8Array, cursor: Cursor): void {
  const n = bytes.length;
  let pos = cursor.pos;
  while (pos < n) {
    let end = pos;
    let c = 0;
    while (end < n && ((c = bytes[end]!) === SPACE || c === TAB)) end++;
    if (end >= n) {
      pos = end;
      break;
    }
    if (c !== LF && c !== CR) break;
    pos = end + (c === CR && bytes[end + 1] === LF ? 2 : 1);
    cursor.line++;
  }
  cursor.pos = pos;
}

/** Line breaks (LF, CRLF or a lone CR) from `from` to the end. */
function countLineBreaks(bytes: Buffer, from: number): number {
  let count = 0;
  for (let at = bytes.indexOf(LF, from); at >= 0; at = bytes.indexOf(LF, at + 1)) count++;
  for (let at = bytes.indexOf(CR, from); at >= 0; at = bytes.indexOf(CR, at + 1)) {
    if (bytes[at + 1] !== LF) count++;
  }
  return count;
}

/** Line breaks inside `bytes[from, to)` (a quoted field's value). */
function countLineBreaksBetween(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const c = bytes[at];
    if (c === LF || (c === CR && bytes[at + 1] !== LF)) count++;
  }
  return count;
}

/** `bytes[start, end)` decoded, without surrounding spaces and tabs. */
function decodeTrimmed(bytes: Buffer, start: number, end: number): string {
  let c = 0;
  while (start < end && ((c = bytes[start]!) === SPACE || c === TAB)) start++;
  while (end > start && ((c = bytes[end - 1]!) === SPACE || c === TAB)) end--;
  return bytes.toString("utf8", start, end);
}
