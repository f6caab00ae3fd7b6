import { beforeAll, describe, expect, it } from "vitest";
import { expectValidSpec } from "../helpers/vega-schema.js";
import type { TopLevelSpec } from "vega-lite";
import type { SweepRow } from "../../src/evaluate/types.js";
import type { ClusterReportInput } from "../../src/report/types.js";
import {
  countMarks,
  renderChart,
  roundSvgGeometry,
  scopeSvgIds,
  stripSvgAria,
} from "../../src/report/render.js";
import {
  CLUSTER_PALETTE,
  clusterColor,
  clusterColorScale,
  clusterName,
  clusterSizeSpec,
  elbowSpec,
  heatmapLimit,
  knifeLayout,
  magnitudeFormat,
  pcAxisTitle,
  pcaScatterSpec,
  profileHeatmapSpec,
  qualityIndicesSpec,
  silhouetteKnifeSpec,
  thinPoints,
} from "../../src/report/specs/index.js";
import { estimateTextWidth, vegaTextWidth } from "../../src/report/text-metrics.js";
import { HOSTILE_FEATURE, HOSTILE_LABEL, makeReportInput } from "./fixture.js";

async function expectRenders(spec: TopLevelSpec): Promise<string> {
  const { svg, warnings } = await renderChart(spec);
  expect(warnings).toEqual([]);
  expect(svg.startsWith("<svg")).toBe(true);
  return svg;
}

const ROWS: SweepRow[] = [
  {
    k: 2,
    inertia: 2677,
    silhouette: 0.495,
    calinskiHarabasz: 1859.6,
    daviesBouldin: 0.77,
    iterations: 6,
  },
  {
    k: 3,
    inertia: 2180,
    silhouette: 0.412,
    calinskiHarabasz: 1311.1,
    daviesBouldin: 0.794,
    iterations: 13,
  },
  {
    k: 4,
    inertia: 1422,
    silhouette: 0.399,
    calinskiHarabasz: 1605.7,
    daviesBouldin: 0.888,
    iterations: 10,
  },
  {
    k: 5,
    inertia: 1177,
    silhouette: 0.37,
    calinskiHarabasz: 1531.1,
    daviesBouldin: 0.965,
    iterations: 34,
  },
  {
    k: 6,
    inertia: 1084,
    silhouette: Number.NaN,
    calinskiHarabasz: 1354.8,
    daviesBouldin: 1.111,
    iterations: 13,
  },
];

let input: ClusterReportInput;
beforeAll(() => {
  input = makeReportInput();
});

describe("elbowSpec", () => {
  it("is a valid spec that compiles without warnings, with and without a knee", () => {
    expectValidSpec(elbowSpec(ROWS, { elbowK: 4, recommendedK: 4 }));
    expectValidSpec(elbowSpec(ROWS, { elbowK: null, recommendedK: 2 }));
    expectValidSpec(elbowSpec([], { elbowK: null }));
  });

  it("draws 5 points, the line, the knee rule and label and the circled recommended k", async () => {
    const svg = await expectRenders(elbowSpec(ROWS, { elbowK: 4, recommendedK: 4 }));
    // 1 line path + 5 points + 1 rule + 1 label + 1 circle = 9 mark items.
    expect(countMarks(svg)).toBe(9);
    expect(svg).toContain("knee at k = 4");
  });

  it("omits the knee when there is none", async () => {
    const svg = await expectRenders(elbowSpec(ROWS, { elbowK: null }));
    expect(countMarks(svg)).toBe(6);
    expect(svg).not.toContain("knee at");
  });
});

describe("qualityIndicesSpec", () => {
  it("is valid and draws three panels, leaving out the NaN silhouette", async () => {
    const spec = qualityIndicesSpec(ROWS, { recommendedK: 4 });
    expectValidSpec(spec);
    const svg = await expectRenders(spec);
    // Silhouette: line + 4 points (k=6 is NaN); CH and DB: line + 5 points each; each panel rule + circle.
    expect(countMarks(svg)).toBe(1 + 4 + 2 + (1 + 5 + 2) * 2);
    for (const title of [
      "Silhouette (higher is better)",
      "Calinski–Harabasz (higher is better)",
      "Davies–Bouldin (lower is better)",
    ]) {
      expect(svg).toContain(title);
    }
  });
});

