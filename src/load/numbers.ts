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
 * Parses `text[start, end)` as a finite decimal number, or returns `NaN`.
 *
 * Accepted: surrounding spaces/tabs, a leading `+` or `-`, digits with an
 * optional `.` fraction (`1.`, `.5` too) and an optional exponent (`1e-3`).
 * With `allowThousands`, commas are accepted as thousands separators only in
 * well-formed groups (`1,234,567.5`; not `12,34` nor `1234,5`) — callers turn
 * this on only when the field delimiter is not a comma, and decimal commas
 * (`1234,5`) are never accepted, so they surface as non-numeric cells instead
 * of being silently misread.
 *
 * Why hand-written: `Number(text.slice(…))` costs a string per cell and
 * accepts `0x1F`, `Infinity` and `""` (→ 0). Up to 15 significant digits and
 * exponents within ±22 the result is one correctly rounded IEEE operation on
 * exact operands (Clinger's fast path), so it equals `Number()`; longer
 * mantissas fall back to `Number()` on the validated text.
 *
 * @example parseDecimal(" -1.5e2 ", 0, 8, false) // => -150
 * @example parseDecimal("1,234.50", 0, 8, true) // => 1234.5
 * @example parseDecimal("NA", 0, 2, false) // => NaN
 */
export function parseDecimal(
  text: string,
  start: number,
  end: number,
  allowThousands: boolean,
): number {
  let i = start;
  let stop = end;
  let c = 0;
  while (i < stop && ((c = text.charCodeAt(i)) === SPACE || c === TAB)) i++;
  while (stop > i && ((c = text.charCodeAt(stop - 1)) === SPACE || c === TAB)) stop--;
  if (i === stop) return NaN;

  let negative = false;
  c = text.charCodeAt(i);
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    i++;
  }
  const bodyStart = i;
  let mantissa = 0;
  let significantDigits = 0;
  let decimalExponent = 0;
  let digitCount = 0;
  let sawComma = false;
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
    } else if (c === COMMA && allowThousands) {
      // First group 1–3 digits, every later group exactly 3.
      if (groupLength === 0 || groupLength > 3 || (sawComma && groupLength !== 3)) return NaN;
      sawComma = true;
      groupLength = 0;
    } else {
      break;
    }
  }
  if (sawComma && groupLength !== 3) return NaN;

  if (i < stop && text.charCodeAt(i) === DOT) {
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
    if (sawComma) body = body.replaceAll(",", "");
    value = Number(body);
    if (!Number.isFinite(value)) return NaN;
  }
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
