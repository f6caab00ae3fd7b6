/**
 * The per-k views section (one side-by-side SVG per k with its bars and
 * points, and a text alternative from the numbers, in both languages) and
 * the profile table's stability column (Hennig's reading words for given
 * Jaccards).
 */
import { describe, expect, it } from "vitest";
import { localeFor } from "../../src/report/i18n/locale.js";
import type { KViewsData } from "../../src/report/sections/k-views.js";
import { kViewsSection } from "../../src/report/sections/k-views.js";
import { profileTableSection } from "../../src/report/sections/profile-table.js";
import { sectionContext } from "../../src/report/sections/section.js";
import { makeReportInput } from "./fixture.js";

/** Two k by hand: k = 2 without a negative row, k = 3 with cluster 2 at 25% below zero. */
const DATA: KViewsData = {
  sampleRows: 8,
  totalRows: 100,
  explained: [0.6, 0.3],
  recommendedK: 2,
  views: [
    {
      k: 2,
      silhouette: 0.5,
      clusters: [
        { cluster: 0, rows: 4, mean: 0.6, negativeShare: 0, bars: [0.8, 0.6, 0.5] },
        { cluster: 1, rows: 4, mean: 0.4, negativeShare: 0, bars: [0.5, 0.3] },
      ],
      points: [
        { x: 0, y: 0, cluster: 0 },
        { x: 1, y: 1, cluster: 1 },
        { x: 2, y: 0, cluster: 1 },
      ],
    },
    {
      k: 3,
      silhouette: 0.3,
      clusters: [
        { cluster: 0, rows: 2, mean: 0.5, negativeShare: 0, bars: [0.6, 0.4] },
        { cluster: 1, rows: 2, mean: 0.4, negativeShare: 0, bars: [0.4] },
        { cluster: 2, rows: 4, mean: 0.15, negativeShare: 0.25, bars: [0.4, 0.2, -0.1] },
      ],
      points: [
        { x: 0, y: 0, cluster: 0 },
        { x: 1, y: 1, cluster: 2 },
        { x: 2, y: 0, cluster: 1 },
      ],
    },
  ],
};

describe("kViewsSection", () => {
  it("renders one SVG per k with its bars and points, and a text alternative from the numbers", async () => {
    const section = await kViewsSection(DATA, sectionContext());
    const html = section.html.toString();
    expect(section.id).toBe("k-views");
    const figures = html.split("<figure").slice(1);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain("k = 2 (recommended)");
    expect(figures[0]).toContain('aria-label="k = 2: mean silhouette 0.50; no row is below zero."');
    expect(figures[1]).toContain(
      'aria-label="k = 3: mean silhouette 0.30; cluster 2 has 25% of its rows below zero."',
    );
    for (const [i, figure] of figures.entries()) {
      expect(figure.match(/<svg/g)).toHaveLength(1);
      const view = DATA.views[i]!;
      const bars = view.clusters.reduce((s, c) => s + c.bars.length, 0);
      // Knife bars are rects drawn as "M…h…v…h…Z" paths; map points as circle paths.
      const rects =
        figure.match(/<path d="M[-\d.]+,[-\d.]+h[-\d.]+v[-\d.]+h[-\d.]+Z" fill="#/g) ?? [];
      expect(rects).toHaveLength(bars);
      const circles = figure.match(/d="M2,0A2,2,0,1,1,-2,0A2,2,0,1,1,2,0"/g) ?? [];
      expect(circles).toHaveLength(view.points.length);
    }
  });

  it("speaks Chinese in a zh-CN report", async () => {
    const html = (await kViewsSection(DATA, sectionContext({ lang: "zh-CN" }))).html.toString();
    expect(html).toContain("k = 2（推荐）");
    expect(html).toContain("k = 3：平均轮廓系数 0.30；簇 2 有 25% 的行轮廓系数低于零。");
    expect(html).toContain("轮廓系数");
    expect(html).toContain("主成分 1（60.0%）");
  });
});

describe("profileTableSection's stability column", () => {
  const profiles = makeReportInput().cluster!.profiles;
  // Jaccards on each side of Hennig's cut points: 0.5 dissolved, 0.59 not trusted, 0.6 doubtful, 0.8 stable, 0.85 highly stable.
  const jaccards = [0.5, 0.59, 0.6, 0.8, 0.85];
  const verdicts = [
    "dissolved",
    "not-trustworthy",
    "doubtful-members",
    "stable",
    "highly-stable",
  ] as const;
  const stability = {
    resamples: 20,
    rows: 4330,
    sampled: false,
    clusters: profiles.clusters.map((c, i) => ({
      cluster: c.cluster,
      jaccard: jaccards[i % 5]!,
      verdict: verdicts[i % 5]!,
    })),
  };

  it("shows each cluster's mean Jaccard with its reading word, and how it was computed", () => {
    const html = profileTableSection(
      profiles,
      sectionContext({ profiles }),
      stability,
    ).html.toString();
    expect(html).toContain("<th");
    expect(html).toContain("Stability");
    const words = [
      "0.50 dissolved",
      "0.59 not trusted",
      "0.60 doubtful",
      "0.80 stable",
      "0.85 highly stable",
    ];
    for (const i of profiles.clusters.keys()) expect(html).toContain(words[i % 5]);
    expect(html).toContain("in 20 bootstrap resamples of all 4,330 rows");
  });

  it("has no stability column without stability, and Chinese words in zh-CN", () => {
    const en = profileTableSection(profiles, sectionContext({ profiles })).html.toString();
    expect(en).not.toContain("Stability");
    const zh = profileTableSection(
      profiles,
      sectionContext({ profiles, lang: "zh-CN" }),
      stability,
    ).html.toString();
    expect(zh).toContain("稳定性");
    expect(zh).toContain("0.50 已瓦解");
    expect(localeFor("zh-CN").t("stability.highlyStable")).toBe("高度稳定");
  });
});
