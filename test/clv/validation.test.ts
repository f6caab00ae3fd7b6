/**
 * The data of the validation views on CDNOW: calibration vs holdout, the
 * repeat-purchase histogram, tracking, and the frequency × recency matrix.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fitBgNbd } from "../../src/clv/bgnbd.js";
import {
  expectedRepeatPurchases,
  probabilityAliveOne,
  scoreBgNbd,
} from "../../src/clv/bgnbd-forecast.js";
import type { BgNbdModel } from "../../src/clv/types.js";
import {
  calibrationHoldoutRows,
  frequencyRecencyMatrix,
  repeatPurchaseHistogram,
  transactionTracking,
} from "../../src/clv/validation.js";
import type { ClvSummary } from "../../src/features/clv-summary.js";
import * as msg from "../../src/shared/messages/clv.js";
import { errorOf } from "../helpers/errors.js";
import { summarizeCdnow } from "./cdnow.js";

let summary: ClvSummary;
let model: BgNbdModel;
beforeAll(async () => {
  summary = await summarizeCdnow("weeks");
  model = fitBgNbd(summary);
});

describe("calibrationHoldoutRows", () => {
  it("averages actual and expected holdout purchases by calibration frequency 0..7+", () => {
    const rows = calibrationHoldoutRows(
      model.parameters,
      summary,
      summary.holdoutPurchases,
      summary.holdoutLength,
    );
    expect(rows.map((row) => row.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(rows.reduce((s, row) => s + row.clients, 0)).toBe(2357);
    expect(rows[0]!.clients).toBe(1411);
    const expected = scoreBgNbd(model.parameters, summary, 39).expectedPurchases;
    const total = (values: Float64Array): number => values.reduce((s, v) => s + v, 0);
    expect(rows.reduce((s, row) => s + row.expected * row.clients, 0)).toBeCloseTo(
      total(expected),
      8,
    );
    expect(rows.reduce((s, row) => s + row.actual * row.clients, 0)).toBeCloseTo(
      total(summary.holdoutPurchases),
      8,
    );
    // Expected holdout purchases rise with calibration frequency, as they must under the model.
    for (let k = 1; k < rows.length; k++)
      expect(rows[k]!.expected).toBeGreaterThan(rows[k - 1]!.expected);
  });

  it("refuses a holdout array of another length", () => {
    expect(
      errorOf(() => calibrationHoldoutRows(model.parameters, summary, new Float64Array(3), 39))
        .message,
    ).toBe(msg.lengthMismatch("holdoutPurchases", 3, 2357).message);
  });
});

describe("repeatPurchaseHistogram", () => {
  it("counts clients by repeat purchases and the model's expectation sums to the same 2,357", () => {
    const rows = repeatPurchaseHistogram(model.parameters, summary);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatchObject({ count: 0, label: "0", observed: 1411 });
    expect(rows[7]!.label).toBe("7+");
    expect(rows.reduce((s, row) => s + row.observed, 0)).toBe(2357);
    expect(rows.reduce((s, row) => s + row.expected, 0)).toBeCloseTo(2357, 8);
    // The model's mean count over the clients' own T is Σ E[X(Tᵢ)] (the 7+ bucket aside, checked
    // through the first seven buckets being below it).
    const mean = summary.T.reduce((s, T) => s + expectedRepeatPurchases(model.parameters, T), 0);
    expect(rows.slice(0, 7).reduce((s, row) => s + row.expected * row.count, 0)).toBeLessThan(mean);
    // The model fits CDNOW's histogram (Fader, Hardie & Lee 2005, figure 2): every bucket within
    // 3 Poisson standard deviations (measured: 0 → 1411 vs 1407.7, 1 → 439 vs 460.3, 2 → 214 vs 192.5).
    for (const row of rows)
      expect(Math.abs(row.observed - row.expected), row.label).toBeLessThan(
        3 * Math.sqrt(row.expected),
      );
  });
});

describe("transactionTracking", () => {
  it("tracks weekly repeat purchases over calibration and holdout, the expected sum computed per first-purchase day", () => {
    const rows = transactionTracking(model.parameters, {
      firstPurchaseDay: summary.firstPurchaseDay,
      repeatPurchasesByDay: summary.repeatPurchasesByDay,
      calibrationEndDay: summary.calibrationEndDay,
      endDay: summary.endDay,
      timeUnit: "weeks",
    });
    expect(rows).toHaveLength(78);
    expect(rows[38]!.phase).toBe("calibration");
    expect(rows[39]!.phase).toBe("holdout");
    const last = rows[rows.length - 1]!;
    expect(last.cumulativeActual).toBe(summary.repeatPurchasesByDay.reduce((s, v) => s + v, 0));
    expect(rows.reduce((s, row) => s + row.expected, 0)).toBeCloseTo(last.cumulativeExpected, 8);
    // Period 38 ends on day 273: Σᵢ E[X((273 − sᵢ)/7)], summed directly over the clients.
    const direct = Array.from(summary.firstPurchaseDay).reduce(
      (s, first) => s + expectedRepeatPurchases(model.parameters, (273 - first) / 7),
      0,
    );
    expect(rows[38]!.cumulativeExpected).toBeCloseTo(direct, 8);
    // Over the calibration period the model tracks the actual total within 2 %.
    expect(Math.abs(rows[38]!.cumulativeExpected / rows[38]!.cumulativeActual - 1)).toBeLessThan(
      0.02,
    );
  });
});

describe("frequencyRecencyMatrix", () => {
  it("gives P(alive) over frequency × recency, 1 for x = 0, rising with recency", () => {
    const cells = frequencyRecencyMatrix(model.parameters, {
      maxFrequency: 10,
      T: 272 / 7,
      steps: 10,
      horizon: 39,
    });
    expect(cells).toHaveLength(11 * 11);
    expect(cells.filter((c) => c.frequency === 0).every((c) => c.probabilityAlive === 1)).toBe(
      true,
    );
    const row = cells.filter((c) => c.frequency === 5);
    for (let k = 1; k < row.length; k++)
      expect(row[k]!.probabilityAlive).toBeGreaterThan(row[k - 1]!.probabilityAlive);
    const cell = cells.find((c) => c.frequency === 2 && c.recency === (272 / 7) * 0.5)!;
    expect(cell.probabilityAlive).toBe(
      probabilityAliveOne(model.parameters, 2, (272 / 7) * 0.5, 272 / 7),
    );
    expect(cell.expectedPurchases).toBeGreaterThan(0);
  });
});
