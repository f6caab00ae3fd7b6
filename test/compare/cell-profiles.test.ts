/**
 * Crosstab cell profiles on seven hand-made clients: counts, shares, revenue
 * and medians worked out below; a client the table lacks counts with
 * missing values; every cell's clients add up to the matched total (property).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSegmentations, crosstabCellProfiles } from "../../src/compare/index.js";
import { makeTable } from "./helpers.js";

// id, recency, monetary
const rows = [
  ["c1", "10", "100"],
  ["c2", "20", "300"],
  ["c3", "30", "600"],
  ["c4", "200", "50"],
  ["c5", "300", "150"],
  ["c6", "5", "4000"],
];
const table = makeTable("clients.csv", ["id", "recency_days", "monetary"], rows, { id: "id" });
// c7 is labelled on both sides but not in the table.
const a = {
  ids: ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
  labels: ["0", "0", "0", "1", "1", "0", "1"],
};
const b = { ids: a.ids, labels: ["Loyal", "Loyal", "Lost", "Lost", "Lost", "Loyal", "Lost"] };

describe("crosstabCellProfiles (hand-worked)", () => {
  const comparison = compareSegmentations(a, b, { nameA: "A", nameB: "B", featureColumns: [] });
  const cells = crosstabCellProfiles(comparison, table, {
    features: ["recency_days", "monetary"],
    revenue: "monetary",
  });

  it("lists the non-empty cells in crosstab order", () => {
    // Rows 0, 1; columns in natural order: Lost, Loyal. Cell (1, Loyal) is empty.
    expect(cells.map((c) => [c.aLabel, c.bLabel, c.clients])).toEqual([
      ["0", "Lost", 1],
      ["0", "Loyal", 3],
      ["1", "Lost", 3],
    ]);
  });

  it("gives shares of each side's label", () => {
    // Label 0 has 4 clients, Loyal 3, Lost 4 (c3, c4, c5, c7).
    expect(cells[1]!.shareOfA).toBe(3 / 4);
    expect(cells[1]!.shareOfB).toBe(1);
    expect(cells[0]!.shareOfB).toBe(1 / 4);
  });

  it("sums revenue and takes medians, skipping the client the table lacks", () => {
    // Total revenue 100 + 300 + 600 + 50 + 150 + 4000 = 5200 (c7 missing).
    expect(cells[1]!.revenue).toBe(4400);
    expect(cells[1]!.revenueShare).toBeCloseTo(4400 / 5200, 15);
    // Loyal of 0: recency 10, 20, 5 → median 10; monetary 100, 300, 4000 → 300.
    expect(cells[1]!.medians).toEqual({ recency_days: 10, monetary: 300 });
    // Lost of 1: c4, c5 and c7 (missing): recency 200, 300 → 250; monetary 50, 150 → 100.
    expect(cells[2]!.medians).toEqual({ recency_days: 250, monetary: 100 });
    expect(cells[2]!.revenue).toBe(200);
  });

  it("leaves revenue NaN without a revenue column", () => {
    const plain = crosstabCellProfiles(comparison, table, { features: ["recency_days"] });
    expect(plain[0]!.revenue).toBeNaN();
    expect(plain[0]!.revenueShare).toBeNaN();
  });
});

describe("crosstabCellProfiles (property)", () => {
  it("cells partition the matched clients and the revenue", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 3 }),
            fc.integer({ min: 0, max: 1000 }),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (clients) => {
          const ids = clients.map((_, i) => `c${i}`);
          const t = makeTable(
            "t.csv",
            ["id", "monetary"],
            clients.map(([, , m], i) => [ids[i]!, String(m)]),
            { id: "id" },
          );
          const comparison = compareSegmentations(
            { ids, labels: clients.map(([x]) => String(x)) },
            { ids, labels: clients.map(([, y]) => `s${y}`) },
            { nameA: "A", nameB: "B", featureColumns: [] },
          );
          const cells = crosstabCellProfiles(comparison, t, {
            features: ["monetary"],
            revenue: "monetary",
          });
          const total = clients.reduce((s, [, , m]) => s + m, 0);
          expect(cells.reduce((s, c) => s + c.clients, 0)).toBe(clients.length);
          expect(cells.reduce((s, c) => s + c.revenue, 0)).toBe(total);
          // Integer revenue: the shares add to 1 up to rounding (|error| ≤ 40 ulp-sized terms).
          if (total > 0)
            expect(Math.abs(cells.reduce((s, c) => s + c.revenueShare, 0) - 1)).toBeLessThan(1e-12);
        },
      ),
      { seed: 10, numRuns: 200 },
    );
  });
});
