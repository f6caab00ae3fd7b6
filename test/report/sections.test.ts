/**
 * The section layer: the context every section gets, how documents compose
 * sections (order, flattening, leaving out what has no data), and the
 * sections that decide for themselves that there is nothing to show.
 */
import { chooseKSection } from "../../src/report/sections/choose-k.js";
import { beforeAll, describe, expect, it } from "vitest";
import { compareSegmentations } from "../../src/compare/index.js";
import type { Comparison } from "../../src/compare/types.js";
import type { Profiles } from "../../src/evaluate/profile-types.js";
import type { ReportSection } from "../../src/report/html.js";
import { markup } from "../../src/report/html.js";
import { composeSections, given } from "../../src/report/documents/compose.js";
import { CLUSTERING_SECTIONS, SWEEP_SECTIONS } from "../../src/report/documents/cluster-report.js";
import { namesFromProfiles } from "../../src/report/sections/clusters.js";
import { sideAStyle } from "../../src/report/sections/comparison-labels.js";
import { clusterRulesSection } from "../../src/report/sections/comparison-rules.js";
import { valueSeparationSection } from "../../src/report/sections/comparison-value.js";
import { exampleIdsSection } from "../../src/report/sections/example-ids.js";
import { overviewSection } from "../../src/report/sections/overview.js";
import { sectionContext } from "../../src/report/sections/section.js";
import type { Section } from "../../src/report/sections/section.js";
import { clusterColor } from "../../src/report/specs/theme.js";
import type { ClusterReportInput } from "../../src/report/types.js";
import { makeReportInput } from "./fixture.js";

function fake(id: string): ReportSection {
  return { id, title: id.toUpperCase(), html: markup`<p>${id}</p>` };
}

let input: ClusterReportInput;
let profiles: Profiles;
beforeAll(() => {
  input = makeReportInput({ rows: 300, exampleIds: false });
  profiles = input.cluster!.profiles;
});

describe("sectionContext", () => {
  it("defaults to English, no cluster names, masked ids and no currency", () => {
    const { locale, ...rest } = sectionContext();
    expect(rest).toEqual({ clusterNames: {}, showIds: false });
    expect(locale.lang).toBe("en");
    expect(sectionContext({ lang: "zh-CN" }).locale.lang).toBe("zh-CN");
  });

  it("names clusters from profiles and carries showIds and the currency", () => {
    const context = sectionContext({ profiles, showIds: true, currency: "GBP" });
    expect(context.clusterNames).toEqual(namesFromProfiles(profiles));
    expect(Object.keys(context.clusterNames)).toHaveLength(profiles.clusters.length);
    expect(context.showIds).toBe(true);
    expect(context.currency).toBe("GBP");
  });
});

