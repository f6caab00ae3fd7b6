import { describe, expect, it } from "vitest";
import { SegworkError } from "../../src/shared/errors.js";
import { describeEmptyScores, scoreRfm } from "../../src/rules/index.js";
import { HAND_CLIENTS, handInput } from "./hand-fixture.js";

describe("scoreRfm, r-rfm binning, hand-worked 20 clients (see hand-fixture.ts)", () => {
  const scores = scoreRfm(handInput());

  it("gives the hand-computed R, F, M and RFM score of every client", () => {
    HAND_CLIENTS.forEach((c, i) => {
      expect(
        [scores.recencyScore[i], scores.frequencyScore[i], scores.monetaryScore[i]],
        c.id,
      ).toEqual([c.r, c.f, c.m]);
      expect(scores.rfmScore[i], c.id).toBe(c.r * 100 + c.f * 10 + c.m);
    });
  });

  it("uses the hand-computed cut points (quantile + 1); exact where the quantile falls between tied values", () => {
    // recency: every inner quantile sits between two equal values → exact integers.
    expect(scores.thresholds.recency.cuts).toEqual([11, 31, 61, 121]);
    // frequency: q.2 = q.4 = 1 (x4..x9 all 1) → cuts 2, 2 coincide; q.6 = 2; q.8 = 4 + 0.2·(5 − 4) = 4.2.
    expect(scores.thresholds.frequency.cuts.slice(0, 3)).toEqual([2, 2, 3]);
    expect(scores.thresholds.frequency.cuts[3]).toBeCloseTo(5.2, 12);
    // monetary: 40 + .8·10 = 48, 80 + .6·10 = 86, 120 + .4·10 = 124, 160 + .2·10 = 162, each + 1.
    const m = scores.thresholds.monetary.cuts;
    [49, 87, 125, 163].forEach((cut, j) => expect(m[j]).toBeCloseTo(cut, 12));
  });

  it("puts a value lying exactly on a cut point into the upper bin (bins are [lower, upper))", () => {
    // recency 11, 31, 61 are cut points: scores 4, 3, 2 (not 5, 4, 3).
    const byId = new Map(HAND_CLIENTS.map((c, i) => [c.id, i]));
    expect(scores.recencyScore[byId.get("c06")!]).toBe(4); // 11
    expect(scores.recencyScore[byId.get("c10")!]).toBe(3); // 31
    expect(scores.recencyScore[byId.get("c14")!]).toBe(2); // 61
    // frequency 2 sits on the coinciding cuts 2 and 2: bin [2, 2) is empty, so [2, 3) → 3.
    expect(scores.frequencyScore[byId.get("c05")!]).toBe(3);
  });

  it("leaves frequency score 2 empty when two cut points coincide, and reports it", () => {
    expect(scores.thresholds.frequency.emptyScores).toEqual([2]);
    expect(describeEmptyScores(scores)).toEqual([
      "frequency: no client has score 2: equal values made cut points coincide, so that bin is empty (as in R's rfm)",
    ]);
    expect(scores.thresholds.frequency.bins.map((b) => b.count)).toEqual([10, 0, 3, 4, 3]);
    expect(scores.thresholds.recency.emptyScores).toEqual([]);
  });

  it("reverses recency only: bin 1 (fewest days) is score 5; lower = min, upper = max + 1", () => {
    const r = scores.thresholds.recency.bins;
    expect(r.map((b) => b.score)).toEqual([5, 4, 3, 2, 1]);
    expect(r.map((b) => b.count)).toEqual([5, 4, 4, 4, 3]);
    expect(r[0]!.lower).toBe(2);
    expect(r[4]!.upper).toBe(401);
    expect(scores.thresholds.monetary.bins.map((b) => b.score)).toEqual([1, 2, 3, 4, 5]);
    expect(scores.thresholds.monetary.bins[4]!.upper).toBe(1001);
  });
});

