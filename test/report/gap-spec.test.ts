import { describe, expect, it } from "vitest";
import { gapSpec } from "../../src/report/specs/gap.js";

describe("gapSpec", () => {
  const points = [
    { k: 1, gap: 0.1, se: 0.02 },
    { k: 2, gap: 0.5, se: 0.05 },
    { k: 3, gap: Number.NaN, se: 0.01 },
  ];

  it("one value per finite point with gap ± se as the error bar's ends", () => {
    const spec = gapSpec(points, { gapK: 2 }) as { data: { values: unknown[] }; layer: unknown[] };
    expect(spec.data.values).toEqual([
      { k: 1, gap: 0.1, low: 0.1 - 0.02, high: 0.1 + 0.02 },
      { k: 2, gap: 0.5, low: 0.5 - 0.05, high: 0.5 + 0.05 },
    ]);
    // error bars, the curve, the gap's pick
    expect(spec.layer).toHaveLength(3);
    expect(JSON.stringify(spec.layer[2])).toContain('"values":[{"k":2}]');
  });

  it("no pick: no rule", () => {
    const spec = gapSpec(points, { gapK: null }) as { layer: unknown[] };
    expect(spec.layer).toHaveLength(2);
  });
});
