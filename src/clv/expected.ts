/**
 * The one quantity behind every BG/NBD purchase forecast: the expected
 * number of purchases in the next t periods of a client who is alive now,
 * whose purchase rate λ ~ Gamma(m, rate κ) and whose dropout probability
 * p ~ Beta(a, β):
 *
 *   E[(1 − e^(−λ p t)) / p] = m Σₙ cₙ Iₙ(z),   z = t / (κ + t),
 *   cₙ = (m+1)ₙ (β)ₙ / ((a+β)ₙ n!),   Iₙ(z) = ∫₀^z wⁿ (1 − w)^(m−1) dw.
 *
 * (Given λ and p, a live client's purchases in t periods number
 * (1 − e^(−λpt))/p on average; averaging over λ gives
 * (1 − (1 + pk)^(−m))/p with k = t/κ, which is m ∫₀^k (1 + ps)^(−m−1) ds;
 * averaging (1 + ps)^(−m−1) over p is ₂F₁(m+1, a; a+β; −s), and Pfaff's
 * transformation plus w = s/(1+s) gives the series above.)
 *
 * Why this and not the closed form of Fader, Hardie & Lee (2005, eq. 10),
 * (c/(a−1))·[1 − (1−z)^m ₂F₁(m, β; c; z)] with c = a + β − 1: that form
 * divides by a − 1 (a removable singularity at a = 1, cancellation near
 * it) and has c < 0 for a client with x = 0 when a + b < 1, where the
 * ₂F₁ of lifetimes returns NaN. Here every term is positive, for every
 * a, β, m > 0 and 0 ≤ z < 1, so nothing cancels and nothing is undefined.
 *
 * Unconditional E[X(t)] is the kernel with m = r, κ = α, β = b; the
 * conditional forecast given (x, t_x, T) is P(alive) times the kernel with
 * m = r + x, κ = α + T, β = b + x (the posterior of λ and p of a live client).
 */
import * as msg from "../shared/messages/clv.js";

const MAX_TERMS = 1_000_000;

/**
 * E[(1 − e^(−λpt))/p] for λ ~ Gamma(m, rate κ), p ~ Beta(a, β), by the
 * positive series above; `t` and `κ` in the same time unit.
 *
 * Recurrences (no term is formed from a difference of large numbers that
 * grows): I₀ = (1 − (1−z)^m)/m, Iₙ = (n Iₙ₋₁ − zⁿ(1−z)^m)/(m + n), and with
 * Jₙ = cₙ Iₙ, Kₙ = cₙ zⁿ (1−z)^m:
 * Jₙ = (β+n−1)/((a+β+n−1) n) · (n Jₙ₋₁ − z Kₙ₋₁), Kₙ = Kₙ₋₁ z (m+n)(β+n−1)/((a+β+n−1) n).
 * The sum stops once the terms fall and the next one would not change it.
 *
 * @throws SegworkError `clv.expected-purchases` when t is so much longer
 *   than κ that a million terms do not converge.
 * @example
 * // a = 1 makes p's effect vanish in the closed form: with m = 1, β = 1,
 * // E = ∫ (1 − (1+pk)^(−1))/p dp … = log(1 + k) for k = t/κ = 1.
 * expectedPurchaseKernel(1, 1, 1, 1, 1); // => 0.6931471805599453
 */
export function expectedPurchaseKernel(
  m: number,
  a: number,
  beta: number,
  kappa: number,
  t: number,
): number {
  if (t <= 0) return 0;
  const z = t / (kappa + t);
  // (1 − z)^m = (κ/(κ+t))^m, taken through logs so a large m and a small z stay exact.
  const logOneMinusZ = -Math.log1p(t / kappa);
  const tailFactor = Math.exp(m * logOneMinusZ);
  let j = -Math.expm1(m * logOneMinusZ) / m;
  let k = tailFactor;
  let sum = j;
  let previous = j;
  for (let n = 1; n < MAX_TERMS; n++) {
    const ratio = (beta + n - 1) / ((a + beta + n - 1) * n);
    // n Jₙ₋₁ − z Kₙ₋₁ = cₙ₋₁ (m+n) Iₙ > 0; rounding can only make it a tiny bit negative.
    j = ratio * Math.max(0, n * j - z * k);
    k *= z * (m + n) * ratio;
    const next = sum + j;
    if (j <= previous && (next === sum || j < sum * 1e-17 * (1 - z))) return m * next;
    sum = next;
    previous = j;
  }
  throw msg.expectedPurchasesDiverge(t, kappa);
}