describe("composeSections and given", () => {
  const context = sectionContext();

  it("keeps list order across sync, async, single and several sections", async () => {
    const sections: Section<number>[] = [
      () => fake("a"),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return [fake("b"), fake("c")];
      },
      () => [],
      async () => fake("d"),
    ];
    const out = await composeSections(sections, 0, context);
    expect(out.map((s) => s.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("passes the selected data and the same context to each section", async () => {
    const seen: unknown[] = [];
    const record: Section<{ n: number }> = (data, ctx) => {
      seen.push([data.n, ctx]);
      return fake(`n${data.n}`);
    };
    const parts = [given((x: { part?: { n: number } }) => x.part, record, record)];
    const out = await composeSections(parts, { part: { n: 3 } }, context);
    expect(out.map((s) => s.id)).toEqual(["n3", "n3"]);
    expect(seen).toEqual([
      [3, context],
      [3, context],
    ]);
  });

  it("leaves sections out when their data is undefined", async () => {
    let calls = 0;
    const counted: Section<string> = () => {
      calls++;
      return fake("x");
    };
    const parts = [given((x: { part?: string }) => x.part, counted)];
    expect(await composeSections(parts, {}, context)).toEqual([]);
    expect(calls).toBe(0);
  });
});

describe("the K-Means section lists", () => {
  it("give the sweep's and the clustering's sections in reading order", async () => {
    const context = sectionContext({ profiles });
    const sweep = await composeSections(SWEEP_SECTIONS, input.sweep!, context);
    const cluster = await composeSections(CLUSTERING_SECTIONS, input.cluster!, context);
    expect(sweep.map((s) => s.id)).toEqual([
      "elbow",
      "quality",
      "recommendation",
      "vote",
      "gap",
      "stability",
    ]);
    expect(cluster.map((s) => s.id)).toEqual([
      "silhouette",
      "pca",
      "profiles",
      "sizes",
      "profile-table",
    ]);
  });
});

describe("overview", () => {
  it("the recommended-k card names the vote's confidence, or the knee for a sweep without a vote", () => {
    const context = sectionContext({ profiles });
    const detailOf = (section: ReportSection): string =>
      /<dt>Recommended k<\/dt><dd>[^<]*<span class="fact-detail">([^<]*)</.exec(
        section.html.toString(),
      )?.[1] ?? "";
    const confidence = input.sweep!.choose!.vote.confidence;
    const words = {
      agreed: "the indices agree",
      split: "the indices are split",
      "no-structure": "no clear cluster structure",
    };
    expect(detailOf(overviewSection(input, context))).toBe(`by the vote: ${words[confidence]}`);
    const { choose: _choose, ...noVote } = input.sweep!;
    const knee = noVote.recommendation.elbowK;
    expect(detailOf(overviewSection({ ...input, sweep: noVote }, context))).toBe(
      knee === null ? "no clear knee" : `knee at k = ${knee}`,
    );
  });
});

describe("sections with nothing to show", () => {
  it("choosing k: only the vote when gap and stability were switched off", async () => {
    const { gap: _gap, stability: _stability, ...voteOnly } = input.sweep!.choose!;
    const sections = await chooseKSection(voteOnly, sectionContext());
    expect(sections.map((s) => s.id)).toEqual(["vote"]);
  });

  it("example ids: none without ids, one section with them", () => {
    const context = sectionContext({ profiles });
    expect(exampleIdsSection({ profiles, exampleIds: undefined }, context)).toEqual([]);
    expect(exampleIdsSection({ profiles, exampleIds: {} }, context)).toEqual([]);
    const shown = exampleIdsSection({ profiles, exampleIds: { 0: ["C-1"] } }, context);
    expect(shown).toMatchObject({ id: "examples" });
  });

  it("comparison rules and value separation: none without features or revenue", async () => {
    const comparison = compareSegmentations(
      { ids: ["a", "b", "c", "d"], labels: ["0", "0", "1", "1"] },
      { ids: ["a", "b", "c", "d"], labels: ["x", "x", "x", "y"] },
    );
    expect(comparison.rules).toBeNull();
    expect(comparison.separation).toBeNull();
    expect(clusterRulesSection(comparison, sectionContext())).toEqual([]);
    expect(await valueSeparationSection(comparison, sectionContext())).toEqual([]);
  });
});

describe("sideAStyle", () => {
  let comparison: Comparison;
  beforeAll(() => {
    const ids = ["a", "b", "c", "d"];
    comparison = compareSegmentations(
      { ids, labels: ["0", "0", "1", "1"] },
      { ids, labels: ["x", "x", "x", "y"] },
    );
  });

  it("names and colours side A as the context's clusters when its labels are cluster numbers", () => {
    const style = sideAStyle(comparison, sectionContext({ profiles }));
    const label0 = profiles.clusters.find((p) => p.cluster === 0)!.label;
    expect(style.names?.["0"]).toBe(`0: ${label0}`);
    expect(style.colors?.["1"]).toBe(clusterColor(1));
  });

  it("gives no style without clusters in the context, or when a label is not a cluster", () => {
    expect(sideAStyle(comparison, sectionContext())).toEqual({});
    const other = compareSegmentations(
      { ids: ["a", "b"], labels: ["0", "Champions"] },
      { ids: ["a", "b"], labels: ["x", "y"] },
    );
    expect(sideAStyle(other, sectionContext({ profiles }))).toEqual({});
  });
});
