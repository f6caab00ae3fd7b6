/**
 * `ntile` binning against pandas: `pd.qcut(x.rank(method="first"), k, labels=False) + 1`
 * on the fixture made by test/fixtures/rules/make_ntile_fixture.py (pandas 1.5.3).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scoreRfm } from "../../src/rules/index.js";

interface Fixture {
  random: { k: number; values: number[]; bins: number[] }[];
  orders: {
    recency_days: number[];
    frequency: number[];
    monetary: number[];
    r: number[];
    f: number[];
    m: number[];
  };
}

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/rules/ntile-pandas.json"), "utf8"),
) as Fixture;

describe("ntile binning = pandas qcut on first-ranks", () => {
  it("matches pandas bin for bin on 72 small arrays full of ties (n = 2..60, k = 3, 4, 5)", () => {
    expect(fixture.random.length).toBe(72);
    for (const { k, values, bins } of fixture.random) {
      const s = scoreRfm(
        {
          ids: values.map((_, i) => String(i)),
          recencyDays: values,
          frequency: values,
          monetary: values,
        },
        { binning: "ntile", bins: k },
      );
      expect([...s.monetaryScore], `n=${values.length} k=${k}`).toEqual(bins);
      // Recency is the same ranking, reversed.
      expect([...s.recencyScore]).toEqual(bins.map((b) => k + 1 - b));
    }
  });

  it("matches pandas R, F, M on the R package's orders aggregated per client (995 clients)", () => {
    const o = fixture.orders;
    const s = scoreRfm(
      {
        ids: o.r.map((_, i) => String(i)),
        recencyDays: o.recency_days,
        frequency: o.frequency,
        monetary: o.monetary,
      },
      { binning: "ntile" },
    );
    expect([...s.recencyScore]).toEqual(o.r);
    expect([...s.frequencyScore]).toEqual(o.f);
    expect([...s.monetaryScore]).toEqual(o.m);
    // Balanced: 995 = 5 × 199 → 199 per score, ties split.
    expect(s.thresholds.frequency.bins.map((b) => b.count)).toEqual([199, 199, 199, 199, 199]);
  });
});
