/**
 * BG/NBD (Fader, Hardie & Lee 2005, "'Counting your customers' the easy
 * way", Marketing Science 24(2)) by maximum likelihood. While alive a client
 * buys at rate λ ~ Gamma(r, rate α); after each repeat purchase the client
 * drops out with probability p ~ Beta(a, b). The likelihood of a history
 * (x repeat purchases, the last at t_x, observed until T) is (eq. 6)
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 *
 * summed here in logs: log L = A₁ + A₂ + log(e^A₃ + [x > 0] e^A₄) with
 * A₁ = log Γ(r+x) − log Γ(r) + r log α, A₂ = log (b)ₓ − log (a+b)ₓ,
 * A₃ = −(r+x) log(α+T), A₄ = log a − log(b+x−1) − (r+x) log(α+t_x), so no
 * power or Beta function is formed and nothing overflows. A₁ and A₂ depend
 * on x alone and are summed once per distinct x from running sums of
 * log(r+k) (rising factorials), the rest once per distinct (x, t_x, T).
 */
import * as msg from "../shared/messages/clv.js";
import { groupHistories } from "./group.js";
import { maximizeLikelihood, type LogLikelihood } from "./mle.js";
import type { BgNbdModel, BgNbdParameters, PurchaseHistory } from "./types.js";
import { checkHistory } from "./validate.js";

/** Options of {@link fitBgNbd}. */
export interface BgNbdFitOptions {
  /** BFGS iteration limit (default 500). */
  maxIterations?: number;
  /** Converged when |∂(−LL/N)/∂ log θ| ≤ this for every parameter (default 1e-8). */
  gradientTolerance?: number;
}

/**
 * Histories (grouped or not) with a weight per row, x as integers, and
 * each row's T and t_x as an index into the distinct times: a base
 * summarized in days has a few hundred distinct times, so log(α + t) is
 * taken once per distinct time rather than twice per history.
 */
interface WeightedHistories {
  x: Float64Array;
  weight: Float64Array;
  /** Σ weight per x = 0..maxX. */
  weightByX: Float64Array;
  total: number;
  times: Float64Array;
  tIndex: Int32Array;
  txIndex: Int32Array;
}

function weighted(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): WeightedHistories {
  let maxX = 0;
  for (const v of x) maxX = Math.max(maxX, v);
  const weightByX = new Float64Array(maxX + 1);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    weightByX[x[i]!]! += weight[i]!;
    total += weight[i]!;
  }
  const position = new Map<number, number>();
  const times: number[] = [];
  const indexOf = (t: number): number => {
    let k = position.get(t);
    if (k === undefined) {
      k = times.length;
      position.set(t, k);
      times.push(t);
    }
    return k;
  };
  const tIndex = Int32Array.from(T, indexOf);
  const txIndex = Int32Array.from(tx, indexOf);
  return { x, weight, weightByX, total, times: Float64Array.from(times), tIndex, txIndex };
}

/**
 * log-likelihood and its gradient with respect to (r, α, a, b) (natural
 * parameters) of weighted histories; `gradient` may be null.
 */
function logLikelihoodAndGradient(
  { r, alpha, a, b }: BgNbdParameters,
  data: WeightedHistories,
  gradient: Float64Array | null,
): number {
  // Terms in x alone: Σₓ nₓ [log (r)ₓ + log (b)ₓ − log (a+b)ₓ] + N r log α, and log a − log(b+x−1).
  const logAlpha = Math.log(alpha);
  let ll = data.total * r * logAlpha;
  let dr = data.total * logAlpha;
  let dAlpha = (data.total * r) / alpha;
  let da = 0;
  let db = 0;
  let pochR = 0;
  let pochB = 0;
  let pochAB = 0;
  let sumR = 0;
  let sumB = 0;
  let sumAB = 0;
  const logA = Math.log(a);
  const dropout = new Float64Array(data.weightByX.length);
  for (let x = 0; x < data.weightByX.length; x++) {
    const n = data.weightByX[x]!;
    if (n > 0) {
      ll += n * (pochR + pochB - pochAB);
      dr += n * sumR;
      da -= n * sumAB;
      db += n * (sumB - sumAB);
    }
    if (x > 0) dropout[x] = logA - Math.log(b + x - 1);
    pochR += Math.log(r + x);
    pochB += Math.log(b + x);
    pochAB += Math.log(a + b + x);
    sumR += 1 / (r + x);
    sumB += 1 / (b + x);
    sumAB += 1 / (a + b + x);
  }
  const logTime = data.times.map((t) => Math.log(alpha + t));
  const inverseTime = data.times.map((t) => 1 / (alpha + t));
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weight[i]!;
    const x = data.x[i]!;
    const T = data.tIndex[i]!;
    const logAT = logTime[T]!;
    const a3 = -(r + x) * logAT;
    if (x === 0) {
      ll += w * a3;
      dr -= w * logAT;
      dAlpha -= w * r * inverseTime[T]!;
      continue;
    }
    const tx = data.txIndex[i]!;
    const logAtx = logTime[tx]!;
    // log(e^A₃ + e^A₄) = A₃ + softplus(d) with d = A₄ − A₃, and the weights of the two terms
    // p₄ = logistic(d), p₃ = 1 − p₄, all from one exp(−|d|).
    const d = dropout[x]! - (r + x) * logAtx - a3;
    const e = Math.exp(-Math.abs(d));
    const p4 = d >= 0 ? 1 / (1 + e) : e / (1 + e);
    const p3 = d >= 0 ? e / (1 + e) : 1 / (1 + e);
    ll += w * (a3 + Math.max(d, 0) + Math.log1p(e));
    dr -= w * (p3 * logAT + p4 * logAtx);
    dAlpha -= w * (r + x) * (p3 * inverseTime[T]! + p4 * inverseTime[tx]!);
    da += (w * p4) / a;
    db -= (w * p4) / (b + x - 1);
  }
  if (gradient !== null) {
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return ll;
}

