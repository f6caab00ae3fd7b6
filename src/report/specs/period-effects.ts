/**
 * Charts of what a period's grading did beyond the labels: the drift of
 * each refitted centroid (with the distance below which its match is
 * always safe), and the campaign effects across periods with their
 * bootstrap intervals. Cluster, segment and campaign names travel as data
 * values only.
 */
import type { TopLevelSpec } from "vega-lite";
import type { CentroidPairing } from "../../compare/centroid-match.js";
import type { BootstrapInterval } from "../../compare/bootstrap.js";
import type { LabelNames } from "./compare.js";
import { ANNOTATION_COLOR, BASE_CONFIG, SERIES_COLOR, VEGA_LITE_SCHEMA } from "./theme.js";
import type { LayerItem } from "./theme.js";
import { chartLocale, tipTitle, type ChartLocaleOption } from "./chart-locale.js";

/** Options of {@link refitDriftSpec}. */
export interface RefitDriftOptions extends ChartLocaleOption {
  /** Display names of clusters by number ("2" → "2: Lapsed"). */
  names?: LabelNames;
  title?: string;
}

/**
 * One horizontal bar per cluster: its centroid's drift in z units, orange
 * for a poor match, with a tick at half the distance from the previous
 * centroid to its nearest neighbour (a drift below the tick can never be a
 * poor match).
 *
 * @example
 * refitDriftSpec(period.refit.match.pairs, { names: { "0": "0: Recent" } });
 */
export function refitDriftSpec(
  pairs: readonly CentroidPairing[],
  options: RefitDriftOptions = {},
): TopLevelSpec {
  const locale = chartLocale(options);
  const { t } = locale;
  const [good, poor] = [t("periods.chart.good"), t("periods.chart.poorMatch")];
  const shown = (c: number): string => options.names?.[String(c)] ?? String(c);
  const values = pairs.map((p) => ({
    cluster: shown(p.previous),
    drift: p.drift,
    relative: p.relativeDrift,
    // drift ÷ relative = half the gap; unknown when the centroid did not move.
    safe: p.relativeDrift > 0 ? p.drift / p.relativeDrift : null,
    match: p.poor ? poor : good,
  }));
  const order = values.map((v) => v.cluster);
  const y = { field: "cluster", type: "nominal" as const, sort: order, title: null };
  const layer: LayerItem[] = [
    {
      mark: { type: "bar", height: { band: 0.6 } },
      encoding: {
        y,
        x: { field: "drift", type: "quantitative", title: t("periods.chart.driftAxis") },
        color: {
          field: "match",
          type: "nominal",
          title: null,
          scale: { domain: [good, poor], range: [SERIES_COLOR, ANNOTATION_COLOR] },
        },
        tooltip: [
          { field: "cluster", type: "nominal", ...tipTitle(locale, "periods.chart.cluster") },
          { field: "drift", type: "quantitative", format: ".3f", title: t("periods.chart.drift") },
          {
            field: "relative",
            type: "quantitative",
            format: ".2f",
            title: t("periods.chart.relative"),
          },
          { field: "match", type: "nominal", ...tipTitle(locale, "periods.chart.state") },
        ],
      },
    },
    {
      transform: [{ filter: "datum.safe !== null" }],
      mark: { type: "tick", color: "#1d2330", thickness: 2, bandSize: 18 },
      encoding: {
        y,
        x: { field: "safe", type: "quantitative" },
        tooltip: [
          { field: "cluster", type: "nominal", ...tipTitle(locale, "periods.chart.cluster") },
          { field: "safe", type: "quantitative", format: ".3f", title: t("periods.chart.safe") },
        ],
      },
    },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    width: 420,
    height: { step: 30 },
    layer,
    config: BASE_CONFIG,
  };
}

/** One campaign effect to draw: where, on whom, and the two differences. */
export interface CampaignEffectPoint {
  /** The period the campaign ran in (whose purchases are measured). */
  period: string;
  campaign: string;
  /** Starting segment, as displayed. */
  segment: string;
  repurchase: BootstrapInterval | null;
  revenuePerClient: BootstrapInterval | null;
}

/** Options of {@link campaignEffectTrendSpec}. */
export interface CampaignTrendOptions extends ChartLocaleOption {
  /** Every period, in order (periods without an effect keep their place). */
  periods: readonly string[];
  title?: string;
}

/**
 * Two panels over the periods — the difference targeted − control in
 * repurchase rate and in revenue per client — a point per campaign and
 * starting segment with its bootstrap interval as a bar, and a rule at 0.
 *
 * @example
 * campaignEffectTrendSpec(points, { periods: ["2011-Q1", "2011-Q2", "2011-Q3"] });
 */
export function campaignEffectTrendSpec(
  points: readonly CampaignEffectPoint[],
  options: CampaignTrendOptions,
): TopLevelSpec {
  const series = (p: CampaignEffectPoint): string => `${p.campaign} · ${p.segment}`;
  const values = points.flatMap((p) =>
    (["repurchase", "revenuePerClient"] as const).flatMap((measure) => {
      const d = p[measure];
      return d === null
        ? []
        : [
            {
              period: p.period,
              series: series(p),
              measure,
              estimate: d.estimate,
              lower: d.lower,
              upper: d.upper,
            },
          ];
    }),
  );
  const locale = chartLocale(options);
  const { t } = locale;
  const periods = [...options.periods];
  const panel = (measure: "repurchase" | "revenuePerClient", title: string, format: string) => {
    const x = {
      field: "period",
      type: "ordinal" as const,
      sort: periods,
      scale: { domain: periods },
      title: null,
      axis: { labelAngle: periods.some((p) => p.length > 8) ? -40 : 0 },
    };
    const offset = { field: "series", type: "nominal" as const };
    const color = { field: "series", type: "nominal" as const, title: t("periods.chart.series") };
    return {
      title,
      width: 300,
      height: 200,
      transform: [{ filter: { field: "measure", equal: measure } }],
      layer: [
        {
          mark: { type: "rule", color: "#9aa1ab", strokeDash: [4, 3] },
          encoding: { y: { datum: 0, type: "quantitative" as const } },
        },
        {
          mark: { type: "rule", strokeWidth: 2 },
          encoding: {
            x,
            xOffset: offset,
            color,
            y: {
              field: "lower",
              type: "quantitative" as const,
              title: null,
              axis: { format },
            },
            y2: { field: "upper" },
          },
        },
        {
          mark: { type: "point", filled: true, size: 50 },
          encoding: {
            x,
            xOffset: offset,
            color,
            y: { field: "estimate", type: "quantitative" as const },
            tooltip: [
              {
                field: "period",
                type: "ordinal" as const,
                ...tipTitle(locale, "periods.chart.period"),
              },
              { field: "series", type: "nominal" as const, title: t("periods.chart.seriesTip") },
              {
                field: "estimate",
                type: "quantitative" as const,
                format,
                title: t("periods.chart.difference"),
              },
              { field: "lower", type: "quantitative" as const, format },
              { field: "upper", type: "quantitative" as const, format },
            ],
          },
        },
      ],
    } as LayerItem;
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    hconcat: [
      panel("repurchase", t("periods.chart.repurchaseDiff"), "+.0%"),
      panel("revenuePerClient", t("periods.chart.revenueDiff"), "+,.0f"),
    ],
    resolve: { scale: { y: "independent" } },
    config: BASE_CONFIG,
  };
}
