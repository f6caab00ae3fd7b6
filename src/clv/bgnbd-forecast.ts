/**
 * What a fitted BG/NBD model says about clients: the probability each is
 * still alive, the purchases to expect from each in the next t periods,
 * the purchases a new client makes in t periods, and the distribution of
 * repeat purchases. Per-client quantities are computed once per distinct
 * (x, t_x, T) history.
 */
import * as msg from "../shared/messages/clv.js";
import { expectedPurchaseKernel } from "./expected.js";
import { groupHistories } from "./group.js";
import { logBeta, logistic } from "./special.js";
import type { BgNbdParameters, PurchaseHistory } from "./types.js";
import { checkHistory, checkRange } from "./validate.js";

/**
 * log of the odds that a client with this history has dropped out:
 * log[a/(b+x−1)] + (r+x) log[(α+T)/(α+t_x)] (−∞ for x = 0, who cannot have).
 */
function logDropoutOdds(
  { r, alpha, a, b }: BgNbdParameters,
  x: number,
  tx: number,
  T: number,
): number {
  if (x === 0) return -Infinity;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
 * (Fader, Hardie & Lee 2005, eq. 11), from the log-odds, so it is exactly 1
 * for x = 0 and never NaN.
 *
 * @example
 * probabilityAliveOne({ r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 }, 2, 30.43, 38.86); // => 0.7266…
 */
export function probabilityAliveOne(
  parameters: BgNbdParameters,
  x: number,
  tx: number,
  T: number,
): number {
  return logistic(-logDropoutOdds(parameters, x, tx, T));
}

/**
 * E[Y(t) | x, t_x, T]: purchases expected from a client in the next t
 * periods given its history (eq. 10), as P(alive) times the positive
 * series of `expectedPurchaseKernel` with the posterior of a live client,
 * λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x).
 *
 * @example
 * conditionalExpectedPurchasesOne({ r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 }, 2, 213 / 7, 272 / 7, 39); // => 1.2260
 */
export function conditionalExpectedPurchasesOne(
  parameters: BgNbdParameters,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  const { r, alpha, a, b } = parameters;
  const alive = probabilityAliveOne(parameters, x, tx, T);
  return alive * expectedPurchaseKernel(r + x, a, b + x, alpha + T, t);
}

/**
 * E[X(t)]: repeat purchases a new client makes in the first t periods
 * (eq. 9), = (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))],
 * evaluated by the positive series (valid for every a, b > 0, also a = 1
 * and a + b < 1).
 *
 * @throws SegworkError `clv.bad-option` for a negative or non-finite t.
 * @example
 * expectedRepeatPurchases({ r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 }, 1); // => 0.05318
 */
export function expectedRepeatPurchases(parameters: BgNbdParameters, t: number): number {
  checkRange("t", t, 0, Number.MAX_VALUE);
  const { r, alpha, a, b } = parameters;
  return expectedPurchaseKernel(r, a, b, alpha, t);
}

/** Per-client forecasts of {@link scoreBgNbd}. */
export interface BgNbdScores {
  /** P(alive) now (at T). */
  probabilityAlive: Float64Array;
  /** Expected purchases in the next `horizon` periods. */
  expectedPurchases: Float64Array;
}

/**
 * P(alive) and the purchases expected in the next `horizon` periods for
 * every client (one evaluation per distinct history).
 *
 * @throws SegworkError for a malformed history or a negative horizon.
 * @example
 * scoreBgNbd(model.parameters, summary, 39).expectedPurchases[0]; // => 1.226 (CDNOW client 1, weeks)
 */
export function scoreBgNbd(
  parameters: BgNbdParameters,
  history: PurchaseHistory,
  horizon: number,
): BgNbdScores {
  checkHistory(history);
  checkRange("horizon", horizon, 0, Number.MAX_VALUE);
  const kernel = kernelsByAge(parameters, history, [horizon]);
  const n = history.x.length;
  const probabilityAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    probabilityAlive[i] = probabilityAliveOne(
      parameters,
      history.x[i]!,
      history.tx[i]!,
      history.T[i]!,
    );
    expectedPurchases[i] = probabilityAlive[i]! * kernel.values[kernel.groupOf[i]!]!;
  }
  return { probabilityAlive, expectedPurchases };
}

