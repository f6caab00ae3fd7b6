/**
 * The data of the views analysts check a BG/NBD fit with (as plain rows
 * for charts; `report/specs/clv-models.ts` draws them):
 *
 * 1. calibration vs holdout: by calibration repeat purchases, the mean
 *    actual holdout purchases beside the mean the model expected
 *    (lifetimes' `plot_calibration_purchases_vs_holdout_purchases`);
 * 2. the histogram of calibration repeat purchases, observed vs model
 *    (Fader, Hardie & Lee 2005, figure 2);
 * 3. tracking: repeat purchases per period and cumulated, actual vs
 *    expected, over calibration and holdout (figures 3 and 4);
 * 4. the frequency × recency matrix of P(alive) (and, with a horizon, of
 *    expected purchases): lifetimes' `plot_probability_alive_matrix`.
 */
import * as msg from "../shared/messages/clv.js";
import {
  conditionalExpectedPurchasesOne,
  expectedRepeatPurchases,
  probabilityAliveOne,
  purchaseCountProbabilities,
  scoreBgNbd,
} from "./bgnbd-forecast.js";
import { groupHistories } from "./group.js";
import {
  DAYS_PER_UNIT,
  type BgNbdParameters,
  type PurchaseHistory,
  type TimeUnit,
} from "./types.js";
import { checkHistory, checkRange } from "./validate.js";

const checkCount = (name: string, value: number, min: number): void => {
  if (!(Number.isInteger(value) && value >= min))
    throw msg.badOption(name, value, `must be a whole number, ${min} or more`);
};

/** A bucket label: the count, or "7+" for the last, open bucket. */
const bucketLabel = (count: number, last: number): string =>
  count === last ? `${count}+` : String(count);

/** One row of {@link calibrationHoldoutRows}. */
export interface CalibrationHoldoutRow {
  /** Repeat purchases in the calibration period (the last row: this many or more). */
  frequency: number;
  label: string;
  clients: number;
  /** Mean holdout purchases of these clients. */
  actual: number;
  /** Mean purchases BG/NBD expected of them over the holdout. */
  expected: number;
}

/**
 * Mean actual vs expected holdout purchases by calibration repeat
 * purchases 0, 1, …, `maxFrequency`+ (default 7); empty buckets are left out.
 *
 * @throws SegworkError for a malformed history, a length mismatch or a bad option.
 * @example
 * calibrationHoldoutRows(model.parameters, summary, summary.holdoutPurchases, 39)[0];
 * // => { frequency: 0, label: "0", clients: 1411, actual: 0.24, expected: 0.14 } (CDNOW, rounded)
 */
export function calibrationHoldoutRows(
  parameters: BgNbdParameters,
  history: PurchaseHistory,
  holdoutPurchases: Float64Array,
  holdoutLength: number,
  options: { maxFrequency?: number } = {},
): CalibrationHoldoutRow[] {
  const last = options.maxFrequency ?? 7;
  checkCount("maxFrequency", last, 1);
  checkRange("holdoutLength", holdoutLength, 0, Number.MAX_VALUE, true);
  if (holdoutPurchases.length !== history.x.length)
    throw msg.lengthMismatch("holdoutPurchases", holdoutPurchases.length, history.x.length);
  const expected = scoreBgNbd(parameters, history, holdoutLength).expectedPurchases;
  const clients = new Float64Array(last + 1);
  const actual = new Float64Array(last + 1);
  const model = new Float64Array(last + 1);
  for (let i = 0; i < history.x.length; i++) {
    const bucket = Math.min(history.x[i]!, last);
    clients[bucket]! += 1;
    actual[bucket]! += holdoutPurchases[i]!;
    model[bucket]! += expected[i]!;
  }
  const rows: CalibrationHoldoutRow[] = [];
  for (let f = 0; f <= last; f++)
    if (clients[f]! > 0)
      rows.push({
        frequency: f,
        label: bucketLabel(f, last),
        clients: clients[f]!,
        actual: actual[f]! / clients[f]!,
        expected: model[f]! / clients[f]!,
      });
  return rows;
}

