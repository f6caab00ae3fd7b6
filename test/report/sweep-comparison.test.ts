import { describe, expect, it } from "vitest";
import type { SweepRow } from "../../src/evaluate/types.js";
import { countMarks, renderChart } from "../../src/report/render.js";
import { sweepComparisonSpec } from "../../src/report/specs/index.js";
import { expectValidSpec } from "../helpers/vega-schema.js";

const row = (k: number, silhouette: number, inertia = 100 / k): SweepRow => ({
  k,
  inertia,
  silhouette,
  calinskiHarabasz: 10 * k,
  daviesBouldin: 1 / k,
  iterations: 3,
});

const Z = [row(2, 0.9), row(3, 0.6), row(4, 0.61)];
const LOG = [row(2, 0.4), row(3, Number.NaN), row(4, 0.38)];

describe("sweepComparisonSpec", () => {
  it("is valid and draws one line with a point per finite value for each sweep", async () => {
    const spec = sweepComparisonSpec(
      [
        { name: "z-score", rows: Z },
        { name: "log <money>", rows: LOG },
      ],
      { index: "silhouette", title: "Silhouette by scaling" },
    );
    expectValidSpec(spec);
    const { svg, warnings } = await renderChart(spec);
    expect(warnings).toEqual([]);
    // Two lines; 3 + 2 points (the NaN silhouette at k = 3 is left out).
    expect(countMarks(svg)).toBe(2 + 3 + 2);
    expect(svg).toContain("Silhouette (higher is better)");
    expect(svg).toContain("log &lt;money&gt;"); // a series name is text, escaped by vega
  });

  it("keeps the series order in the colour domain and plots the chosen index", () => {
    const spec = sweepComparisonSpec(
      [
        { name: "b", rows: Z },
        { name: "a", rows: LOG },
      ],
      { index: "calinskiHarabasz" },
    ) as { encoding: { color: { scale: { domain: string[] } } }; data: { values: object[] } };
    expect(spec.encoding.color.scale.domain).toEqual(["b", "a"]);
    expect(spec.data.values).toContainEqual({ k: 4, value: 40, series: "a" });
    expect(spec.data.values).toHaveLength(6);
  });

  it("gives a valid empty chart for no series", () => {
    expectValidSpec(sweepComparisonSpec([]));
  });
});
