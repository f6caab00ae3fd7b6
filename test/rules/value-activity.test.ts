import { describe, expect, it } from "vitest";
import { valueActivityMatrix } from "../../src/rules/index.js";

describe("valueActivityMatrix", () => {
  it("splits at the medians: high value = monetary ≥ median, active = recency_days ≤ median", () => {
    // monetary 100 200 300 400 → median 250; recency 10 50 20 100 → median (20 + 50)/2 = 35.
    const r = valueActivityMatrix([100, 200, 300, 400], [10, 50, 20, 100], ["a", "b", "c", "d"]);
    expect([r.valueCut, r.activityCut]).toEqual([250, 35]);
    expect(r.quadrant).toEqual(["rising", "dormant", "star", "sleepingGiant"]);
    expect(r.label[2]).toBe("Star: high value, active");
    expect(r.cells.map((c) => [c.name, c.count, c.share, c.highValue, c.active])).toEqual([
      ["Star: high value, active", 1, 0.25, true, true],
      ["Sleeping giant: high value, inactive", 1, 0.25, true, false],
      ["Rising: low value, active", 1, 0.25, false, true],
      ["Dormant: low value, inactive", 1, 0.25, false, false],
    ]);
  });

  it("counts values on the median as high value / active", () => {
    // monetary median 2 (1 2 2 3), recency median 5 (5 5 5 9).
    const r = valueActivityMatrix([1, 2, 2, 3], [5, 5, 9, 5], ["a", "b", "c", "d"]);
    expect(r.quadrant).toEqual(["rising", "star", "sleepingGiant", "star"]);
  });

  it("takes numeric cuts and custom names", () => {
    const r = valueActivityMatrix([100, 900], [10, 200], ["a", "b"], {
      valueCut: 1000,
      activityCut: 90,
      names: { rising: "潜力", dormant: "沉睡" },
    });
    expect(r.label).toEqual(["潜力", "沉睡"]);
  });
});
