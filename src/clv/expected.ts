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

/** log Kₙ of the last call, reused (a forecast of a million clients calls this ~10⁵ times). */
let logK = new Float64Array(1024);

/**
 * E[(1 − e^(−λpt))/p] for λ ~ Gamma(m, rate κ), p ~ Beta(a, β), by the
 * positive series above; `t` and `κ` in the same time unit.
 *
 * Every operation adds or multiplies positive numbers, so nothing cancels:
 * with Kₙ = cₙ zⁿ (1−z)^m (forward: Kₙ = Kₙ₋₁ z (m+n)(β+n−1)/((a+β+n−1)n),
 * K₀ = (1−z)^m) and Ĩₙ = Iₙ / (zⁿ(1−z)^m), the terms are cₙIₙ = KₙĨₙ.
 * Ĩ is taken backward, Ĩₙ₋₁ = z((m+n)Ĩₙ + 1)/n (stable; the forward
 * recurrence of Iₙ subtracts nearly equal numbers and its rounding errors
 * never decay when a is small), from Ĩ_N = z/(N+1)·Σₖ (m+N+1)ₖ/(N+2)ₖ zᵏ
 * (Iₙ = z^(n+1)(1−z)^m/(n+1)·₂F₁(m+n+1, 1; n+2; z)). N is where an upper
 * bound of the terms, KₙĨₙ ≤ Kₙ z/((n+1)(1−ρₙ)) with ρₙ = z·max(1, (m+n+1)/(n+2)),
 * falls below 1e-17 of the first term I₀ = (1 − (1−z)^m)/m. K and Ĩ are
 * kept as logs: for a frequent buyer over a long horizon (1−z)^m underflows
 * and Ĩ₀ = I₀/(1−z)^m overflows while their product is ordinary.
 *
 * The series needs about m·t/κ terms; beyond a million (e.g. 500 repeat
 * purchases and a horizon 5,000 times the client's age) it refuses.
 *
 * @throws SegworkError `clv.expected-purchases` when a million terms do not suffice.
 * @example
 * // m = a = β = 1, t = κ: E = ∫₀¹ (1 − 1/(1+p))/p dp = log 2.
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
  const logZ = Math.log(z);
  const mLogOneMinusZ = -m * Math.log1p(t / kappa);
  const logFloor = Math.log((1e-17 * -Math.expm1(mLogOneMinusZ)) / m);
  // Pass 1: log Kₙ forward until the bound on the terms is negligible.
  logK[0] = mLogOneMinusZ;
  let carry = 0; // Kahan compensation: thousands of terms are summed into log Kₙ
  let n = 0;
  for (;;) {
    const rho = z * Math.max(1, (m + n + 1) / (n + 2));
    if (rho < 1 && logK[n]! + Math.log(z / ((n + 1) * (1 - rho))) < logFloor) break;
    if (++n >= MAX_TERMS) throw msg.expectedPurchasesDiverge(t, kappa);
    if (n >= logK.length) {
      const grown = new Float64Array(logK.length * 2);
      grown.set(logK);
      logK = grown;
    }
    // log of (m+n)/n · (β+n−1)/(a+β+n−1) through log1p: the ratio tends to 1, and its rounding
    // would otherwise add up over the terms.
    const step = logZ + Math.log1p(m / n) + Math.log1p(-a / (a + beta + n - 1)) - carry;
    logK[n] = logK[n - 1]! + step;
    carry = logK[n]! - logK[n - 1]! - step;
  }
  // Ĩ_N by its series, then backward, summing the terms from the smallest up.
  let series = 1;
  let term = 1;
  for (let j = 0; j < MAX_TERMS; j++) {
    term *= ((m + n + 1 + j) * z) / (n + 2 + j);
    const next = series + term;
    if (next === series) break;
    series = next;
  }
  let logTilde = Math.log((z / (n + 1)) * series);
  let sum = Math.exp(logK[n]! + logTilde);
  carry = 0;
  for (let i = n; i >= 1; i--) {
    // log Ĩᵢ₋₁ = log Ĩᵢ + log z + log(1 + m/i) + log(1 + 1/((m+i)Ĩᵢ)): small steps, compensated.
    const step =
      logZ + Math.log1p(m / i) + Math.log1p(Math.exp(-Math.log(m + i) - logTilde)) - carry;
    const next = logTilde + step;
    carry = next - logTilde - step;
    logTilde = next;
    sum += Math.exp(logK[i - 1]! + logTilde);
  }
  return m * sum;
}