/** One row of {@link repeatPurchaseHistogram}. */
export interface RepeatHistogramRow {
  count: number;
  label: string;
  /** Clients with this many repeat purchases (the last row: this many or more). */
  observed: number;
  /** Clients BG/NBD expects with this many, Σᵢ P(X(Tᵢ) = count). */
  expected: number;
}

/**
 * Observed vs expected numbers of clients by calibration repeat purchases
 * 0, 1, …, `maxCount`+ (default 7), the model's expectation summed over
 * each client's own T (once per distinct T).
 *
 * @throws SegworkError for a malformed history or a bad option.
 * @example
 * repeatPurchaseHistogram(model.parameters, summary)[0]; // => { count: 0, label: "0", observed: 1411, expected: 1409.8 } (CDNOW)
 */
export function repeatPurchaseHistogram(
  parameters: BgNbdParameters,
  history: PurchaseHistory,
  options: { maxCount?: number } = {},
): RepeatHistogramRow[] {
  const last = options.maxCount ?? 7;
  checkCount("maxCount", last, 1);
  checkHistory(history);
  const observed = new Float64Array(last + 1);
  for (const x of history.x) observed[Math.min(x, last)]! += 1;
  const ages = groupHistories(
    new Float64Array(history.T.length),
    new Float64Array(history.T.length),
    history.T,
  );
  const expected = new Float64Array(last + 1);
  for (let g = 0; g < ages.T.length; g++) {
    const probabilities = purchaseCountProbabilities(parameters, ages.T[g]!, last - 1);
    let below = 0;
    for (let c = 0; c < last; c++) {
      expected[c]! += ages.count[g]! * probabilities[c]!;
      below += probabilities[c]!;
    }
    expected[last]! += ages.count[g]! * Math.max(0, 1 - below);
  }
  return Array.from(observed, (count, c) => ({
    count: c,
    label: bucketLabel(c, last),
    observed: count,
    expected: expected[c]!,
  }));
}

/** Input of {@link transactionTracking}: day offsets from the cohort's first purchase day. */
export interface TrackingInput {
  /** Each client's first purchase, in days after the cohort's first purchase day (0 = that day). */
  firstPurchaseDay: Float64Array;
  /** Repeat purchases (purchase days after a client's first) on each day, index = day offset. */
  repeatPurchasesByDay: Float64Array;
  /** Day offset of the calibration end (its last day). */
  calibrationEndDay: number;
  /** Day offset of the last day tracked (the holdout end, or the calibration end). */
  endDay: number;
  /** The unit of the model's α. */
  timeUnit: TimeUnit;
  /** Days per period of the chart (default: one time unit, 7 for weeks). */
  periodDays?: number;
}

/** One period of {@link transactionTracking}. */
export interface TrackingRow {
  /** 0-based period; covers days [period·periodDays, (period+1)·periodDays). */
  period: number;
  actual: number;
  expected: number;
  cumulativeActual: number;
  cumulativeExpected: number;
  phase: "calibration" | "holdout";
}

/**
 * Repeat purchases per period and cumulated, actual vs expected, from the
 * cohort's first day to `endDay`. The expected cumulative number at the end
 * τ of a period is Σᵢ E[X(τ − sᵢ)] over clients with first purchase sᵢ < τ
 * (E[X(t)] of a new client, taken once per day offset); a purchase on day d
 * counts at time d. A period belongs to the holdout when it starts after
 * the calibration end.
 *
 * @throws SegworkError `clv.bad-option` for bad days or periods.
 * @example
 * transactionTracking(model.parameters, { firstPurchaseDay, repeatPurchasesByDay, calibrationEndDay: 272, endDay: 545, timeUnit: "weeks" })[0];
 * // => { period: 0, actual: …, expected: …, cumulativeActual: …, cumulativeExpected: …, phase: "calibration" }
 */
