/**
 * Maximum-likelihood machinery shared by the BG/NBD and Gamma-Gamma fits:
 * BFGS with a strong-Wolfe line search (Nocedal & Wright 2006, algorithms
 * 6.1, 3.5 and 3.6) on log-parameters, a few Newton steps to polish the
 * optimum, the Hessian by central differences of the analytic gradient, and
 * standard errors from its inverse.
 *
 * Why our own and not an npm optimizer: the models have 3–4 parameters and
 * analytic gradients, so BFGS converges in 20–40 iterations on any data; the
 * npm options are Nelder–Mead or conjugate gradient without convergence
 * status (fmin, last released 2016) or least-squares solvers
 * (ml-levenberg-marquardt), and none returns the Hessian or says why it
 * stopped. Log-parameters keep every parameter positive without bounds;
 * the Newton polish brings the gradient to rounding level, so two fits of
 * the same data in other units agree to ~1e-12, not just to the tolerance.
 */

/** f(θ), writing ∇f(θ) into `gradient`; may return Infinity or NaN outside the domain. */
export type Objective = (theta: Float64Array, gradient: Float64Array) => number;

/** How a minimization ended. */
export interface MinimizeResult {
  theta: Float64Array;
  value: number;
  gradient: Float64Array;
  /** BFGS iterations plus Newton steps. */
  iterations: number;
  /** Objective evaluations. */
  evaluations: number;
  /** The largest |∂f/∂θᵢ| at the end. */
  gradientNorm: number;
  converged: boolean;
  /** Why it stopped, in words (for messages). */
  reason: string;
}

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** BFGS iteration limit (default 500). */
  maxIterations?: number;
  /** Converged when every |∂f/∂θᵢ| is at most this (default 1e-8; f is per client). */
  gradientTolerance?: number;
  /** Largest change of any θᵢ in one step (default 4, i.e. a factor e⁴ on a log-parameter). */
  maxStep?: number;
  /** |θᵢ| beyond this means a parameter runs off to 0 or ∞ (default 30 for log-parameters). */
  bound?: number;
}

const DEFAULTS: Required<MinimizeOptions> = {
  maxIterations: 500,
  gradientTolerance: 1e-8,
  maxStep: 4,
  bound: 30,
};

/** Below this gradient (per client, log-parameters) BFGS hands over to Newton steps. */
const POLISH_BELOW = 1e-5;

const maxAbs = (v: Float64Array): number => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const dot = (u: Float64Array, v: Float64Array): number => u.reduce((s, x, i) => s + x * v[i]!, 0);

/** One point of the line search: step α, value, directional derivative, gradient. */
interface LinePoint {
  alpha: number;
  value: number;
  slope: number;
  gradient: Float64Array;
}

/**
 * A step length satisfying the strong Wolfe conditions along `direction`
 * (c₁ = 1e-4, c₂ = 0.9), or the best point with sufficient decrease, or
 * null. Non-finite values count as "too far" and shrink the step.
 */
