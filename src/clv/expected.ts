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

/** Kₙ (or log Kₙ) of the last call, reused (a forecast of a million clients calls this ~10⁵ times). */
let scratch = new Float64Array(1024);

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
 * falls below 1e-17 of the first term I₀ = (1 − (1−z)^m)/m. When
 * (1−z)^m < e^−600 (a frequent buyer over a horizon many times its age) it
 * would underflow and Ĩ₀ = I₀/(1−z)^m overflow while their product is
 * ordinary, so K and Ĩ are then carried as logs.
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
  const mLogOneMinusZ = -m * Math.log1p(t / kappa);
  const first = -Math.expm1(mLogOneMinusZ) / m;
  // (1−z)^m and Ĩ₀ = I₀/(1−z)^m stay within doubles unless m·log(1/(1−z)) is large.
  return mLogOneMinusZ > -PLAIN_LIMIT
    ? m * plainSeries(m, a, beta, z, Math.exp(mLogOneMinusZ), first, t, kappa)
    : m * logSeries(m, a, beta, z, mLogOneMinusZ, first, t, kappa);
}

/** Beyond e^±600, Kₙ and Ĩₙ are carried as logs. */
const PLAIN_LIMIT = 600;

/** Where the bound of the terms, KₙĨₙ ≤ Kₙ z/((n+1)(1−ρₙ)), allows stopping; +∞ while ρₙ ≥ 1. */
function termBound(m: number, z: number, n: number): number {
  const rho = z * Math.max(1, (m + n + 1) / (n + 2));
  return rho < 1 ? z / ((n + 1) * (1 - rho)) : Infinity;
}

/** Ĩ_N = z/(N+1)·Σₖ (m+N+1)ₖ/(N+2)ₖ zᵏ (positive terms). */
function tildeAt(m: number, z: number, n: number): number {
  let series = 1;
  let term = 1;
  for (let j = 0; j < MAX_TERMS; j++) {
    term *= ((m + n + 1 + j) * z) / (n + 2 + j);
    const next = series + term;
    if (next === series) break;
    series = next;
  }
  return (z / (n + 1)) * series;
}

function growScratch(n: number): void {
  if (n < scratch.length) return;
  const grown = new Float64Array(scratch.length * 2);
  grown.set(scratch);
  scratch = grown;
}

/** The series in plain arithmetic (K₀ = (1−z)^m given). */
function plainSeries(
  m: number,
  a: number,
  beta: number,
  z: number,
  k0: number,
  first: number,
  t: number,
  kappa: number,
): number {
  const floor = 1e-17 * first;
  let k = k0;
  scratch[0] = k;
  let n = 0;
  while (!(k * termBound(m, z, n) < floor)) {
    if (++n >= MAX_TERMS) throw msg.expectedPurchasesDiverge(t, kappa);
    k *= (z * (m + n) * (beta + n - 1)) / ((a + beta + n - 1) * n);
    growScratch(n);
    scratch[n] = k;
  }
  let tilde = tildeAt(m, z, n);
  let sum = scratch[n]! * tilde;
  for (let i = n; i >= 1; i--) {
    tilde = (z * ((m + i) * tilde + 1)) / i;
    sum += scratch[i - 1]! * tilde;
  }
  return sum;
}

/** The series with log Kₙ and log Ĩₙ (a frequent buyer over a horizon many times its age). */
function logSeries(
  m: number,
  a: number,
  beta: number,
  z: number,
  logK0: number,
  first: number,
  t: number,
  kappa: number,
): number {
  const logZ = Math.log(z);
  const logFloor = Math.log(1e-17 * first);
  scratch[0] = logK0;
  let carry = 0; // Kahan compensation: thousands of steps are summed into log Kₙ
  let n = 0;
  while (!(scratch[n]! + Math.log(termBound(m, z, n)) < logFloor)) {
    if (++n >= MAX_TERMS) throw msg.expectedPurchasesDiverge(t, kappa);
    growScratch(n);
    // log of (m+n)/n · (β+n−1)/(a+β+n−1) through log1p: the ratio tends to 1, and its
    // rounding would otherwise add up over the terms.
    const step = logZ + Math.log1p(m / n) + Math.log1p(-a / (a + beta + n - 1)) - carry;
    scratch[n] = scratch[n - 1]! + step;
    carry = scratch[n]! - scratch[n - 1]! - step;
  }
  let logTilde = Math.log(tildeAt(m, z, n));
  let sum = Math.exp(scratch[n]! + logTilde);
  carry = 0;
  for (let i = n; i >= 1; i--) {
    // log Ĩᵢ₋₁ = log Ĩᵢ + log z + log(1 + m/i) + log(1 + 1/((m+i)Ĩᵢ)): small steps, compensated.
    const step =
      logZ + Math.log1p(m / i) + Math.log1p(Math.exp(-Math.log(m + i) - logTilde)) - carry;
    const next = logTilde + step;
    carry = next - logTilde - step;
    logTilde = next;
    sum += Math.exp(scratch[i - 1]! + logTilde);
  }
  return sum;
}
