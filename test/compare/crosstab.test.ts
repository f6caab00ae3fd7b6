import { describe, expect, it } from "vitest";
import { crosstab, naturalCompare, orderLabels } from "../../src/compare/index.js";
import { SegworkError } from "../../src/shared/errors.js";

// 12 clients. A (k-means): k0 = ids 1–6, k1 = 7–10, k2 = 11–12.
// B (RFM): 1–4 Loyal, 5–6 New; 7–9 New, 10 Loyal; 11 At risk, 12 New.
const ids = Array.from({ length: 12 }, (_, i) => String(i + 1));
const a = ["k0", "k0", "k0", "k0", "k0", "k0", "k1", "k1", "k1", "k1", "k2", "k2"];
const b = [
  "Loyal",
  "Loyal",
  "Loyal",
  "Loyal",
  "New",
  "New",
  "New",
  "New",
  "New",
  "Loyal",
  "At risk",
  "New",
];

describe("crosstab (hand-worked)", () => {
  const t = crosstab({ ids, a, b });
  const EXACT = 1e-15; // shares are single divisions

  it("counts clients per cell in natural label order", () => {
    expect(t.rowLabels).toEqual(["k0", "k1", "k2"]);
    expect(t.colLabels).toEqual(["At risk", "Loyal", "New"]);
    //            At risk  Loyal  New   | total
    // k0            0       4     2    |   6
    // k1            0       1     3    |   4
    // k2            1       0     1    |   2
    // total         1       5     6    |  12
    expect(t.counts).toEqual([
      [0, 4, 2],
      [0, 1, 3],
      [1, 0, 1],
    ]);
    expect(t.rowTotals).toEqual([6, 4, 2]);
    expect(t.colTotals).toEqual([1, 5, 6]);
    expect(t.total).toBe(12);
  });

  it("gives row shares (rows sum to 1) and column shares (columns sum to 1)", () => {
    const expectedRow = [
      [0, 4 / 6, 2 / 6],
      [0, 1 / 4, 3 / 4],
      [1 / 2, 0, 1 / 2],
    ];
    const expectedCol = [
      [0, 4 / 5, 2 / 6],
      [0, 1 / 5, 3 / 6],
      [1, 0, 1 / 6],
    ];
    t.rowShares.forEach((row, i) =>
      row.forEach((x, j) => expect(Math.abs(x - expectedRow[i]![j]!)).toBeLessThanOrEqual(EXACT)),
    );
    t.colShares.forEach((row, i) =>
      row.forEach((x, j) => expect(Math.abs(x - expectedCol[i]![j]!)).toBeLessThanOrEqual(EXACT)),
    );
  });

  it("maps each A label to its dominant B label with its purity, and back", () => {
    // k2 ties (1 At risk, 1 New): the first column wins.
    expect(t.aToB).toEqual([
      { label: "k0", size: 6, dominant: "Loyal", count: 4, purity: 4 / 6 },
      { label: "k1", size: 4, dominant: "New", count: 3, purity: 3 / 4 },
      { label: "k2", size: 2, dominant: "At risk", count: 1, purity: 1 / 2 },
    ]);
    expect(t.bToA).toEqual([
      { label: "At risk", size: 1, dominant: "k2", count: 1, purity: 1 },
      { label: "Loyal", size: 5, dominant: "k0", count: 4, purity: 4 / 5 },
      { label: "New", size: 6, dominant: "k1", count: 3, purity: 3 / 6 },
    ]);
  });

  it("lists the cells off A's dominant mapping, largest first, with example ids", () => {
    expect(t.disagreements).toEqual([
      {
        aLabel: "k0",
        bLabel: "New",
        expectedB: "Loyal",
        count: 2,
        shareOfA: 2 / 6,
        exampleIds: ["5", "6"],
      },
      {
        aLabel: "k1",
        bLabel: "Loyal",
        expectedB: "New",
        count: 1,
        shareOfA: 1 / 4,
        exampleIds: ["10"],
      },
      {
        aLabel: "k2",
        bLabel: "New",
        expectedB: "At risk",
        count: 1,
        shareOfA: 1 / 2,
        exampleIds: ["12"],
      },
    ]);
    // Every client is either in its A label's dominant cell or in a disagreement.
    const agreeing = t.aToB.reduce((s, m) => s + m.count, 0);
    expect(agreeing + t.disagreements.reduce((s, d) => s + d.count, 0)).toBe(t.total);
  });

  it("follows a stated order, then natural order for the rest", () => {
    const ordered = crosstab(
      { ids, a, b },
      { rowOrder: ["k2"], colOrder: ["New", "Loyal", "Lapsed"] },
    );
    expect(ordered.rowLabels).toEqual(["k2", "k0", "k1"]);
    expect(ordered.colLabels).toEqual(["New", "Loyal", "At risk"]);
    expect(ordered.counts[0]).toEqual([1, 0, 1]);
    // Ties now go to "New", the first column in this order.
    expect(ordered.aToB[0]!.dominant).toBe("New");
  });

  it("keeps at most 5 example ids per cell", () => {
    const n = 20;
    const t2 = crosstab({
      ids: Array.from({ length: n }, (_, i) => `c${i}`),
      a: Array.from({ length: n }, () => "1"),
      b: Array.from({ length: n }, (_, i) => (i < 13 ? "x" : "y")),
    });
    expect(t2.disagreements).toHaveLength(1);
    expect(t2.disagreements[0]!.count).toBe(7);
    expect(t2.disagreements[0]!.exampleIds).toEqual(["c13", "c14", "c15", "c16", "c17"]);
  });

  it("refuses a crosstab too large to read", () => {
    const n = 1001;
    const idsN = Array.from({ length: n }, (_, i) => String(i));
    let error: unknown;
    try {
      crosstab({ ids: idsN, a: idsN, b: idsN.map((_, i) => String(i % 1000)) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(
      "The crosstab would have 1,001 × 1,000 cells (more than 1,000,000). " +
        "One side has nearly one label per client; check that the label column is a segment, not an id.",
    );
  });
});

describe("label order", () => {
  it("sorts numbers numerically and digit runs as numbers", () => {
    expect(["10", "2", "-1", "2.5", "0"].sort(naturalCompare)).toEqual([
      "-1",
      "0",
      "2",
      "2.5",
      "10",
    ]);
    expect(["cluster 10", "cluster 2", "At risk"].sort(naturalCompare)).toEqual([
      "At risk",
      "cluster 2",
      "cluster 10",
    ]);
  });

  it("puts preferred labels first, skipping absent ones", () => {
    expect(orderLabels(["b", "a", "c", "a"], ["c", "zzz"])).toEqual(["c", "a", "b"]);
  });
});