describe("knifeLayout", () => {
  it("groups by cluster, sorts each group from high to low, and leaves a gap", () => {
    // Cluster 0: 0.1, 0.5, 0.3 → bars 0.5, 0.3, 0.1 at y 0..3; gap = max(2, round(4 × 0.025)) = 2;
    // cluster 1 at y 5..6; extent 6; middles 1.5 and 5.5; means 0.3 and 0.2.
    const layout = knifeLayout(
      [
        { cluster: 1, silhouette: 0.2 },
        { cluster: 0, silhouette: 0.1 },
        { cluster: 0, silhouette: 0.5 },
        { cluster: 0, silhouette: 0.3 },
      ],
      2000,
    );
    expect(layout.bars.map((bar) => [bar.cluster, bar.silhouette, bar.y0, bar.y1])).toEqual([
      [0, 0.5, 0, 1],
      [0, 0.3, 1, 2],
      [0, 0.1, 2, 3],
      [1, 0.2, 5, 6],
    ]);
    expect(layout.extent).toBe(6);
    expect(layout.groups.map((g) => g.mid)).toEqual([1.5, 5.5]);
    expect(layout.groups[0]!.mean).toBeCloseTo(0.3, 12);
    expect(layout.groups[1]!.mean).toBeCloseTo(0.2, 12);
  });

  it("thins to at most maxBars, keeps each cluster's share, extremes and counts", () => {
    // 4,000 values in cluster 0 and 1,000 in cluster 1 → 5,000 > 2,000: factor 0.4 → 1,600 and 400 bars.
    const values = [
      ...Array.from({ length: 4000 }, (_, i) => ({ cluster: 0, silhouette: i / 4000 })),
      ...Array.from({ length: 1000 }, (_, i) => ({ cluster: 1, silhouette: -0.5 + i / 1000 })),
    ];
    const layout = knifeLayout(values, 2000);
    expect(layout.bars.length).toBe(2000);
    expect(layout.bars.filter((bar) => bar.cluster === 0).length).toBe(1600);
    expect(layout.groups.map((g) => g.count)).toEqual([4000, 1000]);
    // Evenly spaced quantiles keep both ends of each group.
    const cluster1 = layout.bars.filter((bar) => bar.cluster === 1).map((bar) => bar.silhouette);
    expect(cluster1[0]).toBeCloseTo(0.499, 12);
    expect(cluster1.at(-1)).toBeCloseTo(-0.5, 12);
  });

  it("gives a tiny cluster at least one bar and rejects maxBars < 1", () => {
    const values = [
      ...Array.from({ length: 10000 }, () => ({ cluster: 0, silhouette: 0.4 })),
      { cluster: 1, silhouette: -0.1 },
    ];
    expect(knifeLayout(values, 100).bars.filter((bar) => bar.cluster === 1).length).toBe(1);
    expect(() => knifeLayout(values, 0)).toThrow("maxBars must be at least 1, got 0");
  });
});

describe("silhouetteKnifeSpec", () => {
  it("is valid and draws one bar per sampled row plus labels and the average", async () => {
    const data = input.cluster!.silhouette;
    const spec = silhouetteKnifeSpec(data, { names: { 0: HOSTILE_LABEL } });
    expectValidSpec(spec);
    const svg = await expectRenders(spec);
    const k = input.cluster!.k;
    // One rect per value (1,200 < 2,000), one label per cluster, the average rule and its label.
    expect(countMarks(svg)).toBe(data.values.length + k + 2);
    expect(svg).toContain(`average ${data.average.toFixed(2)}`);
  });

  it("caps the bars at 2,000", async () => {
    const values = Array.from({ length: 6000 }, (_, i) => ({
      cluster: i % 3,
      silhouette: (i % 100) / 100,
    }));
    const svg = await expectRenders(
      silhouetteKnifeSpec({ values, sampleSize: 6000, totalRows: 6000, average: 0.5 }),
    );
    // 3 clusters of 2,000: each keeps floor(2,000 × 2,000/6,000) = 666 bars → 1,998; plus 3 labels, rule, label.
    expect(countMarks(svg)).toBe(1998 + 3 + 2);
  });
});

