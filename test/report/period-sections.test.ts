/**
 * The period report's refit and campaign sections on hand-worked inputs:
 * the drift table carries the match's numbers and names the poor match;
 * the campaign table carries the group sizes, differences and intervals and
 * says which interval excludes 0; both are left out when the run has no
 * refit / no campaign, on the period page and the index page alike. Hostile
 * names stay text.
 */
import { describe, expect, it } from "vitest";
import {
  matchCentroids,
  type CampaignEffect,
  type CentroidMatch,
} from "../../src/compare/index.js";
import { renderPeriodReport, renderPeriodsIndex } from "../../src/report/index.js";
import {
  campaignTrendSection,
  periodCampaignSection,
} from "../../src/report/sections/periods-campaign.js";
import type { PeriodsReportInput } from "../../src/report/sections/periods-data.js";
import { periodRefitSection } from "../../src/report/sections/periods-refit.js";
import { sectionContext } from "../../src/report/sections/section.js";
import { countMarks } from "../../src/report/render.js";
import { campaignEffectTrendSpec, refitDriftSpec } from "../../src/report/specs/period-effects.js";
import { expectValidSpec } from "../helpers/vega-schema.js";
import { bodyRows, sectionIds } from "../helpers/report-html.js";
import { HOSTILE_SEGMENT } from "../report-segments/hostile.js";

/**
 * 1-D centroids: previous 0 and 10, refitted 6 and 20. The least total
 * distance keeps 0 → 6 (drift 6) and 10 → 20 (drift 10), 16 against 24 the
 * other way; but 6 is nearer to 10 than to 0, so cluster 0's match is poor.
 * Half the gap between 0 and 10 is 5: relative drifts 1.2 and 2.
 */
const match: CentroidMatch = matchCentroids(Float64Array.of(0, 10), Float64Array.of(6, 20), 2, 1);

const effect: CampaignEffect = {
  from: "2011-04-01",
  to: "2011-06-30",
  used: 5,
  outsideDates: 1,
  unknownClients: { count: 1, lines: [9] },
  effects: [
    {
      campaign: "spring-mail",
      segment: "Champions",
      targeted: 2,
      control: 3,
      repurchase: {
        targeted: 1,
        control: 1 / 3,
        difference: { estimate: 2 / 3, lower: 0.1, upper: 1, level: 0.95, resamples: 2000 },
      },
      revenuePerClient: {
        targeted: 150,
        control: 100,
        difference: { estimate: 50, lower: -20, upper: 120.5, level: 0.95, resamples: 2000 },
      },
    },
    {
      campaign: "spring-mail",
      segment: "Lost",
      targeted: 1,
      control: 4,
      repurchase: {
        targeted: 1,
        control: 0,
        difference: { estimate: 1, lower: 1, upper: 1, level: 0.95, resamples: 2000 },
      },
      revenuePerClient: {
        targeted: 80,
        control: 0,
        difference: { estimate: 80, lower: 80, upper: 80, level: 0.95, resamples: 2000 },
      },
    },
    {
      campaign: "spring-mail",
      segment: HOSTILE_SEGMENT,
      targeted: 1,
      control: 0,
      repurchase: { targeted: 0, control: null, difference: null },
      revenuePerClient: { targeted: 0, control: null, difference: null },
    },
  ],
};

function runOf(options: { refit: boolean; campaign: boolean }): PeriodsReportInput {
  const period = (label: string, asOf: string) => ({
    label,
    start: null,
    end: asOf,
    asOf,
    partial: false,
    clients: 5,
    report: `report-${label}.html`,
    overrides: { applied: [], expired: [] },
    flags: [],
    refit: options.refit ? { match } : null,
  });
  return {
    title: "Segment review by period",
    command: "segwork periods (test)",
    version: "0.0.0",
    generatedAt: "2026-01-01T00:00:00Z",
    source: "tx.csv",
    settings: {
      clusters: options.refit ? "refit" : "frozen",
      rebin: false,
      inactiveDays: 365,
      targetsOn: "segment",
    },
    periods: [period("2011-Q1", "2011-03-31"), period("2011-Q2", "2011-06-30")],
    names: { cluster: { "0": "0: Recent", "1": `1: ${HOSTILE_SEGMENT}` }, segment: {}, tier: {} },
    migration: { cluster: null, segment: null, tier: null },
    kpis: { cluster: null, segment: null, tier: null },
    targets: [],
    campaign: options.campaign ? [effect] : [],
    showIds: false,
  };
}

