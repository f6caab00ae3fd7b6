/**
 * Chart tips prepared in Node for the interactive layer: which marks get a
 * tooltip, the packed form and its inverse, the escaping of the metadata,
 * that collecting changes nothing the reader sees in the static SVG, and
 * that a chart's tips line up with its `role-mark` groups, item by item.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import {
  embedChartTips,
  packTips,
  unpackTips,
  withChartTips,
  withTooltips,
  type ChartTips,
  type Tip,
} from "../../src/report/interact/chart-tips.js";
import { renderSvg } from "../../src/report/render.js";

const HOSTILE = "</metadata><script>alert(1)</script> & <b>";

const scatter: TopLevelSpec = {
  data: {
    values: [
      { x: 1, y: 2, group: "A" },
      { x: 2, y: 1, group: HOSTILE },
      { x: 3, y: 3, group: "A" },
    ],
  },
  mark: "point",
  encoding: {
    x: { field: "x", type: "quantitative", title: "Recency" },
    y: { field: "y", type: "quantitative" },
    color: { field: "group", type: "nominal" },
  },
};

const layered: TopLevelSpec = {
  data: {
    values: [
      { k: 2, v: 10 },
      { k: 3, v: 6 },
      { k: 4, v: 5 },
    ],
  },
  layer: [
    {
      mark: { type: "line" },
      encoding: {
        x: { field: "k", type: "quantitative" },
        y: { field: "v", type: "quantitative", title: "Inertia" },
      },
    },
    {
      mark: "point",
      encoding: {
        x: { field: "k", type: "quantitative" },
        y: { field: "v", type: "quantitative" },
        tooltip: [{ field: "k", title: "Chosen k" }],
      },
    },
  ],
};

function tipsOf(svg: string): ChartTips {
  const text = /<metadata class="segwork-tips">([\s\S]*?)<\/metadata>/.exec(svg)?.[1];
  if (text === undefined) throw new Error("no tips in the SVG");
  return JSON.parse(text.replace(/&lt;/g, "<").replace(/&amp;/g, "&")) as ChartTips;
}

const roleMarkGroups = (svg: string): number =>
  (svg.match(/<g class="mark-[a-z]+ role-mark\b/g) ?? []).length;

describe("withTooltips", () => {
  it("adds vega-lite's encoding tooltip to every mark without one, in layers too", () => {
    const out = withTooltips(layered) as unknown as { layer: { mark: unknown }[] };
    expect(out.layer[0]!.mark).toEqual({ type: "line", tooltip: { content: "encoding" } });
    // the point layer has a tooltip encoding of its own: left as it is
    expect(out.layer[1]!.mark).toBe("point");
    expect((withTooltips(scatter) as { mark: unknown }).mark).toEqual({
      type: "point",
      tooltip: { content: "encoding" },
    });
  });

  it("reaches concatenated and faceted views and leaves its input unchanged", () => {
    const spec = {
      hconcat: [scatter, { facet: { field: "g" }, spec: { mark: { type: "bar", tooltip: null } } }],
    } as unknown as TopLevelSpec;
    const before = JSON.stringify(spec);
    const out = withTooltips(spec) as unknown as {
      hconcat: [{ mark: unknown }, { spec: { mark: unknown } }];
    };
    expect(out.hconcat[0].mark).toEqual({ type: "point", tooltip: { content: "encoding" } });
    expect(out.hconcat[1].spec.mark).toEqual({ type: "bar", tooltip: null });
    expect(JSON.stringify(spec)).toBe(before);
  });
});

describe("packTips / unpackTips", () => {
  it("packs field lists by columns, repeated values by index", () => {
    const tips: Tip[] = [
      [
        ["k", "2"],
        ["Cluster", "A"],
      ],
      [
        ["k", "3"],
        ["Cluster", "A"],
      ],
      [["k", "4"]],
      [
        ["k", "5"],
        ["Cluster", "A"],
      ],
    ];
    expect(packTips(tips)).toEqual({
      k: ["k", "Cluster"],
      c: [["2", "3", "4", "5"], { d: ["A"], i: [0, 0, -1, 0] }],
    });
    expect(unpackTips(packTips(tips))).toEqual(tips);
  });

  it("keeps tips as they are when one is plain text or none", () => {
    const tips: Tip[] = ["a", 0, [["x", "1"]]];
    expect(packTips(tips)).toEqual({ tips });
  });

  it("unpacks what it packs (any field lists with the same field order)", () => {
    const keys = ["a", "b", "c"];
    const tip = fc
      .subarray(keys, { minLength: 1 })
      .chain((present) =>
        fc.tuple(
          ...present.map((key) => fc.tuple(fc.constant(key), fc.constantFrom("x", "y", "1"))),
        ),
      )
      .map((pairs) => pairs as [string, string][]);
    fc.assert(
      fc.property(fc.array(tip, { minLength: 1, maxLength: 30 }), (tips) => {
        // packing orders fields by first appearance; compare field sets per tip
        const sorted = (t: Tip[]) => t.map((x) => (Array.isArray(x) ? [...x].sort() : x));
        expect(sorted(unpackTips(packTips(tips)))).toEqual(sorted(tips));
      }),
    );
  });
});

describe("embedChartTips", () => {
  it("escapes the JSON so a hostile label cannot close the metadata", () => {
    const svg = embedChartTips('<svg width="1"><g/></svg>', {
      marks: [{ tips: [[["name", HOSTILE]]] }],
    });
    expect(svg).not.toContain("</metadata><script>");
    expect(svg).not.toContain("<b>");
    expect(svg.match(/<\/metadata>/g)).toHaveLength(1);
    expect(tipsOf(svg).marks[0]).toEqual({ tips: [[["name", HOSTILE]]] });
  });

  it("adds nothing when no mark has a tip", () => {
    expect(embedChartTips("<svg><g/></svg>", { marks: [0, 0] })).toBe("<svg><g/></svg>");
  });
});

describe("renderSvg with chart tips", () => {
  it("draws the same SVG; only the metadata is added, and only inside withChartTips", async () => {
    for (const spec of [scatter, layered]) {
      const plain = await renderSvg(spec);
      expect(plain).not.toContain("<metadata");
      const tipped = await withChartTips(() => renderSvg(spec));
      expect(tipped.replace(/<metadata[\s\S]*?<\/metadata>/, "")).toBe(plain);
    }
  });

  it("gives each point its fields under their titles, in drawing order", async () => {
    const tips = tipsOf(await withChartTips(() => renderSvg(scatter)));
    expect(tips.marks).toHaveLength(1);
    expect(unpackTips(tips.marks[0] as Exclude<ChartTips["marks"][number], 0>)).toEqual([
      [
        ["Recency", "1"],
        ["y", "2"],
        ["group", "A"],
      ],
      [
        ["Recency", "2"],
        ["y", "1"],
        ["group", HOSTILE],
      ],
      [
        ["Recency", "3"],
        ["y", "3"],
        ["group", "A"],
      ],
    ]);
  });

  it("shows numbers without a format of their own with at most four decimals, keeps an axis format", async () => {
    const spec: TopLevelSpec = {
      data: { values: [{ x: 6555.256824, y: 12345 }] },
      mark: "point",
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative", axis: { format: ".1f" } },
      },
    };
    const [mark] = tipsOf(await withChartTips(() => renderSvg(spec))).marks;
    expect(unpackTips(mark as Exclude<typeof mark, 0>)).toEqual([
      [
        ["x", "6,555.2568"],
        ["y", "12345.0"],
      ],
    ]);
  });

  it("lines up with the role-mark groups: a line's items with positions, a spec's own tooltip kept", async () => {
    const svg = await withChartTips(() => renderSvg(layered));
    const tips = tipsOf(svg);
    expect(tips.marks).toHaveLength(roleMarkGroups(svg));
    const [line, points] = tips.marks as Exclude<ChartTips["marks"][number], 0>[];
    expect(unpackTips(line!)).toEqual([
      [
        ["k", "2"],
        ["Inertia", "10"],
      ],
      [
        ["k", "3"],
        ["Inertia", "6"],
      ],
      [
        ["k", "4"],
        ["Inertia", "5"],
      ],
    ]);
    // x grows with k, y falls with the value: positions are the items', in order
    const at = line!.at!;
    expect(at).toHaveLength(3);
    expect(at[0]![0]).toBeLessThan(at[1]![0]);
    expect(at[0]![1]).toBeLessThan(at[1]![1]);
    expect(unpackTips(points!)).toEqual([
      [["Chosen k", "2"]],
      [["Chosen k", "3"]],
      [["Chosen k", "4"]],
    ]);
  });
});
