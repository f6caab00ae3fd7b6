/**
 * Customer lifetime value from BG/NBD and Gamma-Gamma: the expected profit
 * of each client over the next H months, discounted monthly,
 *
 *   CLVᵢ = Σ_{m=1..H} margin · E[Mᵢ] · (E[Yᵢ(m·L)] − E[Yᵢ((m−1)·L)]) / (1 + d)^m,
 *
 * where E[Yᵢ(t)] is BG/NBD's expected purchases of client i in the next t
 * time units given its history (so the bracket is the purchases expected in
 * month m), E[Mᵢ] is Gamma-Gamma's expected value of one of its purchases,
 * d the monthly discount rate, and L the length of a month in the
 * summary's time unit: 365.25/12 = 30.4375 days, i.e. 4.348… weeks.
 * Money is in the currency of the amounts; margin is the share of revenue
 * that is profit. (lifetimes' documented example passes a monthly discount
 * rate with a `freq` that scales it per day or week; here the unit of every
 * input is fixed by the summary and the month has one length.)
 */
import * as msg from "../shared/messages/clv.js";
import { kernelsByAge, probabilityAliveOne } from "./bgnbd-forecast.js";
import { conditionalExpectedSpend } from "./gamma-gamma.js";
import {
  DAYS_PER_MONTH,
  DAYS_PER_UNIT,
  type BgNbdParameters,
  type GammaGammaParameters,
  type PurchaseHistory,
  type TimeUnit,
} from "./types.js";
import { checkHistory, checkRange, checkSpend } from "./validate.js";

/** Options of {@link customerLifetimeValue}. */
export interface LifetimeValueOptions {
  /** Unit of t_x and T in the history, and so of the BG/NBD α. */
  timeUnit: TimeUnit;
  /** Months ahead, a whole number from 1 to 1200 (default 12). */
  horizonMonths?: number;
  /** Discount rate per month, 0 to 1 (default 0.01). */
  monthlyDiscountRate?: number;
  /** Profit share of revenue, 0 to 1 (default 0.3). */
  margin?: number;
}

/** Defaults of {@link LifetimeValueOptions} (the CLI's help reads them). */
export const LIFETIME_VALUE_DEFAULTS = {
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  margin: 0.3,
} as const;

/** Per-client results of {@link customerLifetimeValue}, in input order. */
export interface LifetimeValues {
  /** Discounted expected profit over the horizon. */
  clv: Float64Array;
  /** Undiscounted expected purchases over the horizon. */
  expectedPurchases: Float64Array;
  /** Expected value of one future purchase (Gamma-Gamma). */
  expectedSpend: Float64Array;
  /** Undiscounted expected revenue over the horizon = expectedPurchases × expectedSpend. */
  expectedRevenue: Float64Array;
  probabilityAlive: Float64Array;
  /** The month length used, in the history's time unit. */
  monthLength: number;
  settings: Required<LifetimeValueOptions>;
}

/** The history plus each client's mean repeat-purchase value. */
export type LifetimeValueInput = PurchaseHistory & { monetary: Float64Array };

/**
 * CLV per client (formula and units above).
 *
 * @throws SegworkError `clv.bad-option` for a horizon, rate or margin out of
 *   range, or a malformed history.
 * @example
 * const value = customerLifetimeValue(bgnbd.parameters, gg.parameters, summary,
 *   { timeUnit: "weeks", horizonMonths: 12, monthlyDiscountRate: 0.01, margin: 0.3 });
 * value.clv[0]; // => margin × E[M] × discounted purchases of client 1
 */
export function customerLifetimeValue(
  purchases: BgNbdParameters,
  spend: GammaGammaParameters,
  input: LifetimeValueInput,
  options: LifetimeValueOptions,
): LifetimeValues {
  const settings: Required<LifetimeValueOptions> = { ...LIFETIME_VALUE_DEFAULTS, ...options };
  const { horizonMonths, monthlyDiscountRate, margin, timeUnit } = settings;
  if (!Object.hasOwn(DAYS_PER_UNIT, timeUnit))
    throw msg.badOption("timeUnit", timeUnit, 'must be "days" or "weeks"');
  if (!(Number.isInteger(horizonMonths) && horizonMonths >= 1 && horizonMonths <= 1200))
    throw msg.badOption(
      "horizonMonths",
      horizonMonths,
      "must be a whole number of months from 1 to 1200",
    );
  checkRange("monthlyDiscountRate", monthlyDiscountRate, 0, 1);
  checkRange("margin", margin, 0, 1);
  checkHistory(input);
  checkSpend({ x: input.x, monetary: input.monetary });

  const monthLength = DAYS_PER_MONTH / DAYS_PER_UNIT[timeUnit];
  const horizons = Array.from({ length: horizonMonths }, (_, m) => (m + 1) * monthLength);
  const kernels = kernelsByAge(purchases, input, horizons);
  const groups = kernels.values.length / horizonMonths;
  // Per (x, T): Σ_m (k(m) − k(m−1)) / (1+d)^m and k(H); P(alive) multiplies both per client.
  const discounted = new Float64Array(groups);
  const total = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let previous = 0;
    let sum = 0;
    let factor = 1;
    for (let m = 0; m < horizonMonths; m++) {
      const current = kernels.values[g * horizonMonths + m]!;
      factor /= 1 + monthlyDiscountRate;
      sum += (current - previous) * factor;
      previous = current;
    }
    discounted[g] = sum;
    total[g] = previous;
  }
  const n = input.x.length;
  const out = {
    clv: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    expectedRevenue: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const g = kernels.groupOf[i]!;
    const alive = probabilityAliveOne(purchases, input.x[i]!, input.tx[i]!, input.T[i]!);
    const value = conditionalExpectedSpend(spend, input.x[i]!, input.monetary[i]!);
    out.probabilityAlive[i] = alive;
    out.expectedSpend[i] = value;
    out.expectedPurchases[i] = alive * total[g]!;
    out.expectedRevenue[i] = value * out.expectedPurchases[i]!;
    out.clv[i] = margin * value * alive * discounted[g]!;
  }
  return { ...out, monthLength, settings };
}