export function transactionTracking(
  parameters: BgNbdParameters,
  input: TrackingInput,
): TrackingRow[] {
  const unitDays = DAYS_PER_UNIT[input.timeUnit];
  if (unitDays === undefined)
    throw msg.badOption("timeUnit", input.timeUnit, 'must be "days" or "weeks"');
  const periodDays = input.periodDays ?? unitDays;
  checkCount("periodDays", periodDays, 1);
  checkCount("endDay", input.endDay, 0);
  checkCount("calibrationEndDay", input.calibrationEndDay, 0);
  const days = input.endDay + 1;
  // Clients per first-purchase day, and E[X(d days)] for every d the sums need.
  const starts = new Float64Array(days);
  for (const s of input.firstPurchaseDay) {
    if (!(Number.isInteger(s) && s >= 0 && s < days))
      throw msg.badOption(
        "firstPurchaseDay",
        s,
        `must be whole days from 0 to endDay = ${input.endDay}`,
      );
    starts[s]! += 1;
  }
  const periods = Math.ceil(days / periodDays);
  const expectedAt = new Float64Array(periods * periodDays + 1);
  for (let d = 0; d < expectedAt.length; d++)
    expectedAt[d] = expectedRepeatPurchases(parameters, d / unitDays);
  const rows: TrackingRow[] = [];
  let cumulativeActual = 0;
  let previousExpected = 0;
  for (let k = 0; k < periods; k++) {
    const from = k * periodDays;
    const to = Math.min(from + periodDays, days);
    let actual = 0;
    for (let d = from; d < to; d++) actual += input.repeatPurchasesByDay[d] ?? 0;
    let cumulativeExpected = 0;
    for (let s = 0; s < to; s++)
      if (starts[s]! > 0) cumulativeExpected += starts[s]! * expectedAt[to - s]!;
    cumulativeActual += actual;
    rows.push({
      period: k,
      actual,
      expected: cumulativeExpected - previousExpected,
      cumulativeActual,
      cumulativeExpected,
      phase: from > input.calibrationEndDay ? "holdout" : "calibration",
    });
    previousExpected = cumulativeExpected;
  }
  return rows;
}

/** One cell of {@link frequencyRecencyMatrix}. */
export interface FrequencyRecencyCell {
  /** Repeat purchases x. */
  frequency: number;
  /** Time of the last purchase after the first, t_x. */
  recency: number;
  probabilityAlive: number;
  /** Expected purchases over `horizon` (only when a horizon is given). */
  expectedPurchases?: number;
}

/**
 * P(alive) (and expected purchases over `horizon`, when given) over a grid
 * of frequency 0..maxFrequency × recency from 0 to T in `steps` equal steps,
 * for a client observed for T. For x = 0 the model ignores recency
 * (P(alive) = 1), as in lifetimes' matrix.
 *
 * @throws SegworkError `clv.bad-option` for a bad grid.
 * @example
 * frequencyRecencyMatrix(model.parameters, { maxFrequency: 20, T: 38.86, steps: 20 }).length; // => 21 × 21 = 441
 */
export function frequencyRecencyMatrix(
  parameters: BgNbdParameters,
  grid: { maxFrequency: number; T: number; steps?: number; horizon?: number },
): FrequencyRecencyCell[] {
  const steps = grid.steps ?? 20;
  checkCount("maxFrequency", grid.maxFrequency, 1);
  checkCount("steps", steps, 1);
  checkRange("T", grid.T, 0, Number.MAX_VALUE, true);
  if (grid.horizon !== undefined) checkRange("horizon", grid.horizon, 0, Number.MAX_VALUE);
  const cells: FrequencyRecencyCell[] = [];
  for (let x = 0; x <= grid.maxFrequency; x++)
    for (let k = 0; k <= steps; k++) {
      const recency = (grid.T * k) / steps;
      const tx = x === 0 ? 0 : recency;
      const cell: FrequencyRecencyCell = {
        frequency: x,
        recency,
        probabilityAlive: probabilityAliveOne(parameters, x, tx, grid.T),
      };
      if (grid.horizon !== undefined)
        cell.expectedPurchases = conditionalExpectedPurchasesOne(
          parameters,
          x,
          tx,
          grid.T,
          grid.horizon,
        );
      cells.push(cell);
    }
  return cells;
}
