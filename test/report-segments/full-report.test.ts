/**
 * The full report on real data: every stage run on data/online-retail-clients.csv
 * (see fixture.ts), rendered by renderFullReport. Checks the sections and
 * their order, that every chart has marks, that hostile names from configs
 * are escaped, that no raw client id appears unless asked for, and the
 * segment-only report without K-Means parts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  comparisonSections,
  renderFullReport,
  renderSegmentReport,
} from "../../src/report/documents/full-report.js";
import { agreementReading } from "../../src/report/sections/comparison-agreement.js";
import { formatCut } from "../../src/report/report-text.js";
import { countMarks } from "../../src/report/render.js";
import type { SweepReportData } from "../../src/report/types.js";
import { maskId } from "../../src/compare/mask.js";
import { HOSTILE_DESCRIPTION, HOSTILE_SEGMENT, makeSegmentFixture } from "./fixture.js";
import type { SegmentFixture } from "./fixture.js";

function sectionIds(page: string): string[] {
  return [...page.matchAll(/<section class="report-section" id="([^"]+)"/g)].map((m) => m[1]!);
}

function svgs(page: string): string[] {
  return [...page.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
}

/** Digit runs that are not part of a formatted number (1,234 or 12.5): where a raw id would show. */
function bareNumbers(page: string): Set<string> {
  return new Set([...page.matchAll(/(?<![\d.,])\d+(?![\d]|[.,]\d)/g)].map((m) => m[0]));
}

const SEGMENT_SECTIONS = [
  "transactions",
  "rfm-scores",
  "rfm-segments",
  "rfm-grid",
  "rfm-lint",
  "thresholds",
  "tiers",
  "abc",
  "clv",
  "value-activity",
];
const COMPARISON_SECTIONS = [
  "comparison",
  "cluster-rules",
  "crosstab",
  "disagreements",
  "value-separation",
];

let fixture: SegmentFixture;
let page: string;
beforeAll(async () => {
  fixture = await makeSegmentFixture();
  page = await renderFullReport(fixture.input);
});

