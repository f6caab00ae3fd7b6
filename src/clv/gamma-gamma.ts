/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", J. Marketing
 * Research 42(4); Fader & Hardie 2013, "The Gamma-Gamma model of monetary
 * value"). A purchase's value z ~ Gamma(p, rate ν), and ν ~ Gamma(q, rate γ)
 * across clients. A client with x repeat purchases of mean value m̄ has
 * likelihood
 *
 *   L = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q),
 *
 * summed in logs over repeat buyers (x > 0). The terms in x alone are
 * summed once per distinct x; per client only log(γ + m̄x) and
 * 1/(γ + m̄x) are formed, so a million repeat buyers cost a million logs
 * per evaluation. The model assumes spend does not depend on purchase
 * frequency: {@link frequencySpendCorrelation} is the check.
 */
import { sampleCorrelation } from "simple-statistics";
import * as msg from "../shared/messages/clv.js";
import { maximizeLikelihood, type LogLikelihood } from "./mle.js";
import { digamma, logGamma } from "./special.js";
import type { GammaGammaModel, GammaGammaParameters, SpendHistory } from "./types.js";
import { checkSpend } from "./validate.js";

/** Options of {@link fitGammaGamma}. */
export interface GammaGammaFitOptions {
  maxIterations?: number;
  gradientTolerance?: number;
}

/** Repeat buyers with a positive spend, with the sums the likelihood needs per distinct x. */
interface SpendData {
  x: Float64Array;
  monetary: Float64Array;
  /** Distinct x values, their client counts, and Σ log m̄ per distinct x. */
  distinctX: Float64Array;
  countByX: Float64Array;
  logSpendByX: Float64Array;
  /** Index into distinctX of each client. */
  xIndex: Int32Array;
  excludedZeroSpend: number;
}

function spendData(spend: SpendHistory, moneyScale: number): SpendData {
  const x: number[] = [];
  const monetary: number[] = [];
  let excludedZeroSpend = 0;
  for (let i = 0; i < spend.x.length; i++) {
    if (spend.x[i]! === 0) continue;
    if (spend.monetary[i]! === 0) {
      excludedZeroSpend++;
      continue;
    }
    x.push(spend.x[i]!);
    monetary.push(spend.monetary[i]! * moneyScale);
  }
  const index = new Map<number, number>();
  const distinct: number[] = [];
  const counts: number[] = [];
  const logs: number[] = [];
  const xIndex = new Int32Array(x.length);
  x.forEach((value, i) => {
    let k = index.get(value);
    if (k === undefined) {
      k = distinct.length;
      index.set(value, k);
      distinct.push(value);
      counts.push(0);
      logs.push(0);
    }
    counts[k]! += 1;
    logs[k]! += Math.log(monetary[i]!);
    xIndex[i] = k;
  });
  return {
    x: Float64Array.from(x),
    monetary: Float64Array.from(monetary),
    distinctX: Float64Array.from(distinct),
    countByX: Float64Array.from(counts),
    logSpendByX: Float64Array.from(logs),
    xIndex,
    excludedZeroSpend,
  };
}

/** log-likelihood and its gradient in (p, q, γ); `gradient` may be null. */
function logLikelihoodAndGradient(
  { p, q, gamma }: GammaGammaParameters,
  data: SpendData,
  gradient: Float64Array | null,
): number {
  const k = data.distinctX.length;
  const sumLog = new Float64Array(k);
  const sumInverse = new Float64Array(k);
  for (let i = 0; i < data.x.length; i++) {
    const g = data.xIndex[i]!;
    const denominator = gamma + data.monetary[i]! * data.x[i]!;
    sumLog[g]! += Math.log(denominator);
    sumInverse[g]! += 1 / denominator;
  }
  const logGammaQ = logGamma(q);
  const digammaQ = digamma(q);
  const logG = Math.log(gamma);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dGamma = 0;
  for (let g = 0; g < k; g++) {
    const x = data.distinctX[g]!;
    const n = data.countByX[g]!;
    const px = p * x;
    const logX = Math.log(x);
    ll +=
      n * (logGamma(px + q) - logGamma(px) - logGammaQ + q * logG + px * logX) +
      (px - 1) * data.logSpendByX[g]! -
      (px + q) * sumLog[g]!;
    if (gradient === null) continue;
    const psi = digamma(px + q);
    dp += x * (n * (psi - digamma(px) + logX) + data.logSpendByX[g]! - sumLog[g]!);
    dq += n * (psi - digammaQ + logG) - sumLog[g]!;
    dGamma += (n * q) / gamma - (px + q) * sumInverse[g]!;
  }
  if (gradient !== null) {
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dGamma;
  }
  return ll;
}

/**
 * The Gamma-Gamma log-likelihood over the repeat buyers of `spend` (x > 0
 * and a positive mean spend).
 *
 * @throws SegworkError for a malformed spend history.
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, cdnowSpend); // => −4055.92 (about)
 */
export function gammaGammaLogLikelihood(
  parameters: GammaGammaParameters,
  spend: SpendHistory,
): number {
  checkSpend(spend);
  return logLikelihoodAndGradient(parameters, spendData(spend, 1), null);
}

