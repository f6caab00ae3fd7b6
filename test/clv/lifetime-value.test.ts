/**
 * CLV = Σ_{m=1..H} margin · E[M] · (E[Y(m·L)] − E[Y((m−1)·L)]) / (1+d)^m,
 * checked by hand on one client, for its units (the same log summarized in
 * days and in weeks), and for its options.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fitBgNbd } from "../../src/clv/bgnbd.js";
import { conditionalExpectedPurchasesOne } from "../../src/clv/bgnbd-forecast.js";
import { conditionalExpectedSpend, fitGammaGamma } from "../../src/clv/gamma-gamma.js";
import { customerLifetimeValue, LIFETIME_VALUE_DEFAULTS } from "../../src/clv/lifetime-value.js";
import {
  DAYS_PER_MONTH,
  type BgNbdParameters,
  type GammaGammaParameters,
} from "../../src/clv/types.js";
import type { ClvSummary } from "../../src/features/clv-summary.js";
import * as msg from "../../src/shared/messages/clv.js";
import { errorOf } from "../helpers/errors.js";
import { summarizeCdnow } from "./cdnow.js";

const purchases: BgNbdParameters = { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 };
const spend: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 };
const client = {
  x: Float64Array.of(2),
  tx: Float64Array.of(213 / 7),
  T: Float64Array.of(272 / 7),
  monetary: Float64Array.of(22.345),
};

describe("customerLifetimeValue, by hand on CDNOW client 1 (weeks)", () => {
  const month = DAYS_PER_MONTH / 7; // 4.348214… weeks
  const value = conditionalExpectedSpend(spend, 2, 22.345);
  const expectedBy = (t: number): number =>
    conditionalExpectedPurchasesOne(purchases, 2, 213 / 7, 272 / 7, t);

  it("one month: margin × E[M] × E[Y(L)] / (1 + d)", () => {
    const result = customerLifetimeValue(purchases, spend, client, {
      timeUnit: "weeks",
      horizonMonths: 1,
      monthlyDiscountRate: 0.01,
      margin: 0.3,
    });
    expect(result.monthLength).toBeCloseTo(30.4375 / 7, 14);
    expect(result.clv[0]).toBeCloseTo((0.3 * value * expectedBy(month)) / 1.01, 12);
    expect(result.expectedSpend[0]).toBeCloseTo(value, 12);
    expect(result.expectedPurchases[0]).toBeCloseTo(expectedBy(month), 12);
  });

  it("three months: the sum of the discounted monthly increments; with d = 0 it telescopes to E[Y(3L)]", () => {
    const three = customerLifetimeValue(purchases, spend, client, {
      timeUnit: "weeks",
      horizonMonths: 3,
      monthlyDiscountRate: 0.02,
      margin: 0.25,
    });
    const increments = [1, 2, 3].map((m) => expectedBy(m * month) - expectedBy((m - 1) * month));
    const byHand = increments.reduce(
      (sum, inc, k) => sum + (0.25 * value * inc) / 1.02 ** (k + 1),
      0,
    );
    expect(three.clv[0]).toBeCloseTo(byHand, 12);
    const undiscounted = customerLifetimeValue(purchases, spend, client, {
      timeUnit: "weeks",
      horizonMonths: 3,
      monthlyDiscountRate: 0,
      margin: 1,
    });
    expect(undiscounted.clv[0]).toBeCloseTo(value * expectedBy(3 * month), 12);
    expect(undiscounted.expectedRevenue[0]).toBeCloseTo(undiscounted.clv[0]!, 12);
  });

  it("rises with the horizon and falls with the discount rate", () => {
    const at = (horizonMonths: number, monthlyDiscountRate: number): number =>
      customerLifetimeValue(purchases, spend, client, {
        timeUnit: "weeks",
        horizonMonths,
        monthlyDiscountRate,
      }).clv[0]!;
    expect(at(24, 0.01)).toBeGreaterThan(at(12, 0.01));
    expect(at(12, 0.05)).toBeLessThan(at(12, 0.01));
    expect(LIFETIME_VALUE_DEFAULTS).toEqual({
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
      margin: 0.3,
    });
  });
});

describe("customerLifetimeValue units: the CDNOW log summarized in days and in weeks", () => {
  let weeks: ClvSummary;
  let days: ClvSummary;
  beforeAll(async () => {
    [weeks, days] = await Promise.all([summarizeCdnow("weeks"), summarizeCdnow("days")]);
  });

  it("gives the same CLV for every client to 1e-9 relative", () => {
    const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, margin: 0.3 };
    const inWeeks = customerLifetimeValue(
      fitBgNbd(weeks).parameters,
      fitGammaGamma(weeks).parameters,
      weeks,
      {
        ...options,
        timeUnit: "weeks",
      },
    );
    const inDays = customerLifetimeValue(
      fitBgNbd(days).parameters,
      fitGammaGamma(days).parameters,
      days,
      {
        ...options,
        timeUnit: "days",
      },
    );
    expect(inDays.monthLength).toBe(30.4375);
    let worst = 0;
    for (let i = 0; i < weeks.x.length; i++) {
      worst = Math.max(worst, Math.abs(inDays.clv[i]! / inWeeks.clv[i]! - 1));
      worst = Math.max(
        worst,
        Math.abs(inDays.expectedPurchases[i]! / inWeeks.expectedPurchases[i]! - 1),
      );
    }
    // The two fits converge to the same point in scaled time: measured worst gap 8.4e-14.
    expect(worst).toBeLessThan(1e-9);
  });

  it("would be several times off if the unit were given wrong (the trap the explicit timeUnit avoids)", () => {
    const fit = fitBgNbd(weeks);
    const gg = fitGammaGamma(weeks).parameters;
    const right = customerLifetimeValue(fit.parameters, gg, weeks, {
      timeUnit: "weeks",
    }).expectedPurchases;
    const wrong = customerLifetimeValue(fit.parameters, gg, weeks, {
      timeUnit: "days",
    }).expectedPurchases;
    const total = (v: Float64Array): number => v.reduce((s, x) => s + x, 0);
    // A "month" of 30.4 weeks instead of 4.35: 3.7 times the purchases (not 7: they flatten with time).
    expect(total(wrong) / total(right)).toBeGreaterThan(3);
  });
});

describe("customerLifetimeValue options", () => {
  it("refuses out-of-range options with the catalogue messages", () => {
    const run = (options: Record<string, unknown>) => () =>
      customerLifetimeValue(purchases, spend, client, { timeUnit: "weeks", ...options });
    expect(errorOf(run({ margin: 1.5 })).message).toBe(
      msg.badOption("margin", 1.5, "must be a number from 0 to 1").message,
    );
    expect(errorOf(run({ horizonMonths: 2.5 })).message).toBe(
      msg.badOption("horizonMonths", 2.5, "must be a whole number of months from 1 to 1200")
        .message,
    );
    expect(errorOf(run({ timeUnit: "months" })).message).toBe(
      msg.badOption("timeUnit", "months", 'must be "days" or "weeks"').message,
    );
    expect(errorOf(run({ monthlyDiscountRate: -0.1 })).code).toBe("clv.bad-option");
  });
});
