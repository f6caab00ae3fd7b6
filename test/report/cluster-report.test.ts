import { beforeAll, describe, expect, it } from "vitest";
import { renderClusterReport } from "../../src/report/documents/cluster-report.js";
import { formatTimestamp } from "../../src/report/format.js";
import { countMarks } from "../../src/report/render.js";
import type { ClusterReportInput } from "../../src/report/types.js";
import { HOSTILE_FEATURE, HOSTILE_LABEL, makeReportInput } from "./fixture.js";

function sectionIds(page: string): string[] {
  return [...page.matchAll(/<section class="report-section" id="([^"]+)"/g)].map((m) => m[1]!);
}

function svgs(page: string): string[] {
  return [...page.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
}

let full: ClusterReportInput;
let page: string;
beforeAll(async () => {
  full = makeReportInput({ exampleIds: false });
  page = await renderClusterReport(full);
});

describe("renderClusterReport with a sweep and a clustering", () => {
  it("has every section, in order", () => {
    expect(sectionIds(page)).toEqual([
      "at-a-glance",
      "summary",
      "data",
      "scaling",
      "elbow",
      "quality",
      "recommendation",
      "vote",
      "gap",
      "stability",
      "silhouette",
      "pca",
      "profiles",
      "sizes",
      "profile-table",
    ]);
  });

  it("inlines seven charts (the gap curve the seventh), each with marks", () => {
    const charts = svgs(page);
    expect(charts.length).toBe(7);
    for (const svg of charts) expect(countMarks(svg)).toBeGreaterThan(0);
  });

  it("escapes every user string: feature names, labels, source, command, title", () => {
    expect(page).not.toContain(HOSTILE_FEATURE);
    expect(page).not.toContain(HOSTILE_LABEL);
    expect(page).not.toContain("<draft>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("Top spend &amp; &lt;b&gt;loyal&lt;/b&gt;");
    expect(page).toContain("<title>Client segments &lt;draft&gt;</title>");
    expect(page).toContain("<code>clients &lt;2024&gt;.csv</code>");
    expect(page).toContain("segwork cluster &quot;clients &lt;2024&gt;.csv&quot;");
    // The only <script appearing anywhere would be an unescaped one.
    expect(page).not.toMatch(/<script/i);
  });

  it("states the header facts, the recommendation and the sample sizes", () => {
    const k = full.sweep!.recommendation.recommendedK;
    expect(page).toContain("<dt>Generated</dt><dd>2024-05-01 09:30 UTC by segwork 0.1.0</dd>");
    expect(page).toContain(`<p class="callout-title">Recommended k = ${k}</p>`);
    expect(page).toContain(`<tr class="highlight"><td class="right">${k} ★</td>`);
    expect(page).toContain("Silhouettes of a seeded sample of 1,200 of 1,500 rows.");
    expect(page).toContain("1,000 of 1,500 rows shown (seeded sample, every cluster represented).");
    const [pc1, pc2] = full.cluster!.pca.explained;
    expect(page).toContain(`PC1 (${(pc1 * 100).toFixed(1)}% of variance)`);
    expect(page).toContain(`PC2 (${(pc2 * 100).toFixed(1)}% of variance)`);
  });

  it("shows the cleaning table with formatted numbers", () => {
    const monetary = full.summary.columns.find((c) => c.name === "monetary")!;
    expect(page).toContain(
      `<td class="left">monetary</td><td class="right">12</td><td class="right">0</td>`,
    );
    expect(page).toContain(
      monetary.max.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    expect(page).toContain("12 missing → rows dropped; log1p; z-score");
  });

  it("shows no ids without exampleIds", () => {
    expect(page).not.toContain('id="examples"');
    expect(page).not.toContain("C-1000");
  });

  it("is byte-identical when rendered twice", async () => {
    expect(await renderClusterReport(full)).toBe(page);
  });

  it("stays small: under 600 kB for 1,200 silhouette bars and 1,000 points", () => {
    expect(Buffer.byteLength(page)).toBeLessThan(600_000);
  });
});

describe("renderClusterReport with part of the data", () => {
  it("a sweep-only report has no clustering sections", async () => {
    const { cluster: _cluster, ...sweepOnly } = full;
    const out = await renderClusterReport(sweepOnly);
    expect(sectionIds(out)).toEqual([
      "summary",
      "data",
      "scaling",
      "elbow",
      "quality",
      "recommendation",
      "vote",
      "gap",
      "stability",
    ]);
    expect(svgs(out).length).toBe(3);
  });

  it("a cluster-only report has no sweep sections", async () => {
    const { sweep: _sweep, ...clusterOnly } = full;
    const out = await renderClusterReport(clusterOnly);
    expect(sectionIds(out)).toEqual([
      "at-a-glance",
      "summary",
      "data",
      "scaling",
      "silhouette",
      "pca",
      "profiles",
      "sizes",
      "profile-table",
    ]);
    expect(svgs(out).length).toBe(4);
  });

  it("warns when the clustering does not use the recommended k", async () => {
    const recommended = full.sweep!.recommendation.recommendedK;
    const out = await renderClusterReport({
      ...full,
      cluster: { ...full.cluster!, k: recommended + 1 },
    });
    expect(out).toContain(
      `<p class="callout-title">This clustering uses k = ${recommended + 1}</p>`,
    );
  });

  it("lists example ids, escaped, only when given", async () => {
    const ids = Object.fromEntries(
      full.cluster!.profiles.clusters.map((c) => [
        c.cluster,
        [`C-${1000 + c.cluster}`, `<id ${c.cluster}>`],
      ]),
    );
    const out = await renderClusterReport({
      ...full,
      cluster: { ...full.cluster!, exampleIds: ids },
    });
    expect(sectionIds(out).at(-1)).toBe("examples");
    expect(out).toContain("C-1000, &lt;id 0&gt;");
  });
});

describe("formatTimestamp", () => {
  it("shows UTC minutes and leaves unparseable text alone", () => {
    expect(formatTimestamp("2024-05-01T09:30:59.000Z")).toBe("2024-05-01 09:30 UTC");
    expect(formatTimestamp("2024-05-01T11:30:00+02:00")).toBe("2024-05-01 09:30 UTC");
    expect(formatTimestamp("yesterday")).toBe("yesterday");
  });
});
