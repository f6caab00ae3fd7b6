/**
 * Maximum likelihood over positive parameters, the common shape of the
 * BG/NBD and Gamma-Gamma fits: minimize −LL/N on log-parameters (so every
 * parameter stays positive without bounds and the gradient tolerance is
 * per client), refuse a fit that did not converge, and take standard
 * errors from the observed information at the optimum.
 */
import * as msg from "../shared/messages/clv.js";
import {
  minimize,
  numericHessian,
  standardErrors,
  type MinimizeOptions,
  type Objective,
} from "./optimize.js";

/** |log θ| beyond this (in the fit's scaled units) means no interior maximum. */
const RUNAWAY_LOG = 18;

/** log-likelihood at natural parameters θ, writing ∂LL/∂θ into `gradient`. */
export type LogLikelihood = (theta: Float64Array, gradient: Float64Array) => number;

/** A maximum-likelihood estimate in the data's units. */
export interface LikelihoodMaximum {
  /** Estimates, each multiplied by its `unitScale`. */
  estimates: Float64Array;
  standardErrors: Float64Array;
  /** Covariance of the estimates, row-major. */
  covariance: number[];
  /** The maximized log-likelihood in the fit's own (internally scaled) units. */
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  gradientNorm: number;
}

/**
 * Maximizes `logLikelihood` of `clients` clients from `start` (natural
 * parameters, all > 0). The fit may run in scaled units: estimate i is
 * reported times `unitScale[i]` (its SE and covariance likewise); `names`
 * name the parameters in messages.
 *
 * @throws SegworkError `clv.not-converged` naming `model` when the optimizer
 *   stops short of a maximum or the information is not positive definite.
 * @example
 * // One Poisson rate λ from counts summing to 30 over 10 clients: LL = 30 log λ − 10 λ.
 * maximizeLikelihood("Poisson", (t, g) => { g[0] = 30 / t[0]! - 10; return 30 * Math.log(t[0]!) - 10 * t[0]!; },
 *   Float64Array.of(1), 10, [1], ["λ"]).estimates[0]; // => 3 (SE √(3/10))
 */
export function maximizeLikelihood(
  model: string,
  logLikelihood: LogLikelihood,
  start: Float64Array,
  clients: number,
  unitScale: readonly number[],
  names: readonly string[],
  options: MinimizeOptions = {},
): LikelihoodMaximum {
  const k = start.length;
  const theta = new Float64Array(k);
  const natural = new Float64Array(k);
  const objective: Objective = (u, gradient) => {
    for (let i = 0; i < k; i++) theta[i] = Math.exp(u[i]!);
    const ll = logLikelihood(theta, natural);
    for (let i = 0; i < k; i++) gradient[i] = (-natural[i]! * theta[i]!) / clients;
    return -ll / clients;
  };
  const result = minimize(objective, start.map(Math.log), options);
  // The data are scaled to order 1, so a parameter beyond e^±18 (≈ 1.5e-8 or 6.6e7) is not an
  // estimate: the likelihood kept rising toward the boundary (checked first, as it says more
  // than a stalled line search there).
  const runaway = result.theta.findIndex((u) => Math.abs(u) > RUNAWAY_LOG);
  if (runaway >= 0)
    throw msg.notConverged(
      model,
      result.iterations,
      result.gradientNorm,
      `${names[runaway]} ran off toward ${result.theta[runaway]! > 0 ? "infinity" : "0"}`,
    );
  if (!result.converged)
    throw msg.notConverged(model, result.iterations, result.gradientNorm, result.reason);
  const values = result.theta.map(Math.exp);
  const errors = standardErrors(
    values,
    numericHessian(objective, result.theta),
    result.gradient,
    clients,
  );
  if (errors === null)
    throw msg.notConverged(
      model,
      result.iterations,
      result.gradientNorm,
      "the likelihood has no maximum there",
    );
  return {
    estimates: values.map((v, i) => v * unitScale[i]!),
    standardErrors: errors.se.map((v, i) => v * unitScale[i]!),
    covariance: Array.from(
      errors.covariance,
      (v, j) => v * unitScale[Math.floor(j / k)]! * unitScale[j % k]!,
    ),
    logLikelihood: -result.value * clients,
    iterations: result.iterations,
    evaluations: result.evaluations,
    gradientNorm: result.gradientNorm,
  };
}
