import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betweenSegmentGini, valueSeparation } from "../../src/compare/index.js";
import { SegworkError } from "../../src/shared/errors.js";

// Six clients, revenue 100, 100, 200, 600, 1000, 2000 (total 4000, mean 666.67).
const revenue = [100, 100, 200, 600, 1000, 2000];
const kmeans = ["0", "0", "1", "1", "2", "2"]; // means 100, 400, 1500
const rfm = ["Low", "Low", "Low", "Low", "High", "High"]; // means 250, 1500

describe("between-segment Gini (hand-worked)", () => {
  it("k-means: 0.4667", () => {
    // Σ_k Σ_l n_k n_l |μ_k − μ_l| = 2·(2·2·300 + 2·2·1400 + 2·2·1100) = 22,400
    // 2 N² μ = 2 · 36 · 666.67 = 48,000  →  G = 22,400 / 48,000 = 7/15
    const g = betweenSegmentGini([
      { clients: 2, revenue: 200 },
      { clients: 2, revenue: 800 },
      { clients: 2, revenue: 3000 },
    ]);
    expect(Math.abs(g - 7 / 15)).toBeLessThanOrEqual(1e-15);
  });

  it("RFM: 0.4167", () => {
    // 2 · 4 · 2 · |250 − 1500| = 20,000; / 48,000 = 5/12
    const g = betweenSegmentGini([
      { clients: 4, revenue: 1000 },
      { clients: 2, revenue: 3000 },
    ]);
    expect(Math.abs(g - 5 / 12)).toBeLessThanOrEqual(1e-15);
  });

  it("is 0 when every segment has the same mean", () => {
    expect(
      betweenSegmentGini([
        { clients: 3, revenue: 30 },
        { clients: 1, revenue: 10 },
      ]),
    ).toBe(0);
  });

  const segments = fc.array(
    fc.record({
      clients: fc.integer({ min: 1, max: 50 }),
      revenue: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it("equals the Lorenz-curve area formula over segments sorted by mean", () => {
    fc.assert(
      fc.property(segments, (segs) => {
        const N = segs.reduce((s, x) => s + x.clients, 0);
        const R = segs.reduce((s, x) => s + x.revenue, 0);
        const sorted = [...segs].sort((p, q) => p.revenue / p.clients - q.revenue / q.clients);
        let X = 0;
        let Y = 0;
        let area = 0;
        for (const s of sorted) {
          const X1 = X + s.clients / N;
          const Y1 = Y + s.revenue / R;
          area += (X1 - X) * (Y1 + Y);
          X = X1;
          Y = Y1;
        }
        // Two float formulas of the same quantity in [0, 1]: agree to 1e-12.
        expect(Math.abs(betweenSegmentGini(segs) - (1 - area))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("with one client per segment it is the Gini of revenue itself", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const n = values.length;
          const mean = values.reduce((s, v) => s + v, 0) / n;
          let pairs = 0;
          for (const u of values) for (const v of values) pairs += Math.abs(u - v);
          const gini = pairs / (2 * n * n * mean);
          const g = betweenSegmentGini(values.map((v) => ({ clients: 1, revenue: v })));
          expect(Math.abs(g - gini)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });
});

describe("valueSeparation", () => {
  const result = valueSeparation({ nameA: "K-Means", nameB: "RFM", a: kmeans, b: rfm, revenue });

  it("gives revenue and client shares per segment, side by side", () => {
    expect(result.clients).toBe(6);
    expect(result.totalRevenue).toBe(4000);
    expect(result.a.segments).toEqual([
      {
        label: "0",
        clients: 2,
        clientShare: 2 / 6,
        revenue: 200,
        revenueShare: 0.05,
        meanRevenue: 100,
      },
      {
        label: "1",
        clients: 2,
        clientShare: 2 / 6,
        revenue: 800,
        revenueShare: 0.2,
        meanRevenue: 400,
      },
      {
        label: "2",
        clients: 2,
        clientShare: 2 / 6,
        revenue: 3000,
        revenueShare: 0.75,
        meanRevenue: 1500,
      },
    ]);
    // Natural order puts "High" before "Low".
    expect(result.b.segments.map((s) => [s.label, s.clients, s.revenueShare])).toEqual([
      ["High", 2, 0.75],
      ["Low", 4, 0.25],
    ]);
  });

  it("names the top segment by mean revenue and the better scheme", () => {
    expect(result.a.topSegment).toEqual({
      label: "2",
      revenueShare: 0.75,
      clientShare: 2 / 6,
      meanRevenue: 1500,
    });
    expect(result.b.topSegment.label).toBe("High");
    expect(Math.abs(result.a.betweenGini - 7 / 15)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(result.b.betweenGini - 5 / 12)).toBeLessThanOrEqual(1e-15);
    expect(result.better).toBe("A");
    expect(result.verdict).toBe(
      "K-Means separates value better than RFM: its between-segment Gini of revenue is 0.47 against 0.42, " +
        "and its top segment (2) holds 75% of revenue with 33% of clients.",
    );
  });

  it("calls a tie within the tolerance", () => {
    const tie = valueSeparation(
      { nameA: "K-Means", nameB: "RFM", a: kmeans, b: rfm, revenue },
      { tieTolerance: 0.06 },
    );
    expect(tie.better).toBe("tie");
    expect(tie.verdict).toBe(
      "K-Means and RFM separate value about equally: between-segment Gini of revenue 0.47 and 0.42 (0.050 apart).",
    );
  });

  it("leaves out and counts clients without revenue", () => {
    const r = valueSeparation({
      nameA: "A",
      nameB: "B",
      a: [...kmeans, "2"],
      b: [...rfm, "High"],
      revenue: [...revenue, NaN],
    });
    expect(r.missingRevenue).toBe(1);
    expect(r.clients).toBe(6);
    expect(r.a.betweenGini).toBe(result.a.betweenGini);
  });

  it("refuses a non-positive total", () => {
    let error: unknown;
    try {
      valueSeparation({
        nameA: "A",
        nameB: "B",
        a: ["1", "2"],
        b: ["x", "x"],
        revenue: [5, -17],
        revenueColumn: "monetary",
        source: "clients.csv",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(
      'The revenue column "monetary" of "clients.csv" sums to -12 over the compared clients. ' +
        "Revenue shares need a positive total: choose a revenue column such as monetary or total spend.",
    );
  });
});