/** Kernel values per distinct (x, T) and horizon (row-major: group × horizon), and each client's group. */
export interface AgeKernels {
  values: Float64Array;
  groupOf: Int32Array;
}

/**
 * The expected purchases of a live client (the kernel, before P(alive))
 * for each horizon, once per distinct (x, T): they do not depend on t_x,
 * and a base summarized in days has far fewer (x, T) pairs than histories.
 *
 * @example
 * kernelsByAge(params, history, [30.4375, 60.875]).values; // => [k(x₀,T₀,t₁), k(x₀,T₀,t₂), k(x₁,T₁,t₁), …]
 */
export function kernelsByAge(
  { r, alpha, a, b }: BgNbdParameters,
  history: PurchaseHistory,
  horizons: readonly number[],
): AgeKernels {
  const groups = groupHistories(history.x, new Float64Array(history.x.length), history.T);
  const h = horizons.length;
  const values = new Float64Array(groups.x.length * h);
  for (let g = 0; g < groups.x.length; g++) {
    const x = groups.x[g]!;
    for (let j = 0; j < h; j++)
      values[g * h + j] = expectedPurchaseKernel(
        r + x,
        a,
        b + x,
        alpha + groups.T[g]!,
        horizons[j]!,
      );
  }
  return { values, groupOf: groups.groupOf };
}

/**
 * P(X(t) = x) for x = 0..maxCount: the distribution of a new client's
 * repeat purchases in t periods (eq. 8),
 *
 *   P(X(t)=x) = (b)ₓ/(a+b)ₓ · NB(x) + [x > 0] B(a+1, b+x−1)/B(a, b) · P(NB ≥ x),
 *
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. The upper tails
 * P(NB ≥ x) are summed from far in the tail down (no 1 − Σ cancellation).
 *
 * @throws SegworkError `clv.bad-option` for a negative t or maxCount.
 * @example
 * purchaseCountProbabilities(params, 0, 2); // => [1, 0, 0]
 */
export function purchaseCountProbabilities(
  parameters: BgNbdParameters,
  t: number,
  maxCount: number,
): Float64Array {
  checkRange("t", t, 0, Number.MAX_VALUE);
  if (!(Number.isInteger(maxCount) && maxCount >= 0))
    throw msg.badOption("maxCount", maxCount, "must be a whole number, 0 or more");
  const { r, alpha, a, b } = parameters;
  const out = new Float64Array(maxCount + 1);
  if (t === 0) {
    out[0] = 1;
    return out;
  }
  // log NB(j) by its recurrence, continued past maxCount (and the mode) until the terms are
  // negligible, so that the tails can be summed from the far end.
  const logZ = Math.log(t / (alpha + t));
  const logPmf: number[] = [-r * Math.log1p(t / alpha)];
  let peak = logPmf[0]!;
  for (let j = 1; j < 10_000_000; j++) {
    const next = logPmf[j - 1]! + Math.log((r + j - 1) / j) + logZ;
    logPmf.push(next);
    peak = Math.max(peak, next);
    if (j >= maxCount && next < logPmf[j - 1]! && next < peak - 41.5) break; // e^−41.5 ≈ 1e-18
  }
  const pmf = logPmf.map(Math.exp);
  const tail = new Float64Array(pmf.length + 1);
  for (let j = pmf.length - 1; j >= 0; j--) tail[j] = tail[j + 1]! + pmf[j]!;
  const logB = logBeta(a, b);
  for (let x = 0; x <= maxCount; x++) {
    const nb = x < pmf.length ? pmf[x]! : 0;
    let probability = Math.exp(logBeta(a, b + x) - logB) * nb;
    if (x > 0)
      probability += Math.exp(logBeta(a + 1, b + x - 1) - logB) * (x < tail.length ? tail[x]! : 0);
    out[x] = probability;
  }
  return out;
}
