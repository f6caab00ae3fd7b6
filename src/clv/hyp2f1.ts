/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real z < 1.
 *
 * ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ, summed until a term no
 * longer changes the sum. For z < 0 the Pfaff transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)) first maps the
 * argument into (0, 1). On [0, 1), when the terms would change sign (a
 * negative a or b) but those of Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) would not, the
 * latter is summed, so that no cancellation occurs.
 *
 * The CLV models need ₂F₁ only as a cross-check: BG/NBD's expected-purchase
 * formula in closed form has c = a + b + x − 1, which is negative for x = 0
 * and a + b < 1 (where lifetimes returns NaN); `expectedPurchaseKernel` in
 * `expected.ts` evaluates the same quantity as a series of positive terms
 * instead, and the tests compare the two where the closed form is sound.
 */
import * as msg from "../shared/messages/clv.js";

/** More terms than this means z is too close to 1 for the series. */
const MAX_TERMS = 1_000_000;

/** Whether every term of the series (a)ₙ(b)ₙ/(c)ₙ zⁿ/n! with 0 ≤ z has the sign of the first. */
function oneSigned(a: number, b: number, c: number): boolean {
  return a >= 0 && b >= 0 && c > 0;
}

function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const next = sum + term;
    if (term === 0 || (next === sum && n > 2)) return next;
    sum = next;
    if (!Number.isFinite(sum)) return sum;
  }
  throw msg.hypergeometricDiverges(a, b, c, z);
}

/**
 * ₂F₁(a, b; c; z) for real z < 1 and c not 0, −1, −2, ….
 *
 * @throws SegworkError `clv.hypergeometric` when z ≥ 1, c is a non-positive
 *   integer, or z is so close to 1 that a million terms do not converge.
 * @example
 * hyp2f1(1, 1, 2, 0.5); // => −log(1 − 0.5) / 0.5 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || (c <= 0 && Number.isInteger(c)) || [a, b, c].some((v) => !Number.isFinite(v)))
    throw msg.hypergeometricDomain(a, b, c, z);
  if (z === 0) return 1;
  if (z < 0) {
    // Pfaff: the argument z/(z − 1) lies in (0, 1).
    return (1 - z) ** -a * hyp2f1(a, c - b, c, z / (z - 1));
  }
  if (!oneSigned(a, b, c) && oneSigned(c - a, c - b, c)) {
    return (1 - z) ** (c - a - b) * series(c - a, c - b, c, z);
  }
  return series(a, b, c, z);
}
