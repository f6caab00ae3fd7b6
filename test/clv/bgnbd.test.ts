/**
 * BG/NBD on CDNOW against the published fit (Fader, Hardie & Lee 2005;
 * the targets), and its properties: grouping, units, P(alive),
 * monotone forecasts, a + b < 1 edge cases, recovery of simulated
 * parameters, and a fit that cannot converge saying so.
 */
import fc from "fast-check";
import { Matrix, inverse } from "ml-matrix";
import { beforeAll, describe, expect, it } from "vitest";
import { bgnbdLogLikelihood, fitBgNbd } from "../../src/clv/bgnbd.js";
import {
  conditionalExpectedPurchasesOne,
  expectedRepeatPurchases,
  probabilityAliveOne,
  purchaseCountProbabilities,
  scoreBgNbd,
} from "../../src/clv/bgnbd-forecast.js";
import { groupHistories } from "../../src/clv/group.js";
import { simulateClients } from "../../src/clv/simulate.js";
import { simulateCohort, TRUE_BGNBD } from "./simulated.js";
import type { BgNbdModel, BgNbdParameters } from "../../src/clv/types.js";
import type { ClvSummary } from "../../src/features/clv-summary.js";
import * as msg from "../../src/shared/messages/clv.js";
import { errorOf } from "../helpers/errors.js";
import { PUBLISHED_BGNBD, summarizeCdnow } from "./cdnow.js";

/** Significant-digit agreement: |got − want| ≤ ½·10^(1−digits)·|want| after rounding both. */
const toDigits = (value: number, digits: number): number => Number(value.toPrecision(digits));

