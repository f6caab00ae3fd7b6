/**
 * A seeded simulator of clients who follow BG/NBD and Gamma-Gamma exactly,
 * for property tests and benchmarks: each client draws λ ~ Gamma(r, rate α)
 * and p ~ Beta(a, b); from its first purchase at time 0 it buys at the
 * times of a Poisson process of rate λ and drops out with probability p
 * right after each repeat purchase; observation stops at its T, and an
 * optional holdout period continues the same process. With Gamma-Gamma
 * parameters each client also draws ν ~ Gamma(q, rate γ) and each repeat
 * purchase a value ~ Gamma(p, rate ν).
 */
import { Random } from "../shared/random.js";
import * as msg from "../shared/messages/clv.js";
import type { BgNbdParameters, GammaGammaParameters, PurchaseHistory } from "./types.js";

/**
 * A Gamma(shape, rate 1) variate: Marsaglia & Tsang (2000) for shape ≥ 1,
 * and Gamma(shape + 1)·U^(1/shape) below (their boost for small shapes).
 *
 * @example
 * gammaVariate(new Random(1), 2); // => a positive number, the same for seed 1 every run
 */
export function gammaVariate(random: Random, shape: number): number {
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = random.next();
    return gammaVariate(random, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let v: number;
    let normal: number;
    do {
      normal = random.normal();
      v = 1 + c * normal;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * normal ** 4) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * normal * normal + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Options of {@link simulateClients}. */
export interface SimulationOptions {
  clients: number;
  seed: number;
  purchases: BgNbdParameters;
  /** Spend model; without it `monetary` is all zeros. */
  spend?: GammaGammaParameters;
  /**
   * Each client's T: one value for all, or drawn uniformly from [min, max],
   * rounded down to a multiple of `step` when given (e.g. 1/7 for whole days in weeks).
   */
  observation: number | { min: number; max: number; step?: number };
  /** Length of a holdout period after each client's T (default 0: none). */
  holdout?: number;
}

/** Simulated clients: their histories and the hidden truth. */
export interface SimulatedClients extends PurchaseHistory {
  /** Mean value of the repeat purchases in the observation period (0 when x = 0). */
  monetary: Float64Array;
  /** Purchases in the holdout period. */
  holdoutPurchases: Float64Array;
  /** Whether the client is still alive at T (the truth P(alive) estimates). */
  aliveAtT: Uint8Array;
  lambda: Float64Array;
  dropout: Float64Array;
}

/**
 * Simulates `clients` clients (see the module comment); the same seed gives
 * the same clients.
 *
 * @throws SegworkError `clv.bad-option` for a non-positive client count or a negative T.
 * @example
 * simulateClients({ clients: 3, seed: 7, purchases: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, observation: 39 }).x;
 * // => e.g. [0, 2, 1]
 */
export function simulateClients(options: SimulationOptions): SimulatedClients {
  const { clients, purchases, spend } = options;
  if (!(Number.isInteger(clients) && clients >= 1))
    throw msg.badOption("clients", clients, "must be a whole number, 1 or more");
  const range =
    typeof options.observation === "number"
      ? { min: options.observation, max: options.observation }
      : options.observation;
  if (!(range.min >= 0 && range.max >= range.min && Number.isFinite(range.max)))
    throw msg.badOption("observation", range.min, "must be a finite time of 0 or more (min ≤ max)");
  const holdout = options.holdout ?? 0;
  const step = typeof options.observation === "number" ? 0 : (options.observation.step ?? 0);
  const random = new Random(options.seed);
  const out: SimulatedClients = {
    x: new Float64Array(clients),
    tx: new Float64Array(clients),
    T: new Float64Array(clients),
    monetary: new Float64Array(clients),
    holdoutPurchases: new Float64Array(clients),
    aliveAtT: new Uint8Array(clients),
    lambda: new Float64Array(clients),
    dropout: new Float64Array(clients),
  };
  const exponential = (rate: number): number => {
    let u = 0;
    while (u === 0) u = random.next();
    return -Math.log(u) / rate;
  };
  for (let i = 0; i < clients; i++) {
    const drawn = range.min + (range.max - range.min) * random.next();
    const T = step > 0 ? Math.max(range.min, Math.floor(drawn / step) * step) : drawn;
    const lambda = gammaVariate(random, purchases.r) / purchases.alpha;
    const g1 = gammaVariate(random, purchases.a);
    const g2 = gammaVariate(random, purchases.b);
    const p = g1 + g2 > 0 ? g1 / (g1 + g2) : purchases.a / (purchases.a + purchases.b);
    const nu = spend ? gammaVariate(random, spend.q) / spend.gamma : 0;
    let t = 0;
    let x = 0;
    let tx = 0;
    let value = 0;
    let alive = true;
    let held = 0;
    for (;;) {
      t += exponential(lambda);
      if (t > T + holdout) break;
      if (t > T) held++;
      else {
        x++;
        tx = t;
        if (spend) value += gammaVariate(random, spend.p) / nu;
      }
      if (random.next() < p) {
        if (t <= T) alive = false;
        break;
      }
    }
    out.x[i] = x;
    out.tx[i] = tx;
    out.T[i] = T;
    out.monetary[i] = x > 0 ? value / x : 0;
    out.holdoutPurchases[i] = held;
    out.aliveAtT[i] = alive ? 1 : 0;
    out.lambda[i] = lambda;
    out.dropout[i] = p;
  }
  return out;
}
