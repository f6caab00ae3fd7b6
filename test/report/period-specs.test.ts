/**
 * The period chart builders: migration heatmap, segment shares over time,
 * KPI trends and the alluvial flow. Each validates against vega-lite's
 * schema, renders without a warning, draws the expected marks and shows a
 * hostile segment name only as escaped text; the flow layout is checked on
 * a hand-worked case and for conservation.
 */
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { migrationBetween, segmentKpis, type PeriodActivity } from "../../src/compare/index.js";
import { countMarks, renderChart } from "../../src/report/render.js";
import { flowChartSpec, flowLayout } from "../../src/report/specs/flow.js";
import {
  migrationHeatmapSpec,
  stateColors,
  STATE_COLORS,
} from "../../src/report/specs/migration.js";
import { kpiTrendsSpec, segmentSharesOverTimeSpec } from "../../src/report/specs/period-trends.js";
import { expectValidSpec } from "../helpers/vega-schema.js";
import { HOSTILE_SEGMENT } from "../report-segments/hostile.js";

async function expectRenders(spec: TopLevelSpec): Promise<string> {
  expectValidSpec(spec);
  const { svg, warnings } = await renderChart(spec);
  expect(warnings).toEqual([]);
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).not.toContain(HOSTILE_SEGMENT);
  expect(svg).not.toMatch(/<img/i);
  return svg;
}

const period = (
  name: string,
  rows: [string, string, number, number, number][],
): PeriodActivity & { isNew: number[] } => ({
  period: name,
  ids: rows.map((r) => r[0]),
  labels: rows.map((r) => r[1]),
  recencyDays: rows.map((r) => r[2]),
  periodRevenue: rows.map((r) => r[3]),
  periodOrders: rows.map((r) => r[4]),
  isNew: rows.map(() => 0),
});
const q1 = period("2011-Q1", [
  ["a", "Champions", 5, 500, 3],
  ["b", HOSTILE_SEGMENT, 20, 100, 1],
  ["c", "Lost", 400, 0, 0],
]);
const q2 = {
  ...period("2011-Q2", [
    ["a", "Champions", 3, 600, 2],
    ["b", "Champions", 10, 80, 1],
    ["c", HOSTILE_SEGMENT, 30, 40, 1],
    ["d", "Lost", 60, 20, 1],
  ]),
  isNew: [0, 0, 0, 1],
};
const migration = migrationBetween(q1, q2, { order: ["Champions", HOSTILE_SEGMENT, "Lost"] });
const kpis = segmentKpis([q1, q2], { order: ["Champions", HOSTILE_SEGMENT, "Lost"] });

describe("migration heatmap", () => {
  it("draws one cell per state pair, labelled, with escaped names", async () => {
    const svg = await expectRenders(migrationHeatmapSpec(migration, { title: "RFM segments" }));
    // Rows: 3 segments + inactive + new; columns: 3 segments + inactive; a rect per cell,
    // a text per cell (empty ones draw an empty text).
    expect(countMarks(svg)).toBe(2 * 5 * 4);
    expect(svg).toContain("2011-Q1 (from)");
    expect(svg).toContain("&lt;img");
  });
});

describe("segment shares over time and KPI trends", () => {
  it("stacks each segment's share of clients and revenue per period", async () => {
    const svg = await expectRenders(segmentSharesOverTimeSpec(kpis, { partial: ["2011-Q2"] }));
    expect(svg).toContain("2011-Q2 (partial)");
    expect(svg).toContain("Share of revenue");
    // Q1: Champions, the hostile one, Lost (empty: c is inactive) and inactive; Q2: the three
    // segments (nobody inactive). A bar each, in both panels.
    expect(countMarks(svg)).toBe(2 * (4 + 3));
  });

  it("draws a line per segment and one for all clients, leaving out unknown values", async () => {
    const svg = await expectRenders(
      kpiTrendsSpec(kpis, { kpis: ["avg_order_value", "repurchase_rate"] }),
    );
    expect(svg).toContain("all clients");
    expect(svg).toContain("Repurchase rate (next period)");
  });

  it("gives states their fixed colours and segments the palette in turn", () => {
    expect(stateColors(["A", "new", "B", "inactive"])).toEqual({
      domain: ["A", "new", "B", "inactive"],
      range: ["#cc6677", STATE_COLORS.new, "#332288", STATE_COLORS.inactive],
    });
  });
});

describe("flow chart", () => {
  it("lays out a hand-worked two-state flow", () => {
    // A → A: 3, new → A: 1; no gap: left A holds [0, 0.75), new [0.75, 1]; right A all of [0, 1].
    const layout = flowLayout({ rows: ["A", "new"], columns: ["A"], counts: [[3], [1]] }, 0);
    expect(layout.nodes).toEqual([
      { side: "from", state: "A", clients: 3, y0: 0, y1: 0.75 },
      { side: "from", state: "new", clients: 1, y0: 0.75, y1: 1 },
      { side: "to", state: "A", clients: 4, y0: 0, y1: 1 },
    ]);
    expect(layout.bands).toEqual([
      { from: "A", to: "A", clients: 3, left: [0, 0.75], right: [0, 0.75] },
      { from: "new", to: "A", clients: 1, left: [0.75, 1], right: [0.75, 1] },
    ]);
  });

  it("conserves clients: bands fill their nodes exactly on both sides", () => {
    const layout = flowLayout(migration);
    for (const node of layout.nodes) {
      const ends = layout.bands
        .filter((b) => (node.side === "from" ? b.from : b.to) === node.state)
        .map((b) => (node.side === "from" ? b.left : b.right))
        .sort((a, b) => a[0] - b[0]);
      expect(ends[0]![0]).toBeCloseTo(node.y0, 12);
      expect(ends.at(-1)![1]).toBeCloseTo(node.y1, 12);
      for (let i = 1; i < ends.length; i++) expect(ends[i]![0]).toBeCloseTo(ends[i - 1]![1], 12);
    }
    const bands = layout.bands.reduce((s, b) => s + b.clients, 0);
    expect(bands).toBe(q2.ids.length);
  });

  it("renders bands and nodes with escaped labels", async () => {
    const svg = await expectRenders(flowChartSpec(migration));
    const layout = flowLayout(migration);
    // One area per band, one rect and one label per node.
    expect(countMarks(svg)).toBe(layout.bands.length + 2 * layout.nodes.length);
    expect(svg).toContain("Champions (2)");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt; (1)");
  });
});
