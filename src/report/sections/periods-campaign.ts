/**
 * With a campaign file: in a period's report, the effect of the campaigns
 * dated inside it on the previous period's clients, by starting segment
 * (targeted against not targeted, with bootstrap intervals); on the index
 * page, those differences across the periods. Left out without a campaign
 * file.
 */
import type { BootstrapInterval, SegmentEffect } from "../../compare/index.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import { renderSvg } from "../render.js";
import { campaignEffectTrendSpec, type CampaignEffectPoint } from "../specs/period-effects.js";
import * as text from "../../shared/messages/periods-report.js";
import type { PeriodPage, PeriodsReportInput } from "./periods-data.js";

/**
 * Whether a bootstrap interval lies wholly on one side of 0.
 *
 * @example
 * excludesZero({ estimate: 0.1, lower: 0.02, upper: 0.2, level: 0.95, resamples: 2000 }); // => true
 */
export const excludesZero = (d: BootstrapInterval): boolean => d.lower > 0 || d.upper < 0;

/**
 * Groups below this size are too small for the interval to say anything: a
 * single client resampled is always itself, so the bootstrap sees none of
 * that group's variation.
 */
export const MIN_GROUP = 2;

/** Whether both groups of an effect are large enough to read its intervals. */
export const measurable = (e: SegmentEffect): boolean =>
  e.targeted >= MIN_GROUP && e.control >= MIN_GROUP;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pp = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} pp`;
const money = (x: number): string =>
  `${x >= 0 ? "+" : ""}${x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;

/** The difference, its interval and whether it excludes 0, as three columns under one group. */
function differenceColumns(
  group: string,
  pick: (e: SegmentEffect) => BootstrapInterval | null,
  format: (x: number) => string,
): TableColumn<SegmentEffect>[] {
  const cell = (e: SegmentEffect, f: (d: BootstrapInterval) => string): string => {
    const d = pick(e);
    return d === null ? "—" : f(d);
  };
  return [
    {
      header: "Difference",
      group,
      value: (e) => cell(e, (d) => format(d.estimate)),
      align: "right",
    },
    {
      header: "Interval",
      group,
      value: (e) => cell(e, (d) => `${format(d.lower)} to ${format(d.upper)}`),
      align: "right",
      description: "Seeded percentile bootstrap of the difference of means",
    },
    {
      header: "Excludes 0",
      group,
      value: (e) =>
        cell(e, (d) => (!measurable(e) ? "n too small" : excludesZero(d) ? "yes" : "no")),
    },
  ];
}

/**
 * The campaign effect measured in this period: one row per campaign and
 * starting segment; none for the first period or a run without campaign file.
 *
 * @example
 * periodCampaignSection({ run, index: 1 }).map((s) => s.id); // => ["campaign"]
 */
export function periodCampaignSection({ run, index }: PeriodPage): ReportSection[] {
  const effect = index === 0 ? undefined : run.campaign[index - 1];
  if (effect === undefined) return [];
  const label = run.periods[index]!.label;
  const start = run.periods[index - 1]!.label;
  const names = run.names[run.settings.targetsOn ?? "segment"];
  const level = effect.effects.find((e) => e.repurchase.difference)?.repurchase.difference?.level;
  const interval = level === undefined ? "" : ` Intervals: ${Math.round(level * 100)}%.`;
  return [
    {
      id: "campaign",
      title: `Campaign effect in ${label}`,
      html:
        effect.effects.length === 0
          ? paragraph(text.noCampaign(label))
          : join(
              paragraph(text.campaignIntro(start, effect.from, effect.to, label)),
              table<SegmentEffect>({
                columns: [
                  { header: "Campaign", value: (e) => e.campaign },
                  { header: `Segment in ${start}`, value: (e) => names[e.segment] ?? e.segment },
                  { header: "Targeted", value: (e) => e.targeted, align: "right" },
                  { header: "Control", value: (e) => e.control, align: "right" },
                  {
                    header: "Targeted",
                    group: "Repurchase rate",
                    value: (e) =>
                      e.repurchase.targeted === null ? "—" : pct(e.repurchase.targeted),
                    align: "right",
                  },
                  {
                    header: "Control",
                    group: "Repurchase rate",
                    value: (e) => (e.repurchase.control === null ? "—" : pct(e.repurchase.control)),
                    align: "right",
                  },
                  ...differenceColumns("Repurchase rate", (e) => e.repurchase.difference, pp),
                  ...differenceColumns(
                    "Revenue per client",
                    (e) => e.revenuePerClient.difference,
                    money,
                  ),
                ],
                rows: effect.effects,
                highlight: (e) =>
                  measurable(e) &&
                  [e.repurchase.difference, e.revenuePerClient.difference].some(
                    (d) => d !== null && excludesZero(d),
                  ),
                caption: `${text.campaignRecords(effect.used, effect.unknownClients)} Difference: targeted − control; a control group of 0 leaves it unmeasured (—); with fewer than ${MIN_GROUP} clients in a group the interval ignores that group's spread, so it is not read (n too small).${interval}`,
              }),
            ),
    },
  ];
}

/**
 * The index page's campaign trend: each campaign's differences period by
 * period, for groups large enough to read (see {@link MIN_GROUP}); none
 * without such an effect in any period.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await campaignTrendSection(run)).map((s) => s.id); // => ["campaign-trend"]
 */
export async function campaignTrendSection(run: PeriodsReportInput): Promise<ReportSection[]> {
  const names = run.names[run.settings.targetsOn ?? "segment"];
  const points: CampaignEffectPoint[] = run.campaign.flatMap((c, p) =>
    c.effects.filter(measurable).map((e) => ({
      period: run.periods[p + 1]!.label,
      campaign: e.campaign,
      segment: names[e.segment] ?? e.segment,
      repurchase: e.repurchase.difference,
      revenuePerClient: e.revenuePerClient.difference,
    })),
  );
  const measured = points.filter((p) => p.repurchase ?? p.revenuePerClient);
  if (measured.length === 0) return [];
  const level = (measured[0]!.repurchase ?? measured[0]!.revenuePerClient)!.level;
  const svg = await renderSvg(
    campaignEffectTrendSpec(measured, { periods: run.periods.map((p) => p.label) }),
  );
  return [
    {
      id: "campaign-trend",
      title: "Campaign effects over time",
      html: chart({ svg, caption: text.campaignTrendCaption(level) }),
    },
  ];
}
