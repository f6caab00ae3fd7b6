/**
 * Number and time formatting for reports: thousands separators, a precision
 * that suits the magnitude, visible marks for non-finite values, timestamps
 * in UTC. Output is plain text (callers escape it like any other string).
 */

const formatters = new Map<number, Intl.NumberFormat>();

function formatterWithDecimals(decimals: number): Intl.NumberFormat {
  let formatter = formatters.get(decimals);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, formatter);
  }
  return formatter;
}

/**
 * Decimals that suit a value's magnitude: none for integers and for
 * |x| ≥ 100,000; two for |x| ≥ 1; otherwise three significant digits (at most six decimals).
 *
 * @example
 * autoDecimals(1234.5678); // => 2
 * autoDecimals(0.004123); // => 5
 */
export function autoDecimals(value: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || Number.isInteger(value) || magnitude >= 1e5) return 0;
  if (magnitude >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(magnitude)));
}

/**
 * Formats a number with thousands separators (en-US) and `decimals` decimals
 * (default: {@link autoDecimals}). NaN becomes "—", infinities "∞"/"−∞", and a
 * value that rounds to zero never shows as "-0".
 *
 * @throws never
 * @example
 * formatNumber(1234567.891); // => "1,234,568"
 * formatNumber(1234.5, 1); // => "1,234.5"
 * formatNumber(Number.NaN); // => "—"
 */
export function formatNumber(value: number, decimals?: number): string {
  if (Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const digits = decimals ?? autoDecimals(value);
  const text = formatterWithDecimals(digits).format(value);
  // Intl keeps the sign of values that round to zero ("-0.00"); a report should not.
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

/**
 * Formats a count: rounded to an integer, with thousands separators.
 *
 * @example
 * formatInteger(4338); // => "4,338"
 */
export function formatInteger(value: number): string {
  return formatNumber(Math.round(value), 0);
}

/**
 * Formats a share in [0, 1] as a percentage with `decimals` decimals (default 1).
 *
 * @example
 * formatPercent(0.28413); // => "28.4%"
 */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return formatNumber(share);
  return `${formatNumber(share * 100, decimals)}%`;
}

/**
 * "2024-05-01 09:30 UTC" for an ISO timestamp (the text unchanged when it
 * does not parse). UTC so that the output does not depend on the machine.
 *
 * @example
 * formatTimestamp("2024-05-01T09:30:00.000Z"); // => "2024-05-01 09:30 UTC"
 */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