describe("scoreRfm with user cut points", () => {
  it("uses them as given (no +1), half-open, lowest bin from the minimum", () => {
    // recency cuts 10, 60, 120, 365: [2,10) → 5: 2,5,5 | [10,60) → 4: 10,10,11,20,30,30,31,45
    // [60,120) → 3: 60,60,61,90 | [120,365) → 2: 120,120,200 | [365, 401) → 1: 365, 400.
    const s = scoreRfm(handInput(), { cuts: { recency: [10, 60, 120, 365] } });
    expect(s.thresholds.recency.source).toBe("custom");
    expect(s.thresholds.recency.cuts).toEqual([10, 60, 120, 365]);
    expect(s.thresholds.recency.bins.map((b) => b.count)).toEqual([3, 8, 4, 3, 2]);
    expect(s.thresholds.frequency.source).toBe("quantile");
  });

  it("rejects the wrong number of cut points, unsorted cut points, and cut points with ntile", () => {
    expect(() => scoreRfm(handInput(), { cuts: { monetary: [1, 2, 3] } })).toThrow(
      "monetary cut points: 5 bins need 4 cut points (got 3)",
    );
    expect(() => scoreRfm(handInput(), { cuts: { frequency: [1, 3, 2, 4] } })).toThrow(
      "frequency cut points must be finite numbers in ascending order (got 1, 3, 2, 4)",
    );
    expect(() =>
      scoreRfm(handInput(), { binning: "ntile", cuts: { recency: [1, 2, 3, 4] } }),
    ).toThrow(
      'cut points for recency were given with ntile binning, which draws bins on ranks: use binning "r-rfm" with cut points, or drop the cut points',
    );
  });
});

describe("scoreRfm, bins other than 5", () => {
  it("with 3 bins cuts at the 1/3 and 2/3 quantiles + 1 and scores 1..3", () => {
    // monetary n = 20: index 1 + 19/3 = 7.333… → 70 + .333…·10 = 73.33…; 1 + 38/3 = 13.666… → 136.66…
    const s = scoreRfm(handInput(), { bins: 3 });
    expect(s.thresholds.monetary.cuts[0]).toBeCloseTo(74.333333333333, 9);
    expect(s.thresholds.monetary.cuts[1]).toBeCloseTo(137.666666666667, 9);
    expect(Math.max(...s.recencyScore)).toBe(3);
    expect(s.rfmScore.every((x) => x >= 111 && x <= 333)).toBe(true);
  });

  it("rejects bins outside 2..9", () => {
    expect(() => scoreRfm(handInput(), { bins: 10 })).toThrow(
      "RFM bins must be a whole number from 2 to 9 (got 10): the combined score keeps one digit per measure",
    );
  });
});

describe("scoreRfm, ntile binning (hand-worked)", () => {
  it("splits ties by input order and balances bin sizes", () => {
    // monetary 5, 1, 5, 5, 2, 9 with k = 3: ranks (first) 3, 1, 4, 5, 2, 6;
    // bin = max(1, ceil((r − 1)·3/5)) → r1 1, r2 ceil(.6)=1, r3 ceil(1.2)=2, r4 ceil(1.8)=2, r5 ceil(2.4)=3, r6 3.
    const s = scoreRfm(
      {
        ids: ["a", "b", "c", "d", "e", "f"],
        recencyDays: Float64Array.of(5, 1, 5, 5, 2, 9),
        frequency: Float64Array.of(5, 1, 5, 5, 2, 9),
        monetary: Float64Array.of(5, 1, 5, 5, 2, 9),
      },
      { binning: "ntile", bins: 3 },
    );
    expect([...s.monetaryScore]).toEqual([2, 1, 2, 3, 1, 3]);
    // Recency reversed: 4 − bin.
    expect([...s.recencyScore]).toEqual([2, 3, 2, 1, 3, 1]);
    expect(s.thresholds.monetary.bins.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [1, 2, 2],
      [5, 5, 2],
      [5, 9, 2],
    ]);
  });

  it("gives a single client bin 1 (recency score = bins)", () => {
    const s = scoreRfm(
      { ids: ["x"], recencyDays: [3], frequency: [1], monetary: [10] },
      { binning: "ntile" },
    );
    expect([s.recencyScore[0], s.frequencyScore[0], s.monetaryScore[0]]).toEqual([5, 1, 1]);
  });
});

describe("scoreRfm input errors", () => {
  it("rejects an empty table, unequal columns and missing values with the row and client", () => {
    expect(() => scoreRfm({ ids: [], recencyDays: [], frequency: [], monetary: [] })).toThrow(
      "RFM scores: there are no clients to score (the table has no rows)",
    );
    expect(() =>
      scoreRfm({ ids: ["a", "b"], recencyDays: [1, 2], frequency: [1], monetary: [1, 2] }),
    ).toThrow('column "frequency" has 1 values but there are 2 clients');
    let error: unknown;
    try {
      scoreRfm({
        ids: ["a", "b"],
        recencyDays: [1, 2],
        frequency: [1, 2],
        monetary: [1, Number.NaN],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(
      'column "monetary", row 2 (client b): NaN is not a number; fill or drop missing values before scoring',
    );
  });
});