/**
 * Fits Gamma-Gamma by maximum likelihood on the repeat buyers (x > 0);
 * buyers whose repeat purchases are all worth 0 are left out and counted.
 * Money is rescaled internally to a mean spend of 1 (γ is reported in the
 * data's currency), so the fit does not depend on the currency unit.
 *
 * @throws SegworkError `clv.no-repeat-buyers` when no client has x > 0 and a
 *   positive spend, `clv.not-converged` when the optimizer does not reach a
 *   maximum, or a malformed-history error.
 * @example
 * const spend = fitGammaGamma({ x: summary.x, monetary: summary.monetary }); // CDNOW
 * spend.parameters; // => { p: 6.25, q: 3.74, gamma: 15.44 } (rounded); spend.logLikelihood // => −4055.92
 */
export function fitGammaGamma(
  spend: SpendHistory,
  options: GammaGammaFitOptions = {},
): GammaGammaModel {
  checkSpend(spend);
  let total = 0;
  let buyers = 0;
  for (let i = 0; i < spend.x.length; i++)
    if (spend.x[i]! > 0 && spend.monetary[i]! > 0) {
      total += spend.monetary[i]!;
      buyers++;
    }
  if (buyers === 0) throw msg.noRepeatBuyers(spend.x.length);
  const moneyScale = buyers / total;
  const data = spendData(spend, moneyScale);
  const n = data.x.length;
  const logLikelihood: LogLikelihood = (t, gradient) =>
    logLikelihoodAndGradient({ p: t[0]!, q: t[1]!, gamma: t[2]! }, data, gradient);
  // Start: p = 1, q = 2, γ = 1, a population mean spend pγ/(q−1) equal to the data's (1 after scaling).
  const fit = maximizeLikelihood(
    "Gamma-Gamma",
    logLikelihood,
    Float64Array.of(1, 2, 1),
    n,
    [1, 1, 1 / moneyScale],
    ["p", "q", "γ"],
    options,
  );
  const [p, q, gamma] = fit.estimates;
  const [seP, seQ, seGamma] = fit.standardErrors;
  return {
    model: "gamma-gamma",
    parameters: { p: p!, q: q!, gamma: gamma! },
    standardErrors: { p: seP!, q: seQ!, gamma: seGamma! },
    covariance: fit.covariance,
    // With m̄ and γ scaled by c each buyer's likelihood is c⁻¹ times its own, so add n log c back.
    logLikelihood: fit.logLikelihood + n * Math.log(moneyScale),
    clients: n,
    excludedZeroSpend: data.excludedZeroSpend,
    populationMeanSpend: q! > 1 ? (p! * gamma!) / (q! - 1) : Infinity,
    iterations: fit.iterations,
    evaluations: fit.evaluations,
    gradientNorm: fit.gradientNorm,
    converged: true,
  };
}

/**
 * E[M | x, m̄]: the expected value of a client's future purchases, a
 * weighted mean of the population mean pγ/(q−1) and the client's own m̄,
 * = p(γ + x m̄)/(px + q − 1) (Fader, Hardie & Lee 2005, eq. 5). For x = 0
 * it is the population mean. Infinity where px + q ≤ 1 (no finite mean).
 *
 * @example
 * conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35); // => 6.25·(15.44 + 44.7)/(12.5 + 2.74) = 24.67…
 */
export function conditionalExpectedSpend(
  parameters: GammaGammaParameters,
  x: number,
  monetary: number,
): number {
  const { p, q, gamma } = parameters;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return Infinity;
  return (p * (gamma + (x > 0 ? x * monetary : 0))) / denominator;
}

/** The frequency–spend check of {@link frequencySpendCorrelation}. */
export interface FrequencySpendCheck {
  /** Pearson correlation of x and m̄ over repeat buyers (NaN for fewer than 2 or no spread). */
  pearson: number;
  clients: number;
  /** The note to show when |pearson| exceeds the threshold, else null. */
  note: string | null;
}

/** |Pearson| above which the independence assumption is flagged. */
export const FREQUENCY_SPEND_CORRELATION_THRESHOLD = 0.3;

/**
 * Pearson correlation between repeat purchases and mean spend among repeat
 * buyers: Gamma-Gamma assumes spend per purchase is independent of
 * frequency, so it should be near 0 (Fader & Hardie 2013 report 0.11 on
 * CDNOW). A note is returned when |ρ| > 0.3.
 *
 * @example
 * frequencySpendCorrelation({ x: Float64Array.of(1, 2, 3), monetary: Float64Array.of(10, 20, 30) }).pearson; // => 1
 */
export function frequencySpendCorrelation(spend: SpendHistory): FrequencySpendCheck {
  checkSpend(spend);
  const x: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < spend.x.length; i++)
    if (spend.x[i]! > 0 && spend.monetary[i]! > 0) {
      x.push(spend.x[i]!);
      m.push(spend.monetary[i]!);
    }
  let pearson = Number.NaN;
  if (x.length >= 2) {
    const r = sampleCorrelation(x, m);
    pearson = Number.isFinite(r) ? r : Number.NaN;
  }
  const note =
    Math.abs(pearson) > FREQUENCY_SPEND_CORRELATION_THRESHOLD
      ? msg.frequencySpendCorrelationNote(pearson, x.length)
      : null;
  return { pearson, clients: x.length, note };
}