/**
 * The BG/NBD log-likelihood of histories, each row counted `count[i]`
 * times (default once), so grouped and ungrouped data give the same value.
 *
 * @throws SegworkError for a malformed history (see `checkHistory`).
 * @example
 * bgnbdLogLikelihood({ r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 },
 *   { x: Float64Array.of(0), tx: Float64Array.of(0), T: Float64Array.of(38.86) });
 * // => r·log(α/(α+T)) = −0.5395…
 */
export function bgnbdLogLikelihood(
  parameters: BgNbdParameters,
  history: PurchaseHistory,
  count?: Float64Array,
): number {
  checkHistory(history);
  const weight = count ?? new Float64Array(history.x.length).fill(1);
  if (weight.length !== history.x.length)
    throw msg.lengthMismatch("count", weight.length, history.x.length);
  return logLikelihoodAndGradient(
    parameters,
    weighted(history.x, history.tx, history.T, weight),
    null,
  );
}

/**
 * Fits BG/NBD by maximum likelihood on the distinct (x, t_x, T) histories.
 * Times are rescaled internally so the longest T is 1 (α is reported back
 * in the data's unit), which makes the fit the same in days and in weeks;
 * the optimizer works on log-parameters (see `optimize.ts`).
 *
 * @throws SegworkError `clv.no-repeat-purchases` when every x is 0,
 *   `clv.not-converged` when the optimizer does not reach a maximum (never
 *   a silent estimate), or a malformed-history error.
 * @example
 * const model = fitBgNbd(history); // CDNOW, weeks
 * model.parameters; // => { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } (rounded)
 * model.logLikelihood; // => −9582.43
 */
export function fitBgNbd(history: PurchaseHistory, options: BgNbdFitOptions = {}): BgNbdModel {
  checkHistory(history);
  const n = history.x.length;
  let repeat = 0;
  let maxT = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) {
    repeat += history.x[i]!;
    maxT = Math.max(maxT, history.T[i]!);
    sumT += history.T[i]!;
  }
  if (repeat === 0) throw msg.noRepeatPurchases(n);
  const groups = groupHistories(history.x, history.tx, history.T);
  const scale = 1 / maxT;
  const data = weighted(
    groups.x,
    groups.tx.map((v) => v * scale),
    groups.T.map((v) => v * scale),
    groups.count,
  );
  const logLikelihood: LogLikelihood = (t, gradient) =>
    logLikelihoodAndGradient({ r: t[0]!, alpha: t[1]!, a: t[2]!, b: t[3]! }, data, gradient);
  // Start: r = a = b = 1 and α matching the mean purchase rate, r/α ≈ Σx / ΣT.
  const start = Float64Array.of(1, (sumT * scale) / repeat, 1, 1);
  const fit = maximizeLikelihood(
    "BG/NBD",
    logLikelihood,
    start,
    n,
    [1, 1 / scale, 1, 1],
    ["r", "α", "a", "b"],
    options,
  );
  const [r, alpha, a, b] = fit.estimates;
  const [seR, seAlpha, seA, seB] = fit.standardErrors;
  return {
    model: "bg/nbd",
    parameters: { r: r!, alpha: alpha!, a: a!, b: b! },
    standardErrors: { r: seR!, alpha: seAlpha!, a: seA!, b: seB! },
    covariance: fit.covariance,
    // LL(x, s·t_x, s·T; s·α) = LL(x, t_x, T; α) − x log s, so add Σx log s back.
    logLikelihood: fit.logLikelihood + repeat * Math.log(scale),
    clients: n,
    groups: groups.x.length,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    gradientNorm: fit.gradientNorm,
    converged: true,
  };
}