describe("pcaScatterSpec", () => {
  it("is valid, draws every point and names the explained variance on the axes", async () => {
    const pca = input.cluster!.pca;
    const spec = pcaScatterSpec(pca);
    expectValidSpec(spec);
    const svg = await expectRenders(spec);
    // Legend symbols are guides, not marks: exactly one mark item per point.
    expect(countMarks(svg)).toBe(pca.points.length);
    expect(svg).toContain(pcAxisTitle(1, pca.explained[0]));
    expect(svg).toContain(pcAxisTitle(2, pca.explained[1]));
  });

  it("caps the points at 3,000", async () => {
    const points = Array.from({ length: 7000 }, (_, i) => ({
      x: Math.cos(i),
      y: Math.sin(i * 1.3),
      cluster: i % 4,
    }));
    const svg = await expectRenders(
      pcaScatterSpec({ explained: [0.6, 0.3], points, totalRows: 7000 }),
    );
    expect(countMarks(svg)).toBe(3000);
  });

  it("thins points by an even stride and titles axes with one decimal", () => {
    expect(thinPoints([1, 2, 3, 4, 5], 2)).toEqual([1, 3]);
    expect(thinPoints([1, 2], 5)).toEqual([1, 2]);
    expect(pcAxisTitle(1, 0.4321)).toBe("PC1 (43.2% of variance)");
  });
});

describe("profileHeatmapSpec and clusterSizeSpec", () => {
  it("heatmap is valid, has one cell and one value per cluster × feature, and escapes names", async () => {
    const profiles = input.cluster!.profiles;
    const spec = profileHeatmapSpec(profiles);
    expectValidSpec(spec);
    const svg = await expectRenders(spec);
    const cells = profiles.k * profiles.features.length;
    expect(countMarks(svg)).toBe(2 * cells);
    expect(svg).not.toContain(HOSTILE_FEATURE);
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain("Top spend &amp; &lt;b&gt;loyal&lt;/b&gt;");
  });

  it("heatmap colour limit is symmetric, at least 1, rounded up to a half", () => {
    expect(heatmapLimit([0.3, -2.2])).toBe(2.5);
    expect(heatmapLimit([0.2, Number.NaN])).toBe(1);
    expect(heatmapLimit([])).toBe(1);
  });

  it("size bars are valid with one bar and one label per cluster", async () => {
    const spec = clusterSizeSpec(input.cluster!.profiles.clusters);
    expectValidSpec(spec);
    const svg = await expectRenders(spec);
    expect(countMarks(svg)).toBe(2 * input.cluster!.k);
  });
});