describe("BG/NBD on the CDNOW sample (weeks)", () => {
  let summary: ClvSummary;
  let model: BgNbdModel;
  beforeAll(async () => {
    summary = await summarizeCdnow("weeks");
    model = fitBgNbd(summary);
  });

  it("reproduces r = 0.2426, α = 4.414, a = 0.7929, b = 2.426 (4 significant digits) and LL −9582.43 (± 0.01)", () => {
    const { r, alpha, a, b } = model.parameters;
    expect([toDigits(r, 4), toDigits(alpha, 4), toDigits(a, 4), toDigits(b, 4)]).toEqual([
      0.2426, 4.414, 0.7929, 2.426,
    ]);
    expect(Math.abs(model.logLikelihood - -9582.43)).toBeLessThan(0.01);
    // Against the full-precision fits published by others: r and α to 1e-6 relative; a and b lie
    // along a flat ridge of the likelihood (corr(a, b) ≈ 0.4 … 0.9), where those fits stopped
    // 3e-6 / 8e-6 short (ours: |∇| ≈ 1e-16, LL −9582.429207 vs −9582.429207 at theirs, Δ < 1e-8).
    expect(Math.abs(r / PUBLISHED_BGNBD.r - 1)).toBeLessThan(1e-6);
    expect(Math.abs(alpha / PUBLISHED_BGNBD.alpha - 1)).toBeLessThan(1e-6);
    expect(Math.abs(a / PUBLISHED_BGNBD.a - 1)).toBeLessThan(1e-5);
    expect(Math.abs(b / PUBLISHED_BGNBD.b - 1)).toBeLessThan(1e-5);
    const atPublished = bgnbdLogLikelihood(PUBLISHED_BGNBD, summary);
    expect(model.logLikelihood).toBeGreaterThanOrEqual(atPublished);
    expect(model.logLikelihood - atPublished).toBeLessThan(1e-6);
    expect(model).toMatchObject({ clients: 2357, converged: true });
    expect(model.gradientNorm).toBeLessThan(1e-8);
  });

  it("has standard errors that agree with an independent Hessian (second differences of the LL, inverted by ml-matrix) to 1e-4", () => {
    // The fit's SEs come from differences of the analytic gradient on log-parameters; here the
    // observed information is taken from LL values alone on the natural parameters.
    const keys = ["r", "alpha", "a", "b"] as const;
    const theta = model.parameters;
    const steps = keys.map((key) => 1e-4 * theta[key]);
    const ll = (shift: number[]): number =>
      bgnbdLogLikelihood(
        {
          r: theta.r + shift[0]!,
          alpha: theta.alpha + shift[1]!,
          a: theta.a + shift[2]!,
          b: theta.b + shift[3]!,
        },
        summary,
      );
    const unit = (i: number, h: number): number[] => keys.map((_, k) => (k === i ? h : 0));
    const add = (u: number[], v: number[]): number[] => u.map((x, k) => x + v[k]!);
    const information = keys.map((_, i) =>
      keys.map((__, j) => {
        const hi = unit(i, steps[i]!);
        const hj = unit(j, steps[j]!);
        const neg = (v: number[]): number[] => v.map((x) => -x);
        const second =
          ll(add(hi, hj)) - ll(add(hi, neg(hj))) - ll(add(neg(hi), hj)) + ll(add(neg(hi), neg(hj)));
        return -second / (4 * steps[i]! * steps[j]!);
      }),
    );
    const covariance = inverse(new Matrix(information));
    keys.forEach((key, i) => {
      const se = Math.sqrt(covariance.get(i, i));
      // Measured gaps ≤ 2e-6 relative.
      expect(Math.abs(model.standardErrors[key] / se - 1), key).toBeLessThan(1e-4);
    });
  });

  it("expects 1.226 (± 0.001) purchases of client 1 (x = 2, t_x = 30.43, T = 38.86) in the next 39 weeks", () => {
    expect(summary.ids[0]).toBe("00004");
    expect([summary.x[0], summary.tx[0], summary.T[0]]).toEqual([2, 213 / 7, 272 / 7]);
    const expected = scoreBgNbd(model.parameters, summary, 39).expectedPurchases[0]!;
    expect(Math.abs(expected - 1.226)).toBeLessThan(0.001);
    expect(expected).toBeCloseTo(
      conditionalExpectedPurchasesOne(model.parameters, 2, 213 / 7, 272 / 7, 39),
      14,
    );
  });

  it("gives E[X(t)] = 0.0532 and 0.1506 at t = 1 and 3 weeks (± 1e-4), and 1.85796 at 78 (mpmath)", () => {
    expect(Math.abs(expectedRepeatPurchases(model.parameters, 1) - 0.0532)).toBeLessThan(1e-4);
    expect(Math.abs(expectedRepeatPurchases(model.parameters, 3) - 0.1506)).toBeLessThan(1e-4);
    // The issue quotes 1.8576 at 78 weeks; at the published parameters mpmath's closed form and
    // quadrature both give 1.857956009118 (test/fixtures/clv/mpmath-special.json), and so do
    // scipy's hyp2f1 and this series: the quoted figure is 3.6e-4 off, so the check is mpmath's.
    expect(
      Math.abs(expectedRepeatPurchases(PUBLISHED_BGNBD, 78) - 1.8579560091180785),
    ).toBeLessThan(1e-12);
    expect(Math.abs(expectedRepeatPurchases(model.parameters, 78) - 1.85796)).toBeLessThan(1e-4);
  });

  it("gives the same log-likelihood grouped and ungrouped (to 1e-9 relative)", () => {
    const groups = groupHistories(summary.x, summary.tx, summary.T);
    expect(groups.x.length).toBe(model.groups);
    expect(groups.x.length).toBeLessThan(summary.x.length);
    const grouped = bgnbdLogLikelihood(model.parameters, groups, groups.count);
    let ungrouped = 0;
    for (let i = 0; i < summary.x.length; i++)
      ungrouped += bgnbdLogLikelihood(model.parameters, {
        x: summary.x.subarray(i, i + 1),
        tx: summary.tx.subarray(i, i + 1),
        T: summary.T.subarray(i, i + 1),
      });
    expect(Math.abs(grouped / ungrouped - 1)).toBeLessThan(1e-9);
  });

  it("fits the same model in days (α × 7, LL − Σx·log 7) to 1e-9 relative", async () => {
    const days = await summarizeCdnow("days");
    const inDays = fitBgNbd(days);
    expect(inDays.parameters.r / model.parameters.r - 1).toBeCloseTo(0, 9);
    expect(inDays.parameters.alpha / (7 * model.parameters.alpha) - 1).toBeCloseTo(0, 9);
    expect(inDays.parameters.a / model.parameters.a - 1).toBeCloseTo(0, 9);
    expect(inDays.parameters.b / model.parameters.b - 1).toBeCloseTo(0, 9);
    // LL in days = LL in weeks − Σx log 7 (each repeat purchase's density is per day, not per week).
    expect(inDays.logLikelihood).toBeCloseTo(model.logLikelihood - 2457 * Math.log(7), 6);
  });

  it("gives P(alive) = 1 exactly for every client without a repeat purchase, and values in (0, 1] otherwise", () => {
    const { probabilityAlive } = scoreBgNbd(model.parameters, summary, 39);
    summary.x.forEach((x, i) => {
      if (x === 0) expect(probabilityAlive[i]).toBe(1);
      else expect(probabilityAlive[i]! > 0 && probabilityAlive[i]! <= 1).toBe(true);
    });
    expect(probabilityAliveOne(model.parameters, 2, 213 / 7, 272 / 7)).toBeCloseTo(0.7266, 4);
  });
});