function wolfeLineSearch(
  evaluate: (alpha: number) => LinePoint,
  value0: number,
  slope0: number,
  alpha1: number,
): LinePoint | null {
  const c1 = 1e-4;
  const c2 = 0.9;
  const tooHigh = (p: LinePoint): boolean =>
    !Number.isFinite(p.value) || p.value > value0 + c1 * p.alpha * slope0;
  const zoom = (lo: LinePoint, hi: LinePoint): LinePoint | null => {
    for (let i = 0; i < 30; i++) {
      let alpha = cubicMinimizer(lo, hi);
      const span = hi.alpha - lo.alpha;
      // Keep the trial inside the bracket, away from its ends.
      if (
        !Number.isFinite(alpha) ||
        (alpha - lo.alpha) / span < 0.1 ||
        (hi.alpha - alpha) / span < 0.1
      )
        alpha = lo.alpha + span / 2;
      const p = evaluate(alpha);
      if (tooHigh(p) || p.value >= lo.value) hi = p;
      else {
        if (Math.abs(p.slope) <= -c2 * slope0) return p;
        if (p.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = p;
      }
      if (Math.abs(hi.alpha - lo.alpha) < 1e-16 * Math.max(1, lo.alpha)) break;
    }
    return lo.alpha > 0 ? lo : null;
  };
  let previous: LinePoint = {
    alpha: 0,
    value: value0,
    slope: slope0,
    gradient: new Float64Array(0),
  };
  let alpha = alpha1;
  for (let i = 0; i < 40; i++) {
    const p = evaluate(alpha);
    if (tooHigh(p) || (i > 0 && p.value >= previous.value)) return zoom(previous, p);
    if (Math.abs(p.slope) <= -c2 * slope0) return p;
    if (p.slope >= 0) return zoom(p, previous);
    previous = p;
    alpha *= 2;
  }
  return previous.alpha > 0 ? previous : null;
}

/** The minimizer of the cubic through two points with values and slopes (NaN if none). */
function cubicMinimizer(p: LinePoint, q: LinePoint): number {
  if (!Number.isFinite(q.value) || !Number.isFinite(q.slope)) return Number.NaN;
  const d1 = p.slope + q.slope - (3 * (p.value - q.value)) / (p.alpha - q.alpha);
  const square = d1 * d1 - p.slope * q.slope;
  if (square < 0) return Number.NaN;
  const d2 = Math.sign(q.alpha - p.alpha) * Math.sqrt(square);
  return q.alpha - (q.alpha - p.alpha) * ((q.slope + d2 - d1) / (q.slope - p.slope + 2 * d2));
}

/**
 * Minimizes f by BFGS from θ₀, then polishes with up to three Newton steps
 * (Hessian by {@link numericHessian}) while they lower the gradient.
 *
 * @throws never: a failure is reported in `converged` and `reason`.
 * @example
 * const f: Objective = (t, g) => { g[0] = 2 * (t[0]! - 3); return (t[0]! - 3) ** 2; };
 * minimize(f, Float64Array.of(0)).theta[0]; // => 3
 */
export function minimize(
  objective: Objective,
  theta0: Float64Array,
  options: MinimizeOptions = {},
): MinimizeResult {
  const settings = { ...DEFAULTS, ...options };
  const n = theta0.length;
  let evaluations = 0;
  const call = (theta: Float64Array, gradient: Float64Array): number => {
    evaluations++;
    if (theta.some((v) => !(Math.abs(v) <= settings.bound))) return Infinity;
    const value = objective(theta, gradient);
    return Number.isFinite(value) && gradient.every(Number.isFinite) ? value : Infinity;
  };

  let theta: Float64Array = Float64Array.from(theta0);
  let gradient: Float64Array = new Float64Array(n);
  let value = call(theta, gradient);
  if (!Number.isFinite(value))
    return finish(
      theta,
      value,
      gradient,
      0,
      evaluations,
      false,
      "the starting point is outside the model's domain",
    );

  // Inverse Hessian approximation, row-major; identity until the first step scales it.
  const inverse = new Float64Array(n * n);
  const resetInverse = (scale: number): void => {
    inverse.fill(0);
    for (let i = 0; i < n; i++) inverse[i * n + i] = scale;
  };
  resetInverse(1);
  let scaled = false;
  let iterations = 0;
  let reason = "the iteration limit was reached";
  const direction = new Float64Array(n);

  for (; iterations < settings.maxIterations; iterations++) {
    if (maxAbs(gradient) <= settings.gradientTolerance) {
      reason = "converged";
      break;
    }
    // Close to the optimum the objective changes by less than its own rounding (a sum over
    // 10⁵ histories), and line searches stall; Newton steps on the gradient alone finish.
    if (maxAbs(gradient) <= POLISH_BELOW) {
      reason = "the Newton steps did not lower the gradient enough";
      break;
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= inverse[i * n + j]! * gradient[j]!;
      direction[i] = s;
    }
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (the approximation went bad): restart from steepest descent.
      resetInverse(1);
      scaled = false;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i]!;
      slope = dot(direction, gradient);
    }
    const longest = maxAbs(direction);
    const alpha1 = Math.min(1, settings.maxStep / longest);
    const base = theta;
    const evaluate = (alpha: number): LinePoint => {
      const trial = base.map((v, i) => v + alpha * direction[i]!);
      const g = new Float64Array(n);
      const f = call(trial, g);
      return {
        alpha,
        value: f,
        slope: Number.isFinite(f) ? dot(g, direction) : Number.NaN,
        gradient: g,
      };
    };
    const point = wolfeLineSearch(evaluate, value, slope, alpha1);
    if (point === null) {
      if (scaled) {
        // Try once more from steepest descent before giving up.
        resetInverse(1);
        scaled = false;
        continue;
      }
      reason = "the line search found no lower point";
      break;
    }
    const step = direction.map((d) => d * point.alpha);
    const change = point.gradient.map((g, i) => g - gradient[i]!);
    theta = base.map((v, i) => v + step[i]!);
    const previousValue = value;
    value = point.value;
    gradient = point.gradient;
    const curvature = dot(step, change);
    if (curvature > 1e-12 * Math.sqrt(dot(step, step) * dot(change, change))) {
      if (!scaled) {
        resetInverse(curvature / dot(change, change));
        scaled = true;
      }
      bfgsUpdate(inverse, step, change, curvature);
    }
    if (previousValue - value <= 1e-16 * Math.abs(value) && maxAbs(step) < 1e-14) {
      reason = "the steps became too small to make progress";
      break;
    }
  }

  // Newton polish: exact steps with a numeric Hessian, kept while they lower the gradient.
  for (let k = 0; k < 6 && Number.isFinite(value); k++) {
    const norm = maxAbs(gradient);
    if (norm < 1e-13) break;
    const hessian = numericHessian((t, g) => call(t, g), theta);
    const step = solveSymmetric(
      hessian,
      gradient.map((g) => -g),
    );
    if (step === null) break;
    const trial = theta.map((v, i) => v + step[i]!);
    const g = new Float64Array(n);
    const f = call(trial, g);
    if (!(Number.isFinite(f) && maxAbs(g) < norm && f <= value + 1e-12 * Math.abs(value))) break;
    theta = trial;
    value = f;
    gradient = g;
    iterations++;
  }
  const converged = maxAbs(gradient) <= settings.gradientTolerance;
  return finish(
    theta,
    value,
    gradient,
    iterations,
    evaluations,
    converged,
    converged ? "converged" : reason,
  );
}

