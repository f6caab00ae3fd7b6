/**
 * Number parsing straight from a slice of the decoded text, without
 * allocating a substring per cell (the CSV fast path calls this once per
 * numeric cell, so a million-row file means millions of calls).
 */

const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;

/** Exact powers of ten that a double holds without rounding (10^0 … 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Cell texts (after trimming spaces) that mean "no value". The empty string is one of them. */
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  "",
  "NA",
  "N/A",
  "#N/A",
  "NaN",
  "nan",
  "null",
  "NULL",
  "None",
  "-",
]);

/**
 * How numbers are written: which character is the decimal mark. The other of
 * `.` and `,` is then the thousands separator (`1,234.50` or `1.234,50`).
 */
export interface NumberFormat {
  decimal: "." | ",";
}

/** The default: a decimal point, commas between thousands. */
export const DECIMAL_POINT: NumberFormat = Object.freeze({ decimal: "." });

/**
 * Currency marks accepted before or after an amount (`¥1,200`, `$ 1,200.00`,
 * `1.234,50 €`, `USD 12`), at most one per cell. They are read, not
 * converted: a column that mixes two different marks is refused by the
 * callers (see `mixedCurrencies` in the load and features messages).
 */
export const CURRENCY_SYMBOLS: readonly string[] = Object.freeze([
  "$",
  "€",
  "£",
  "¥",
  "￥",
  "₹",
  "₩",
  "元",
  "USD",
  "EUR",
  "GBP",
  "CNY",
  "RMB",
  "JPY",
  "HKD",
]);

/** First characters of the one-character marks, for a cheap first test. */
const SYMBOL_CODES = new Set(
  CURRENCY_SYMBOLS.filter((symbol) => symbol.length === 1).map((symbol) => symbol.charCodeAt(0)),
);
const CODES = new Set(CURRENCY_SYMBOLS.filter((symbol) => symbol.length === 3));
const UPPER_A = 65;
const UPPER_Z = 90;

/** Length of the currency mark that starts at `at` (0 when none). */
function symbolAt(text: string, at: number, stop: number): number {
  if (at >= stop) return 0;
  const c = text.charCodeAt(at);
  if (SYMBOL_CODES.has(c)) return 1;
  if (c >= UPPER_A && c <= UPPER_Z && at + 3 <= stop && CODES.has(text.slice(at, at + 3))) return 3;
  return 0;
}

/** Length of the currency mark that ends at `stop` (0 when none). */
function symbolBefore(text: string, from: number, stop: number): number {
  if (stop <= from) return 0;
  if (SYMBOL_CODES.has(text.charCodeAt(stop - 1))) return 1;
  const c = text.charCodeAt(stop - 1);
  if (c >= UPPER_A && c <= UPPER_Z && stop - 3 >= from && CODES.has(text.slice(stop - 3, stop)))
    return 3;
  return 0;
}

/** `text` with the characters that regular expressions give a meaning escaped. */
const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/**
 * {@link parseDecimal}'s grammar as one anchored regular expression, in the
 * syntax that JavaScript, RE2 (DuckDB) and PostgreSQL's ARE all read the same
 * way (no look-around, no lazy quantifiers): a text matches exactly when
 * `parseDecimal` reads it (whether the value then fits a double aside).
 * The features stage validates transaction amounts in SQL with it.
 *
 * @example new RegExp(numberPattern()).test("$1,200.00") // => true
 * @example new RegExp(numberPattern()).test("1,5") // => false
 */
export function numberPattern(format: NumberFormat = DECIMAL_POINT): string {
  const group = format.decimal === "." ? "," : "\\.";
  const decimal = format.decimal === "." ? "\\." : ",";
  const integer = `(?:[0-9]{1,3}(?:${group}[0-9]{3})+|[0-9]+)`;
  const body = `(?:${integer}(?:${decimal}[0-9]*)?|${decimal}[0-9]+)(?:[eE][+-]?[0-9]+)?`;
  const symbol = currencyPattern();
  const blanks = "[ \\t]*";
  return `^${blanks}(?:(?:[+-]${symbol}${blanks}|${symbol}${blanks}[+-]?)${body}|[+-]?${body}(?:${blanks}${symbol})?)${blanks}$`;
}

/**
 * One of {@link CURRENCY_SYMBOLS}, as a regular-expression group.
 *
 * @example currencyPattern() // => "(?:\\$|€|£|¥|￥|₹|₩|元|USD|EUR|GBP|CNY|RMB|JPY|HKD)"
 */
export function currencyPattern(): string {
  return `(?:${CURRENCY_SYMBOLS.map(escapeRegex).join("|")})`;
}

/**
 * Parses `text[start, end)` as a finite decimal number, or returns `NaN`.
 * This is segwork's one number grammar: the loader reads client tables with
 * it, and the features stage's SQL (`numberSql` in `src/features/numbers-sql.ts`)
 * implements the very same grammar for transaction logs (a property test
 * checks that both give the same double for the same text).
 *
 * Accepted, after trimming spaces and tabs: an optional `+` or `-`; an
 * optional currency mark ({@link CURRENCY_SYMBOLS}) before the number (the
 * sign may stand on either side of it: `-$5`, `$-5`) or after it (`5 €`),
 * with optional spaces between; digits with an optional fraction (`1.`, `.5`
 * too) and an optional exponent (`1e-3`). Thousands separators are accepted
 * in well-formed groups only (`1,234,567.5`; not `12,34` nor `1234,5`): with
 * `format.decimal` `.` they are commas, with `,` they are dots
 * (`1.234,50` → 1234.5). Text that fits neither reading (`1,5` with a
 * decimal point, `1.5` with a decimal comma) is not a number, so it surfaces
 * as a non-numeric cell instead of being misread.
 *
 * Why hand-written: `Number(text.slice(…))` costs a string per cell and
 * accepts `0x1F`, `Infinity` and `""` (→ 0). Up to 15 significant digits and
 * exponents within ±22 the result is one correctly rounded IEEE operation on
 * exact operands (Clinger's fast path), so it equals `Number()`; longer
 * mantissas fall back to `Number()` on the validated text.
 *
 * @param found when given and the text parses, `found.currency` is set to the
 *   currency mark as written, or `""` when there is none.
 * @example parseDecimal(" -1.5e2 ", 0, 8) // => -150
 * @example parseDecimal("¥1,200", 0, 6) // => 1200
 * @example parseDecimal("1.234,50 €", 0, 10, { decimal: "," }) // => 1234.5
 * @example parseDecimal("NA", 0, 2) // => NaN
 */
