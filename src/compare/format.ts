/**
 * Turning tree thresholds into numbers an analyst reads: the roundest number
 * that splits the data the same way, with thousands separators.
 */

/**
 * A displayed threshold for a split between two consecutive training values
 * `below` < `above`, with the comparison each side of the split uses:
 * left is `x ≤ value` (`leftInclusive`) or `x < value`; right is `x ≥ value`
 * (`rightInclusive`) or `x > value`.
 */
export interface DisplayThreshold {
  value: number;
  leftInclusive: boolean;
  rightInclusive: boolean;
  /** Whether `value` splits the training data exactly as the tree did. */
  exact: boolean;
}

/**
 * The roundest number in [below, above] — fewest significant digits, then
 * closest to the midpoint, then the lower — so that the displayed rule splits
 * the training data exactly as the tree did ("monetary ≥ 2,000" rather than
 * "monetary > 1,998.27"). When no number of at most `maxSignificantDigits`
 * digits fits, the midpoint rounded to that many digits is shown instead
 * (`exact: false`); callers measure the displayed rule, so its statistics
 * stay honest.
 *
 * @throws RangeError when below > above or maxSignificantDigits is not in 1..15.
 * @example
 * displayThreshold(1998.27, 2003.5); // => { value: 2000, leftInclusive: true, rightInclusive: true, exact: true }
 * displayThreshold(30, 31);          // => { value: 30, leftInclusive: true, rightInclusive: false, exact: true }
 * displayThreshold(1234.51, 1234.52); // => { value: 1230, leftInclusive: true, rightInclusive: false, exact: false }
 */
export function displayThreshold(
  below: number,
  above: number,
  maxSignificantDigits = 3,
): DisplayThreshold {
  if (!(below <= above)) throw new RangeError(`below (${below}) must be ≤ above (${above})`);
  if (!(maxSignificantDigits >= 1 && maxSignificantDigits <= 15)) {
    throw new RangeError(`maxSignificantDigits must be in 1..15, got ${maxSignificantDigits}`);
  }
  const round = roundestBetween(below, above, maxSignificantDigits);
  if (round !== null) {
    return {
      value: round,
      leftInclusive: round < above,
      rightInclusive: round > below,
      exact: true,
    };
  }
  const value = roundSignificant(below / 2 + above / 2, maxSignificantDigits);
  return { value, leftInclusive: true, rightInclusive: false, exact: false };
}

/**
 * The roundest number in [lo, hi] with at most `maxDigits` significant
 * digits, or null when there is none.
 *
 * @example
 * roundestBetween(12, 38, 3); // => 20 (20 and 30 have one digit and are equally near 25: the lower wins)
 */
export function roundestBetween(lo: number, hi: number, maxDigits: number): number | null {
  if (lo <= 0 && hi >= 0) return 0;
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const exponent = Math.floor(Math.log10(magnitude));
  const mid = lo / 2 + hi / 2;
  for (let digits = 1; digits <= maxDigits; digits++) {
    const step = 10 ** (exponent - digits + 1);
    let best: number | null = null;
    for (let k = Math.ceil(lo / step - 1e-9); ; k++) {
      const candidate = clean(k * step);
      if (candidate > hi) break;
      if (candidate < lo) continue;
      if (best === null || Math.abs(candidate - mid) < Math.abs(best - mid)) best = candidate;
    }
    if (best !== null) return best;
  }
  return null;
}

/** x rounded to `digits` significant digits (0 stays 0). */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** Removes binary noise from a product such as 3 × 0.1 (→ 0.3). */
function clean(x: number): number {
  return Number(x.toPrecision(15));
}

/**
 * A number with thousands separators (",") and the decimals it has, for rule
 * text: 1800 → "1,800", 0.05 → "0.05", -12345.5 → "-12,345.5". Locale-independent.
 *
 * @example
 * formatNumber(1800); // => "1,800"
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  let text = String(Math.abs(x));
  if (/e/i.test(text)) {
    // Very small or very large: print in full rather than in exponent form.
    text =
      Math.abs(x) < 1
        ? Math.abs(x).toFixed(20).replace(/0+$/, "")
        : BigInt(Math.round(Math.abs(x))).toString();
  }
  const [whole, fraction] = text.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (x < 0 ? "-" : "") + grouped + (fraction ? `.${fraction}` : "");
}