describe("renderFullReport on the Online Retail clients", () => {
  it("has the K-Means sections, then every segment section, then the comparison", () => {
    expect(sectionIds(page)).toEqual([
      "at-a-glance",
      "summary",
      "data",
      "scaling",
      "silhouette",
      "pca",
      "profiles",
      "sizes",
      "profile-table",
      ...SEGMENT_SECTIONS,
      ...COMPARISON_SECTIONS,
    ]);
  });

  it("inlines fifteen charts, each with marks", () => {
    // K-Means 4 + RFM 3 + thresholds 1 + tiers 2 + ABC 1 + CLV 1 + value × activity 1 + comparison 2.
    const charts = svgs(page);
    expect(charts.length).toBe(15);
    for (const svg of charts) expect(countMarks(svg)).toBeGreaterThan(0);
  });

  it("escapes hostile segment names, rule names and descriptions everywhere", () => {
    expect(page).not.toContain(HOSTILE_SEGMENT);
    expect(page).not.toContain(HOSTILE_DESCRIPTION);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("Above average &lt;b&gt;recency&lt;/b&gt; &amp; frequency");
    expect(page).toContain("<title>Online Retail &lt;segments&gt;</title>");
    expect(page).toContain("<code>online_retail &lt;2011&gt;.csv</code>");
    // Same CSP as every report: nothing loads, nothing runs.
    expect(page).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it("shows no raw client id, only masked ones", () => {
    const ids = new Set(fixture.table.ids);
    const leaked = [...bareNumbers(page)].filter((text) => ids.has(text));
    expect(leaked).toEqual([]);
    // The disagreements list masked examples: the first one of the largest cell.
    const first = fixture.segments.comparison!.crosstab.disagreements[0]!.exampleIds[0]!;
    expect(page).toContain(maskId(first));
    // The 8 clients dropped before K-Means (monetary ≤ −1 cannot be logged) are named, masked.
    expect(page).toContain("8 clients in RFM segments but not in K-Means k=4");
  });

  it("states the cleaning rules, the as-of date and the date formats", () => {
    expect(page).toContain("No client id");
    expect(page).toContain("135,080");
    expect(page).toContain("<dt>As-of date</dt><dd>2011-12-10");
    expect(page).toContain("<code>m/d/YYYY H:MM</code>");
    expect(page).toContain("month first (US)");
  });

  it("states the RFM cut points, segment rules, lint and the size of Others", () => {
    // R rfm quantile cuts of recency: 14.8, 34, 73, 181 days (score 5 is the most recent).
    expect(page).toContain("&lt; 14.8");
    expect(page).toContain("14.8 to &lt; 34");
    expect(page).toContain("≥ 181");
    expect(page).toContain('<code class="nowrap">R 5 · F 5 · M 5</code>');
    const lint = fixture.segments.rfm!.lint;
    expect(lint.uncoveredCells).toBe(10);
    expect(page).toContain("10 score cells of 125 match no rule");
    for (const box of lint.uncovered) expect(page).toContain(`<code>${box.label}</code>`);
    expect(page).toContain("<dt>In “Others”</dt><dd>17");
  });

  it("flags the threshold rule that matches nobody and states the tier formula", () => {
    expect(page).toContain("“&lt;img src=x onerror=alert(1)&gt;” matches no client at all.");
    expect(page).toContain(
      "<code>recency_days &lt;= 30 and frequency &gt;= 5 and monetary &gt;= 2000</code>",
    );
    expect(page).toContain(
      "0.3 × <code>recency_days</code> + 0.3 × <code>frequency</code> + 0.4 × <code>monetary</code>",
    );
    expect(page).toContain("钻石");
  });

  it("states the Gini, the CLV assumptions and the value × activity cut points", () => {
    const abc = fixture.segments.abc!;
    expect(page).toContain(`<dt>Gini</dt><dd>${abc.gini.toFixed(3)}`);
    for (const assumption of fixture.segments.clv!.result.assumptions.slice(0, 3)) {
      expect(page).toContain(assumption.replace(/'/g, "&#39;"));
    }
    expect(page).toContain("monetary ≥ 650 GBP is high");
    expect(page).toContain("last 51 days is active");
  });

  it("reads the agreement, describes each cluster by one rule and gives the verdict", () => {
    const c = fixture.segments.comparison!;
    expect(page).toContain(agreementReading(c.scores, c.nameA, c.nameB).replace(/'/g, "&#39;"));
    expect(page).toContain(`<dt>ARI</dt><dd>${c.scores.adjustedRandIndex.toFixed(3)}`);
    expect(page.match(/<article class="rule-card"/g)?.length).toBe(4);
    for (const rule of c.rules!) {
      for (const condition of rule.conditions) {
        expect(page).toContain(condition.text.replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      }
      expect(page).toContain(`<dd>${Math.round(rule.fidelity * 100)}%</dd>`);
    }
    expect(page).toContain(c.separation!.verdict);
  });
});

describe("ids and readings", () => {
  it("shows raw ids only when asked", async () => {
    const c = fixture.segments.comparison!;
    const raw = c.crosstab.disagreements[0]!.exampleIds[0]!;
    const masked = (await comparisonSections(c)).map((s) => s.html.value).join("");
    const shown = (await comparisonSections(c, { showIds: true }))
      .map((s) => s.html.value)
      .join("");
    expect(masked).not.toContain(raw);
    expect(masked).toContain(maskId(raw));
    expect(shown).toContain(raw);
  });

  it("reads ARI by bands and says which side splits finer", () => {
    // ARI 0.32 → "overlap partly"; homogeneity 0.58 − completeness 0.40 = 0.18 > 0.1 → B is finer.
    expect(
      agreementReading({ adjustedRandIndex: 0.32, homogeneity: 0.58, completeness: 0.4 }, "K", "R"),
    ).toBe(
      "K and R overlap partly (ARI 0.32). R is the finer split: its segments mostly sit inside one K group (homogeneity 0.58), while K groups spread over several of them (completeness 0.40).",
    );
    expect(
      agreementReading({ adjustedRandIndex: 0.9, homogeneity: 0.9, completeness: 0.95 }, "K", "R"),
    ).toBe(
      "K and R give almost the same grouping (ARI 0.90). Neither is clearly the finer split (homogeneity 0.90, completeness 0.95).",
    );
    expect(
      agreementReading({ adjustedRandIndex: 0.01, homogeneity: 0.1, completeness: 0.3 }, "K", "R"),
    ).toContain("are close to unrelated (chance-level agreement) (ARI 0.01). K is the finer split");
  });

  it("formats cut points with at most two decimals", () => {
    expect(formatCut(14.800000000000182)).toBe("14.8");
    expect(formatCut(2005.12)).toBe("2,005");
    expect(formatCut(0.25)).toBe("0.25");
    expect(formatCut(3)).toBe("3");
  });
});

describe("renderSegmentReport and partial inputs", () => {
  it("works without K-Means parts: no summary, scaler or features", async () => {
    const segmentOnly = await makeSegmentFixture({ cluster: false });
    const report = await renderSegmentReport(segmentOnly.input);
    expect(sectionIds(report)).toEqual(["at-a-glance", "summary", ...SEGMENT_SECTIONS]);
    expect(report).toContain("<dt>Clients</dt><dd>4,338");
    expect(report).not.toContain("<dt>Features</dt>");
    expect(report).toContain("<dt>Source</dt><dd>online_retail &lt;2011&gt;.csv</dd>");
    expect(report).toContain(
      "RFM segments, threshold rules, scorecard tiers, ABC classes, lifetime value and a value × activity matrix of 4,338 clients.",
    );
    // RFM 3 + thresholds 1 + tiers 2 + ABC 1 + CLV 1 + value × activity 1.
    expect(svgs(report).length).toBe(9);
  });

  it("drops sweep and clustering from the segment report, keeps them in the full one", async () => {
    const sweep: SweepReportData = {
      rows: [2, 3, 4, 5].map((k) => ({
        k,
        inertia: 3000 / k,
        silhouette: 0.5 - k / 50,
        calinskiHarabasz: 1500 - 100 * k,
        daviesBouldin: 0.7 + k / 20,
        iterations: 10,
      })),
      recommendation: { elbowK: 3, silhouetteK: 2, recommendedK: 3, reason: "knee at 3" },
      restarts: 3,
      seed: 7,
      silhouetteSampleSize: 2000,
    };
    const only = { ...fixture.input, segments: { abc: fixture.segments.abc! }, sweep };
    const segment = await renderSegmentReport(only);
    expect(sectionIds(segment)).toEqual(["summary", "data", "abc"]);
    const full = await renderFullReport(only);
    expect(sectionIds(full).slice(0, 7)).toEqual([
      "at-a-glance",
      "summary",
      "data",
      "scaling",
      "elbow",
      "quality",
      "recommendation",
    ]);
    expect(sectionIds(full).at(-1)).toBe("abc");
  });
});
