/**
 * Customer lifetime value: the historical value (revenue to date) and a
 * discounted, retention-weighted value over a fixed horizon,
 *
 *   CLV = Σ_{t=1..T} (R_t − C_t) · r^(t−1) / (1 + d)^t,
 *
 * with R_t = revenue per period estimated from history (monetary ÷ tenure in
 * periods, at least one period), C_t = (1 − margin)·R_t + cost to serve, r the
 * retention per period and d the discount rate per period. Survival r^(t−1)
 * (not r^t): a client in the table is a current client, so period 1 counts in
 * full; with r^t every CLV would be r times smaller. This is the form of Gupta
 * et al. (2006), "Modeling Customer Lifetime Value", J. Service Research 9(2),
 * eq. 1, with no acquisition cost. Profit per period is not clamped: a cost to
 * serve above the margin gives a negative CLV, which is what it means.
 */
import * as msg from "../shared/messages/rules.js";
import type { ClvInput, ClvOptions, ClvResult } from "./types.js";

/**
 * Σ_{t=1..T} r^(t−1) / (1 + d)^t — the factor turning profit per period into CLV.
 *
 * @example
 * clvMultiplier(0.8, 0.1, 3) // => 1/1.1 + 0.8/1.21 + 0.64/1.331 = 2.05109…
 */
export function clvMultiplier(retention: number, discountRate: number, horizon: number): number {
  let sum = 0;
  for (let t = 1; t <= horizon; t++) sum += retention ** (t - 1) / (1 + discountRate) ** t;
  return sum;
}

/**
 * Historical value and discounted CLV per client, plus the assumptions in words.
 *
 * @throws SegworkError `rules-length-mismatch` when the columns differ in length,
 *   `rules-not-finite` for a missing monetary or tenure value.
 * @example
 * customerLifetimeValue(
 *   { monetary: Float64Array.of(300), tenureDays: Float64Array.of(730) },
 *   { periodDays: 365, margin: 0.5, discountRate: 0.1, retention: 0.8, horizon: 3 },
 * ).clv[0] // => 150 per year × 0.5 margin × 2.05109… = 153.83…
 */
export function customerLifetimeValue(
  input: ClvInput,
  options: ClvOptions,
  ids?: readonly string[],
): ClvResult {
  const n = input.monetary.length;
  if (input.tenureDays.length !== n)
    throw msg.lengthMismatch("tenure_days", input.tenureDays.length, n);
  const cost = options.costPerPeriod ?? 0;
  const multiplier = clvMultiplier(options.retention, options.discountRate, options.horizon);
  const historical = new Float64Array(n);
  const revenuePerPeriod = new Float64Array(n);
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const monetary = input.monetary[i]!;
    const tenure = input.tenureDays[i]!;
    const id = ids?.[i] ?? String(i + 1);
    if (!Number.isFinite(monetary)) throw msg.notFinite("monetary", i + 1, id, monetary);
    if (!Number.isFinite(tenure)) throw msg.notFinite("tenure_days", i + 1, id, tenure);
    historical[i] = monetary;
    const periods = Math.max(1, tenure / options.periodDays);
    revenuePerPeriod[i] = monetary / periods;
    clv[i] = (options.margin * revenuePerPeriod[i]! - cost) * multiplier;
  }
  return {
    historical,
    revenuePerPeriod,
    clv,
    multiplier,
    assumptions: msg.clvAssumptions({ ...options, costPerPeriod: cost, multiplier }),
    settings: {
      periodDays: options.periodDays,
      margin: options.margin,
      discountRate: options.discountRate,
      retention: options.retention,
      horizon: options.horizon,
      costPerPeriod: cost,
    },
  };
}
