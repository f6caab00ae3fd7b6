/**
 * Special functions for the CLV models, in log space where it matters:
 * log Γ, digamma, the log of a rising factorial, and stable log-sum-exp /
 * softplus / logistic. Written here rather than taken from a library
 * because simple-statistics has no digamma and its `gammaln` is a 1e-10
 * Lanczos fit; these reach ~1e-15 (checked against mpmath in
 * `test/clv/special.test.ts`), which the Newton polish of the fits needs.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
/** Below this the argument is shifted up before the asymptotic series. */
const SHIFT_TO = 10;

/**
 * log Γ(x) for x > 0: Stirling's series (seven terms, error < 1e-16 for
 * x ≥ 10) after the recurrence Γ(x) = Γ(x + n) / (x(x+1)…(x+n−1)).
 *
 * @throws never; NaN for x ≤ 0 or NaN.
 * @example
 * logGamma(5); // => log(24) = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  if (x < SHIFT_TO) {
    let product = 1;
    while (x < SHIFT_TO) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  const series =
    inverse *
    (1 / 12 +
      inverse2 *
        (-1 / 360 +
          inverse2 *
            (1 / 1260 +
              inverse2 *
                (-1 / 1680 +
                  inverse2 * (1 / 1188 + inverse2 * (-691 / 360360 + inverse2 / 156))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shift;
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0 (asymptotic series
 * after shifting x to at least 10).
 *
 * @throws never; NaN for x ≤ 0 or NaN.
 * @example
 * digamma(1); // => −γ = −0.5772156649015329
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  while (x < SHIFT_TO) {
    shift -= 1 / x;
    x += 1;
  }
  const inverse2 = 1 / (x * x);
  const series =
    inverse2 *
    (1 / 12 -
      inverse2 *
        (1 / 120 -
          inverse2 *
            (1 / 252 - inverse2 * (1 / 240 - inverse2 * (1 / 132 - (inverse2 * 691) / 32760)))));
  return Math.log(x) - 0.5 / x - series + shift;
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
 *
 * @example
 * logBeta(2, 3); // => log(1/12) = −2.4849066497880004
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * log(e^a + e^b) without overflow; −∞ when both are −∞.
 *
 * @example
 * logAddExp(1000, 1000); // => 1000 + log 2
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * softplus(x) = log(1 + e^x), exact for large |x|.
 *
 * @example
 * softplus(0); // => log 2
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The logistic function 1 / (1 + e^(−x)), without overflow.
 *
 * @example
 * logistic(0); // => 0.5
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