describe("BG/NBD properties", () => {
  const parameters = fc.record({
    r: fc.double({ min: 0.01, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
    a: fc.double({ min: 0.01, max: 5, noNaN: true }),
    b: fc.double({ min: 0.01, max: 5, noNaN: true }),
  });
  const history = fc
    .record({
      x: fc.integer({ min: 0, max: 60 }),
      T: fc.double({ min: 0, max: 100, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : share * T }));

  it("expected purchases rise with the horizon and P(alive) stays in (0, 1]", () => {
    fc.assert(
      fc.property(
        parameters,
        history,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (p, h, t) => {
          const shorter = conditionalExpectedPurchasesOne(p, h.x, h.tx, h.T, t);
          const longer = conditionalExpectedPurchasesOne(p, h.x, h.tx, h.T, t * 1.5);
          const alive = probabilityAliveOne(p, h.x, h.tx, h.T);
          return (
            shorter > 0 && longer > shorter && alive > 0 && alive <= 1 && (h.x > 0 || alive === 1)
          );
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });

  it("has no NaN anywhere when a + b < 1, including x = 0, t_x = 0 and T = 0", () => {
    const p: BgNbdParameters = { r: 0.3, alpha: 2, a: 0.4, b: 0.3 };
    const cases = [
      [0, 0, 0],
      [0, 0, 10],
      [1, 0, 10],
      [1, 10, 10],
      [25, 3, 40],
    ] as const;
    for (const [x, tx, T] of cases) {
      const history = { x: Float64Array.of(x), tx: Float64Array.of(tx), T: Float64Array.of(T) };
      expect(Number.isFinite(bgnbdLogLikelihood(p, history))).toBe(true);
      for (const t of [0, 1, 52, 1000]) {
        const value = conditionalExpectedPurchasesOne(p, x, tx, T, t);
        expect(Number.isFinite(value) && value >= 0, `${x} ${tx} ${T} ${t}`).toBe(true);
      }
      expect(Number.isFinite(probabilityAliveOne(p, x, tx, T))).toBe(true);
    }
    const counts = purchaseCountProbabilities(p, 39, 30);
    expect(counts.every(Number.isFinite)).toBe(true);
  });

  it("P(X(t) = x) sums to 1 and its mean is E[X(t)] (to 1e-9)", () => {
    const p = PUBLISHED_BGNBD;
    const probabilities = purchaseCountProbabilities(p, 39, 400);
    let total = 0;
    let mean = 0;
    probabilities.forEach((q, x) => {
      total += q;
      mean += q * x;
    });
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(expectedRepeatPurchases(p, 39), 9);
    expect(Array.from(purchaseCountProbabilities(p, 0, 2))).toEqual([1, 0, 0]);
  });
});

describe("BG/NBD on 50,000 simulated clients (seed 1)", () => {
  const truth = TRUE_BGNBD;
  let clients: ReturnType<typeof simulateClients>;
  let model: BgNbdModel;
  beforeAll(() => {
    clients = simulateCohort(1);
    model = fitBgNbd(clients);
  });

  it("recovers each parameter within two standard errors", () => {
    // Measured z-scores for seed 1: r −1.18, α −1.40, a −1.09, b −1.19. At 5 % per parameter a
    // 2-SE check fails for some seeds by chance (seeds 2–4: all BG/NBD |z| < 1.4; seed 2 puts
    // Gamma-Gamma's q at 2.25 SE); seed 1 is the first one tried.
    for (const key of ["r", "alpha", "a", "b"] as const)
      expect(Math.abs(model.parameters[key] - truth[key]), key).toBeLessThan(
        2 * model.standardErrors[key],
      );
  });

  it("matches the mean simulated repeat count with the model's mean E[X(T)] (within 3 standard errors of the mean)", () => {
    let mean = 0;
    let square = 0;
    let expected = 0;
    const n = clients.x.length;
    const byT = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      mean += clients.x[i]! / n;
      square += clients.x[i]! ** 2 / n;
      const T = clients.T[i]!;
      if (!byT.has(T)) byT.set(T, expectedRepeatPurchases(truth, T));
      expected += byT.get(T)! / n;
    }
    const standardError = Math.sqrt((square - mean * mean) / n);
    // E[X(T)] once per distinct T (whole days).
    expect(Math.abs(mean - expected)).toBeLessThan(3 * standardError);
  });

  it("predicts the simulated holdout: mean actual vs expected holdout purchases within 3 SE", () => {
    const held = simulateClients({
      clients: 20_000,
      seed: 5,
      purchases: truth,
      observation: 39,
      holdout: 39,
    });
    const expected = scoreBgNbd(truth, held, 39).expectedPurchases;
    let actual = 0;
    let square = 0;
    let predicted = 0;
    const n = held.x.length;
    for (let i = 0; i < n; i++) {
      actual += held.holdoutPurchases[i]! / n;
      square += held.holdoutPurchases[i]! ** 2 / n;
      predicted += expected[i]! / n;
    }
    expect(Math.abs(actual - predicted)).toBeLessThan(
      3 * Math.sqrt((square - actual * actual) / n),
    );
  });
});

describe("BG/NBD refusals", () => {
  it("says that nobody made a repeat purchase", () => {
    const history = {
      x: new Float64Array(3),
      tx: new Float64Array(3),
      T: Float64Array.of(5, 6, 7),
    };
    expect(errorOf(() => fitBgNbd(history)).message).toBe(msg.noRepeatPurchases(3).message);
  });

  it("says it did not converge instead of returning an estimate", () => {
    // Nobody ever drops out (every client buys steadily to the end): a/b → 0 with no maximum.
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => 5 + (i % 7));
    const history = { x, tx: Float64Array.from(x, () => 39), T: new Float64Array(n).fill(39) };
    const error = errorOf(() => fitBgNbd(history, { maxIterations: 50 }));
    expect(error.code).toBe("clv.not-converged");
    expect(error.message).toMatch(/^The BG\/NBD fit did not converge: /);
  });

  it("names the first malformed row", () => {
    const history = {
      x: Float64Array.of(1, 1.5),
      tx: Float64Array.of(1, 1),
      T: Float64Array.of(2, 2),
    };
    expect(errorOf(() => fitBgNbd(history)).message).toBe(
      msg.badSummaryRow(2, "x", 1.5, "must be a whole number of repeat purchases, 0 or more")
        .message,
    );
    const late = { x: Float64Array.of(1), tx: Float64Array.of(3), T: Float64Array.of(2) };
    expect(errorOf(() => fitBgNbd(late)).message).toBe(
      msg.badSummaryRow(1, "tx", 3, "must lie between 0 and T = 2").message,
    );
  });
});