export function parseDecimal(
  text: string,
  start: number,
  end: number,
  format: NumberFormat = DECIMAL_POINT,
  found?: { currency: string },
): number {
  let i = start;
  let stop = end;
  let c = 0;
  while (i < stop && ((c = text.charCodeAt(i)) === SPACE || c === TAB)) i++;
  while (stop > i && ((c = text.charCodeAt(stop - 1)) === SPACE || c === TAB)) stop--;
  if (i === stop) return NaN;

  let negative = false;
  let signed = false;
  c = text.charCodeAt(i);
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    signed = true;
    i++;
  }
  let symbolStart = -1;
  let symbolLength = symbolAt(text, i, stop);
  if (symbolLength > 0) {
    symbolStart = i;
    i += symbolLength;
    while (i < stop && ((c = text.charCodeAt(i)) === SPACE || c === TAB)) i++;
    c = text.charCodeAt(i);
    if (!signed && (c === MINUS || c === PLUS)) {
      negative = c === MINUS;
      i++;
    }
  } else {
    symbolLength = symbolBefore(text, i, stop);
    if (symbolLength > 0) {
      stop -= symbolLength;
      symbolStart = stop;
      while (stop > i && ((c = text.charCodeAt(stop - 1)) === SPACE || c === TAB)) stop--;
    }
  }

  const group = format.decimal === "." ? COMMA : DOT;
  const decimal = format.decimal === "." ? DOT : COMMA;
  const bodyStart = i;
  let mantissa = 0;
  let significantDigits = 0;
  let decimalExponent = 0;
  let digitCount = 0;
  let grouped = false;
  let groupLength = 0; // digits since the last thousands separator (or the start)

  for (; i < stop; i++) {
    c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      digitCount++;
      groupLength++;
      if (significantDigits > 0 || c !== ZERO) {
        mantissa = mantissa * 10 + (c - ZERO);
        significantDigits++;
      }
    } else if (c === group) {
      // First group 1–3 digits, every later group exactly 3.
      if (groupLength === 0 || groupLength > 3 || (grouped && groupLength !== 3)) return NaN;
      grouped = true;
      groupLength = 0;
    } else {
      break;
    }
  }
  if (grouped && groupLength !== 3) return NaN;

  if (i < stop && text.charCodeAt(i) === decimal) {
    i++;
    for (; i < stop; i++) {
      c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      digitCount++;
      if (significantDigits > 0 || c !== ZERO) {
        mantissa = mantissa * 10 + (c - ZERO);
        significantDigits++;
      }
      decimalExponent--;
    }
  }
  if (digitCount === 0) return NaN;

  if (i < stop) {
    c = text.charCodeAt(i);
    if (c !== LOWER_E && c !== UPPER_E) return NaN;
    i++;
    let exponentNegative = false;
    c = text.charCodeAt(i);
    if (c === MINUS || c === PLUS) {
      exponentNegative = c === MINUS;
      i++;
    }
    let exponent = 0;
    let exponentDigits = 0;
    for (; i < stop; i++) {
      c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return NaN;
      if (exponent < 100_000) exponent = exponent * 10 + (c - ZERO);
      exponentDigits++;
    }
    if (exponentDigits === 0) return NaN;
    decimalExponent += exponentNegative ? -exponent : exponent;
  }

  let value: number;
  if (significantDigits <= 15 && decimalExponent >= -22 && decimalExponent <= 22) {
    value =
      decimalExponent < 0
        ? mantissa / EXACT_POWERS_OF_TEN[-decimalExponent]!
        : mantissa * EXACT_POWERS_OF_TEN[decimalExponent]!;
  } else if (significantDigits === 0) {
    value = 0;
  } else {
    let body = text.slice(bodyStart, stop);
    if (grouped) body = body.replaceAll(String.fromCharCode(group), "");
    if (decimal === COMMA) body = body.replace(",", ".");
    value = Number(body);
    if (!Number.isFinite(value)) return NaN;
  }
  if (found !== undefined)
    found.currency = symbolStart < 0 ? "" : text.slice(symbolStart, symbolStart + symbolLength);
  return negative ? -value : value;
}

/**
 * True when `text[start, end)`, trimmed of spaces and tabs, is a missing
 * marker ({@link MISSING_MARKERS}).
 *
 * @example isMissingMarker(" N/A ", 0, 5) // => true
 */
export function isMissingMarker(text: string, start: number, end: number): boolean {
  let i = start;
  let stop = end;
  let c = 0;
  while (i < stop && ((c = text.charCodeAt(i)) === SPACE || c === TAB)) i++;
  while (stop > i && ((c = text.charCodeAt(stop - 1)) === SPACE || c === TAB)) stop--;
  if (stop - i > 4) return false;
  return MISSING_MARKERS.has(text.slice(i, stop));
}