describe("refit drift section", () => {
  it("lists each cluster's drift, relative drift and match as the match computed them", async () => {
    expect(match.pairs.map((p) => [p.drift, p.relativeDrift, p.poor, p.nearestPrevious])).toEqual([
      [6, 1.2, true, 1],
      [10, 2, false, 1],
    ]);
    const [section] = await periodRefitSection(
      {
        run: runOf({ refit: true, campaign: false }),
        index: 1,
      },
      sectionContext(),
    );
    expect(section!.id).toBe("refit");
    expect(section!.title).toBe("Refitted clusters against the centroids of 2011-Q1");
    const html = section!.html.value;
    expect(bodyRows(html)).toEqual([
      ["0: Recent", "0", "6.000", "1.20", `1: ${HOSTILE_SEGMENT}`, "yes"],
      [`1: ${HOSTILE_SEGMENT}`, "1", "10.000", "2.00", `1: ${HOSTILE_SEGMENT}`, "no"],
    ]);
    // The sentence names the flagged cluster (and only it) and where it lies.
    const sentence = /<p>([^<]*Poor match[^<]*)<\/p>/.exec(html)![1]!;
    expect(sentence).toContain("Poor match: 0: Recent (nearest to 1: &lt;img");
    expect(html).not.toContain(HOSTILE_SEGMENT);
    // One bar and one "always safe" tick per cluster.
    expect(countMarks(/<svg[\s\S]*<\/svg>/.exec(html)![0])).toBeGreaterThanOrEqual(4);
  });

  it("measures the first period against the saved model", async () => {
    const [section] = await periodRefitSection(
      {
        run: runOf({ refit: true, campaign: false }),
        index: 0,
      },
      sectionContext(),
    );
    expect(section!.title).toBe("Refitted clusters against the saved model's centroids");
  });

  it("is left out of a frozen run", async () => {
    expect(
      await periodRefitSection(
        { run: runOf({ refit: false, campaign: false }), index: 1 },
        sectionContext(),
      ),
    ).toEqual([]);
    const page = await renderPeriodReport(runOf({ refit: false, campaign: false }), 1);
    expect(sectionIds(page)).not.toContain("refit");
    const refitted = await renderPeriodReport(runOf({ refit: true, campaign: false }), 1);
    expect(sectionIds(refitted)).toContain("refit");
  });

  it("draws a valid chart", () => {
    expectValidSpec(refitDriftSpec(match.pairs, { names: { "0": "0: Recent" } }));
  });
});

describe("campaign effect section", () => {
  it("shows n targeted / control, each difference with its interval and whether it excludes 0", () => {
    const [section] = periodCampaignSection(
      {
        run: runOf({ refit: false, campaign: true }),
        index: 1,
      },
      sectionContext(),
    );
    expect(section!.id).toBe("campaign");
    expect(section!.title).toBe("Campaign effect in 2011-Q2");
    const html = section!.html.value;
    expect(bodyRows(html)).toEqual([
      [
        "spring-mail",
        "Champions",
        "2",
        "3",
        "100.0%",
        "33.3%",
        "+66.7 pp",
        "+10.0 pp to +100.0 pp",
        "yes",
        "+50.00",
        "-20.00 to +120.50",
        "no",
      ],
      // One targeted client: its interval has no spread, so it is not read.
      [
        "spring-mail",
        "Lost",
        "1",
        "4",
        "100.0%",
        "0.0%",
        "+100.0 pp",
        "+100.0 pp to +100.0 pp",
        "n too small",
        "+80.00",
        "+80.00 to +80.00",
        "n too small",
      ],
      ["spring-mail", HOSTILE_SEGMENT, "1", "0", "0.0%", "—", "—", "—", "—", "—", "—", "—"],
    ]);
    expect(html).toContain("Segment in 2011-Q1");
    expect(html).toContain(
      "5 campaign records used; 1 names a client not in the starting period (line 9).",
    );
    expect(html).not.toContain(HOSTILE_SEGMENT);
  });

  it("says so when no record falls in the period, and is absent for the first period and without a file", () => {
    const empty = runOf({ refit: false, campaign: true });
    empty.campaign = [{ ...effect, effects: [] }];
    expect(
      periodCampaignSection({ run: empty, index: 1 }, sectionContext())[0]!.html.value,
    ).toContain("No campaign record is dated inside 2011-Q2.");
    expect(
      periodCampaignSection(
        { run: runOf({ refit: false, campaign: true }), index: 0 },
        sectionContext(),
      ),
    ).toEqual([]);
    expect(
      periodCampaignSection(
        { run: runOf({ refit: false, campaign: false }), index: 1 },
        sectionContext(),
      ),
    ).toEqual([]);
  });

  it("puts the measured differences on the index page's trend, and nothing without them", async () => {
    const [trend] = await campaignTrendSection(
      runOf({ refit: false, campaign: true }),
      sectionContext(),
    );
    expect(trend!.id).toBe("campaign-trend");
    // The one-client "Lost" group is too small to draw.
    expect(trend!.html.value).not.toContain("Lost");
    // Champions' two differences: an interval bar and a point each (the hostile row has none).
    expect(countMarks(/<svg[\s\S]*<\/svg>/.exec(trend!.html.value)![0])).toBeGreaterThanOrEqual(4);
    expect(
      await campaignTrendSection(runOf({ refit: false, campaign: false }), sectionContext()),
    ).toEqual([]);
    const index = await renderPeriodsIndex(runOf({ refit: false, campaign: true }));
    expect(sectionIds(index)).toContain("campaign-trend");
    expectValidSpec(
      campaignEffectTrendSpec(
        [
          {
            period: "2011-Q2",
            campaign: "a",
            segment: "b",
            ...{ repurchase: effect.effects[0]!.repurchase.difference, revenuePerClient: null },
          },
        ],
        { periods: ["2011-Q1", "2011-Q2"] },
      ),
    );
  });
});
