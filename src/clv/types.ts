/**
 * Types of the clv stage: per-client purchase histories in, fitted
 * buy-till-you-die models and per-client forecasts out.
 */

/** The time unit of t_x and T (and so of α and of every horizon given to the models). */
export type TimeUnit = "days" | "weeks";

/** Days in one time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

/** Days in a month: a Julian year over 12 (30.4375), the month of every CLV horizon. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * One row per client, column-major, in one time unit:
 * `x` repeat purchases (purchase days after the first, in the calibration
 * period), `tx` time of the last purchase after the first (0 when x = 0),
 * `T` time from the first purchase to the calibration end.
 */
export interface PurchaseHistory {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Repeat purchases and the mean value of those repeat purchases, per client. */
export interface SpendHistory {
  x: Float64Array;
  /** Mean value of the repeat purchases (ignored where x = 0). */
  monetary: Float64Array;
}

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, rate α), dropout p ~ Beta(a, b). */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Gamma-Gamma parameters: a purchase's value ~ Gamma(p, rate ν), ν ~ Gamma(q, rate γ). */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** What every maximum-likelihood fit reports beside its parameters. */
export interface FitDiagnostics {
  /** The maximized log-likelihood (in the data's own units). */
  logLikelihood: number;
  /** Clients in the fit. */
  clients: number;
  /** BFGS iterations plus Newton polish steps. */
  iterations: number;
  /** Likelihood evaluations. */
  evaluations: number;
  /** Largest |∂(−LL/N)/∂ log θ| at the optimum. */
  gradientNorm: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: true;
}

/** A fitted BG/NBD model. */
export interface BgNbdModel extends FitDiagnostics {
  model: "bg/nbd";
  parameters: BgNbdParameters;
  /** Standard errors from the observed information (inverse Hessian of −LL). */
  standardErrors: BgNbdParameters;
  /** Covariance of (r, α, a, b), row-major 4 × 4. */
  covariance: number[];
  /** Distinct (x, t_x, T) histories the likelihood was summed over. */
  groups: number;
}

/** A fitted Gamma-Gamma spend model. */
export interface GammaGammaModel extends FitDiagnostics {
  model: "gamma-gamma";
  parameters: GammaGammaParameters;
  standardErrors: GammaGammaParameters;
  /** Covariance of (p, q, γ), row-major 3 × 3. */
  covariance: number[];
  /** Repeat buyers left out because their repeat purchases are all worth 0. */
  excludedZeroSpend: number;
  /** Mean value of a purchase in the population, pγ/(q − 1) (Infinity when q ≤ 1). */
  populationMeanSpend: number;
}