describe("cluster colours", () => {
  it("are keyed by cluster number, the same in every chart", async () => {
    const names = { 0: "A", 2: "C" };
    expect(clusterColorScale([2, 0], names)).toEqual({
      domain: ["0: A", "2: C"],
      range: [CLUSTER_PALETTE[0], CLUSTER_PALETTE[2]],
    });
    expect(clusterColor(10)).toBe(CLUSTER_PALETTE[1]); // nine colours, then again
    expect(CLUSTER_PALETTE).toHaveLength(9);
    expect(clusterColor(0)).toBe("#cc6677"); // Tol muted: rose, indigo, sand, …
    expect(clusterColor(1)).toBe("#332288");
    expect(() => clusterColor(-1)).toThrow("cluster number must be a non-negative integer, got -1");
    expect(clusterName(3)).toBe("Cluster 3");

    // Cluster 2 alone in one chart and beside others in another: the same fill.
    const pcaSvg = (
      await renderChart(
        pcaScatterSpec({
          explained: [0.5, 0.2],
          points: [{ x: 0, y: 0, cluster: 2 }],
          totalRows: 1,
        }),
      )
    ).svg;
    const sizesSvg = (
      await renderChart(
        clusterSizeSpec([
          { cluster: 0, label: "A", size: 5, share: 0.5 },
          { cluster: 2, label: "C", size: 5, share: 0.5 },
        ]),
      )
    ).svg;
    expect(pcaSvg).toContain(`fill="${CLUSTER_PALETTE[2]}"`);
    expect(sizesSvg).toContain(`fill="${CLUSTER_PALETTE[2]}"`);
    expect(sizesSvg).toContain(`fill="${CLUSTER_PALETTE[0]}"`);
  });
});

describe("rendering helpers", () => {
  it("renders the same chart to the same SVG twice, with content-derived ids", async () => {
    const spec = profileHeatmapSpec(input.cluster!.profiles);
    const first = (await renderChart(spec)).svg;
    const second = (await renderChart(spec)).svg;
    expect(second).toBe(first);
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0); // the gradient legend
    for (const id of ids) expect(id).toMatch(/^v[0-9a-f]{8}-\d+$/);
  });

  it("scopes ids and their references", () => {
    const svg = '<svg><clipPath id="clip3"/><g clip-path="url(#clip3)"/><use href="#clip3"/></svg>';
    const scoped = scopeSvgIds(svg);
    const id = /id="([^"]+)"/.exec(scoped)![1]!;
    expect(id).toMatch(/^v[0-9a-f]{8}-0$/);
    expect(scoped).toBe(
      `<svg><clipPath id="${id}"/><g clip-path="url(#${id})"/><use href="#${id}"/></svg>`,
    );
  });

  it("leaves no ARIA role or label inside a chart SVG (the figure wrapper carries the text alternative)", async () => {
    // A layered chart with a legend and axes: vega gives its layer containers roles otherwise.
    const svg = (await renderChart(profileHeatmapSpec(input.cluster!.profiles))).svg;
    expect(svg).not.toMatch(/\s(role|aria-[a-z]+)="/);
    expect(
      stripSvgAria(
        '<svg role="graphics-document" aria-label="x"><g role="graphics-symbol" aria-roledescription="rect mark container" aria-hidden="true"><text>role="a"</text></g></svg>',
      ),
    ).toBe('<svg><g><text>role="a"</text></g></svg>');
  });

  it("rounds geometry to hundredths and leaves text alone", () => {
    expect(roundSvgGeometry('<path d="M50.909090909,0h337.93454v-0.0001Z"/>')).toBe(
      '<path d="M50.91,0h337.93v0Z"/>',
    );
    expect(roundSvgGeometry("<text>3.14159</text>")).toBe("<text>3.14159</text>");
  });

  it("estimates text width with Helvetica metrics", () => {
    // "k" is 500/1000 em; at 10 px that is 5 px. "Ab" = (667 + 556)/1000 × 12 = 14.676 px.
    expect(estimateTextWidth("k", 10)).toBeCloseTo(5, 12);
    expect(estimateTextWidth("Ab", 12)).toBeCloseTo(14.676, 12);
    // Bold is 7% wider; vega items default to 11 px and are trimmed.
    expect(estimateTextWidth("k", 10, true)).toBeCloseTo(5.35, 12);
    expect(vegaTextWidth({}, " k ")).toBeCloseTo(5.5, 12);
    expect(vegaTextWidth({ fontSize: 10, fontWeight: "bold" }, "k")).toBeCloseTo(5.35, 12);
  });

  it("chooses axis formats by magnitude", () => {
    expect(magnitudeFormat(2800)).toBe(",~f");
    expect(magnitudeFormat(2.5e6)).toBe("~s");
  });
});
