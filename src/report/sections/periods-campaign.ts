/**
 * With a campaign file: in a period's report, the effect of the campaigns
 * dated inside it on the previous period's clients, by starting segment
 * (targeted against not targeted, with bootstrap intervals); on the index
 * page, those differences across the periods. Left out without a campaign
 * file.
 */
import type { BootstrapInterval, CampaignEffect, SegmentEffect } from "../../compare/index.js";
import type { Locale } from "../i18n/locale.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import { renderSvg } from "../render.js";
import { campaignEffectTrendSpec, type CampaignEffectPoint } from "../specs/period-effects.js";
import type { PeriodPage, PeriodsReportInput } from "./periods-data.js";
import { dayText } from "./periods-labels.js";
import type { SectionContext } from "./section.js";

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

// Digits are written alike in both languages, so the English formatting is kept byte for byte.
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const money = (x: number): string =>
  `${x >= 0 ? "+" : ""}${x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;

/** The difference, its interval and whether it excludes 0, as three columns under one group. */
function differenceColumns(
  group: string,
  pick: (e: SegmentEffect) => BootstrapInterval | null,
  format: (x: number) => string,
  { t }: Locale,
): TableColumn<SegmentEffect>[] {
  const cell = (e: SegmentEffect, f: (d: BootstrapInterval) => string): string => {
    const d = pick(e);
    return d === null ? "—" : f(d);
  };
  const yesNo = (yes: boolean): string => t(yes ? "periods.yes" : "periods.no");
  return [
    {
      header: t("periods.campaign.difference"),
      group,
      value: (e) => cell(e, (d) => format(d.estimate)),
      align: "right",
    },
    {
      header: t("periods.campaign.interval"),
      group,
      value: (e) =>
        cell(e, (d) =>
          t("periods.campaign.range", { lower: format(d.lower), upper: format(d.upper) }),
        ),
      align: "right",
      description: t("periods.campaign.intervalNote"),
    },
    {
      header: t("periods.campaign.excludesZero"),
      group,
      value: (e) =>
        cell(e, (d) => (!measurable(e) ? t("periods.campaign.tooSmall") : yesNo(excludesZero(d)))),
    },
  ];
}

/** "3 campaign records used; 1 names a client not in the starting period (line 7)." */
function recordsText(effect: CampaignEffect, { t, integer }: Locale): string {
  const { used, unknownClients: unknown } = effect;
  const records = t(used === 1 ? "periods.campaign.recordsOne" : "periods.campaign.recordsMany", {
    used: integer(used),
  });
  if (unknown.count === 0) return records + t("periods.campaign.recordsEnd");
  const lines = unknown.lines.join(", ") + (unknown.count > unknown.lines.length ? ", …" : "");
  const where = t(unknown.lines.length === 1 ? "periods.campaign.line" : "periods.campaign.lines", {
    lines,
  });
  return (
    records +
    t(unknown.count === 1 ? "periods.campaign.unknownOne" : "periods.campaign.unknownMany", {
      count: integer(unknown.count),
      where,
    })
  );
}

/**
 * The campaign effect measured in this period: one row per campaign and
 * starting segment; none for the first period or a run without campaign file.
 *
 * @example
 * periodCampaignSection({ run, index: 1 }, sectionContext()).map((s) => s.id); // => ["campaign"]
 */
export function periodCampaignSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): ReportSection[] {
  const effect = index === 0 ? undefined : run.campaign[index - 1];
  if (effect === undefined) return [];
  const { locale } = context;
  const { t, lang } = locale;
  const label = run.periods[index]!.label;
  const start = run.periods[index - 1]!.label;
  const names = run.names[run.settings.targetsOn ?? "segment"];
  const level = effect.effects.find((e) => e.repurchase.difference)?.repurchase.difference?.level;
  const interval =
    level === undefined ? "" : t("periods.campaign.level", { level: Math.round(level * 100) });
  const pp = (x: number): string =>
    t("periods.kpis.pp", { value: `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}` });
  const repurchase = t("periods.campaign.repurchase");
  const day = (d: string | null): string => (d === null ? "…" : dayText(d, lang));
  return [
    {
      id: "campaign",
      title: t("periods.campaign.title", { label }),
      html:
        effect.effects.length === 0
          ? paragraph(t("periods.campaign.none", { label }))
          : join(
              paragraph(
                t("periods.campaign.intro", {
                  start,
                  from: day(effect.from),
                  to: day(effect.to),
                  following: label,
                }),
              ),
              table<SegmentEffect>({
                columns: [
                  { header: t("periods.campaign.campaign"), value: (e) => e.campaign },
                  {
                    header: t("periods.campaign.segmentIn", { start }),
                    value: (e) => names[e.segment] ?? e.segment,
                  },
                  {
                    header: t("periods.campaign.targeted"),
                    value: (e) => e.targeted,
                    align: "right",
                  },
                  {
                    header: t("periods.campaign.control"),
                    value: (e) => e.control,
                    align: "right",
                  },
                  {
                    header: t("periods.campaign.targeted"),
                    group: repurchase,
                    value: (e) =>
                      e.repurchase.targeted === null ? "—" : pct(e.repurchase.targeted),
                    align: "right",
                  },
                  {
                    header: t("periods.campaign.control"),
                    group: repurchase,
                    value: (e) => (e.repurchase.control === null ? "—" : pct(e.repurchase.control)),
                    align: "right",
                  },
                  ...differenceColumns(repurchase, (e) => e.repurchase.difference, pp, locale),
                  ...differenceColumns(
                    t("periods.campaign.revenue"),
                    (e) => e.revenuePerClient.difference,
                    money,
                    locale,
                  ),
                ],
                rows: effect.effects,
                highlight: (e) =>
                  measurable(e) &&
                  [e.repurchase.difference, e.revenuePerClient.difference].some(
                    (d) => d !== null && excludesZero(d),
                  ),
                caption:
                  recordsText(effect, locale) +
                  t("periods.campaign.captionRest", { min: MIN_GROUP }) +
                  interval,
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
 * (await campaignTrendSection(run, sectionContext())).map((s) => s.id); // => ["campaign-trend"]
 */
export async function campaignTrendSection(
  run: PeriodsReportInput,
  context: SectionContext,
): Promise<ReportSection[]> {
  const { locale } = context;
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
    campaignEffectTrendSpec(measured, { periods: run.periods.map((p) => p.label), locale }),
  );
  return [
    {
      id: "campaign-trend",
      title: locale.t("periods.campaign.trendTitle"),
      html: chart({
        svg,
        caption: locale.t("periods.campaign.trendCaption", { level: Math.round(level * 100) }),
      }),
    },
  ];
}