function finish(
  theta: Float64Array,
  value: number,
  gradient: Float64Array,
  iterations: number,
  evaluations: number,
  converged: boolean,
  reason: string,
): MinimizeResult {
  return {
    theta,
    value,
    gradient,
    iterations,
    evaluations,
    gradientNorm: maxAbs(gradient),
    converged,
    reason,
  };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1/(yᵀs), in place. */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, ys: number): void {
  const n = s.length;
  const rho = 1 / ys;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += h[i * n + j]! * y[j]!;
    hy[i] = sum;
  }
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] =
        h[i * n + j]! -
        rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) +
        (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
}

/**
 * The Hessian of f at θ by central differences of its gradient, step
 * 1e-5·max(1, |θᵢ|) per coordinate, symmetrized; row-major n × n.
 *
 * @example
 * numericHessian((t, g) => { g[0] = 2 * t[0]!; return t[0]! ** 2; }, Float64Array.of(1)); // => [2]
 */
export function numericHessian(objective: Objective, theta: Float64Array): Float64Array {
  const n = theta.length;
  const h = new Float64Array(n * n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const step = 1e-5 * Math.max(1, Math.abs(theta[j]!));
    const up = Float64Array.from(theta);
    const down = Float64Array.from(theta);
    up[j] = theta[j]! + step;
    down[j] = theta[j]! - step;
    objective(up, plus);
    objective(down, minus);
    for (let i = 0; i < n; i++) h[i * n + j] = (plus[i]! - minus[i]!) / (2 * step);
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const mean = (h[i * n + j]! + h[j * n + i]!) / 2;
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  return h;
}

/**
 * Cholesky factor L (row-major, lower) of a symmetric positive definite
 * matrix, or null when it is not positive definite.
 */
function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  return l;
}

/** Solves A x = b for a symmetric positive definite A (null when A is not). */
function solveSymmetric(a: Float64Array, b: Float64Array): Float64Array | null {
  const n = b.length;
  const l = cholesky(a, n);
  if (l === null) return null;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * The inverse of a symmetric positive definite matrix (row-major), or null
 * when it is not positive definite — at a maximum of the likelihood the
 * negative Hessian is, so null means the fit did not reach one.
 *
 * @example
 * invertSymmetric(Float64Array.of(4, 0, 0, 2)); // => [0.25, 0, 0, 0.5]
 */
export function invertSymmetric(a: Float64Array): Float64Array | null {
  const n = Math.round(Math.sqrt(a.length));
  const inverse = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const unit = new Float64Array(n);
    unit[j] = 1;
    const column = solveSymmetric(a, unit);
    if (column === null) return null;
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i]!;
  }
  return inverse;
}

/**
 * Standard errors of maximum-likelihood estimates θ̂ (natural parameters)
 * from the optimum of f(u) = −LL(e^u)/N on log-parameters u = log θ:
 * the observed information on θ is N·(H_u − diag ∇f) / (θᵢθⱼ), and the
 * covariance its inverse. Null when the information is not positive
 * definite (no maximum).
 *
 * @example
 * // −LL = N·(u − log 2)² (so θ̂ = 2, information N·2/θ² …)
 * standardErrors(Float64Array.of(2), Float64Array.of(2), Float64Array.of(0), 100); // => { se: [√2/10], … }
 */
export function standardErrors(
  theta: Float64Array,
  hessianLog: Float64Array,
  gradientLog: Float64Array,
  clients: number,
): { se: Float64Array; covariance: Float64Array } | null {
  const n = theta.length;
  const information = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      information[i * n + j] =
        (clients * (hessianLog[i * n + j]! - (i === j ? gradientLog[i]! : 0))) /
        (theta[i]! * theta[j]!);
  const covariance = invertSymmetric(information);
  if (covariance === null) return null;
  const se = new Float64Array(n);
  for (let i = 0; i < n; i++) se[i] = Math.sqrt(covariance[i * n + i]!);
  return { se, covariance };
}
