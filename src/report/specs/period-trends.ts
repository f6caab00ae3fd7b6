/**
 * Charts of segments across periods: each segment's share of clients and of
 * revenue period by period, and the KPI trends. Periods are categories in
 * the order given; a partial period is marked in its label.
 */
import type { TopLevelSpec } from "vega-lite";
import type { KpiName, PeriodKpis } from "../../compare/kpis.js";
import type { LabelNames } from "./compare.js";
import { stateColors } from "./migration.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { chartLocale, tipTitle, type ChartLocaleOption } from "./chart-locale.js";
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type LayerItem } from "./theme.js";

/** Options shared by the period charts. */
export interface PeriodChartOptions extends ChartLocaleOption {
  /** Display names of segments. */
  names?: LabelNames;
  /** Labels of the periods that are partial (marked "… (partial)"). */
  partial?: readonly string[];
  title?: string;
}

/** The period labels as shown, in order. */
function periodNames(
  kpis: readonly PeriodKpis[],
  locale: Locale,
  partial: readonly string[] = [],
): string[] {
  const cut = new Set(partial);
  return kpis.map((k) =>
    cut.has(k.period) ? locale.t("periods.partialMark", { label: k.period }) : k.period,
  );
}

/** Every segment that appears in any period, in first-seen order. */
function segmentOrder(kpis: readonly PeriodKpis[]): string[] {
  const seen = new Set<string>();
  for (const k of kpis) for (const s of k.segments) seen.add(s.segment);
  return [...seen];
}

/** The x encoding of the periods, in order, every one shown; long labels slanted. */
function periodAxis(periods: string[]) {
  return {
    field: "period",
    type: "ordinal" as const,
    sort: periods,
    title: null,
    scale: { domain: periods },
    axis: { labelAngle: periods.some((p) => p.length > 8) ? -40 : 0 },
  };
}

const KPI_TITLES: Record<KpiName, { title: MessageKey; format: string }> = {
  clients: { title: "periods.chart.kpi.clients", format: ",~f" },
  revenue: { title: "periods.chart.kpi.revenue", format: "~s" },
  revenue_share: { title: "periods.chart.kpi.revenueShare", format: ".0%" },
  avg_order_value: { title: "periods.chart.kpi.avgOrderValue", format: ",.0f" },
  repurchase_rate: { title: "periods.chart.kpi.repurchaseRate", format: ".0%" },
  reactivation_rate: { title: "periods.chart.kpi.reactivationRate", format: ".0%" },
};

/**
 * Two stacked-bar panels over the periods: each segment's share of the
 * period's clients, and of its revenue (a segment with a net negative
 * revenue is drawn as 0 there; its number is in the tooltip).
 *
 * @example
 * segmentSharesOverTimeSpec(kpis, { partial: ["2011-Q4"] });
 */
export function segmentSharesOverTimeSpec(
  kpis: readonly PeriodKpis[],
  options: PeriodChartOptions = {},
): TopLevelSpec {
  const locale = chartLocale(options);
  const { t } = locale;
  const periods = periodNames(kpis, locale, options.partial);
  const segments = segmentOrder(kpis);
  const shown = (s: string): string => options.names?.[s] ?? s;
  const colors = stateColors(segments);
  const values = kpis.flatMap((k, p) => {
    const clients = k.total.values.clients ?? 0;
    return k.segments.map((s) => ({
      period: periods[p]!,
      segment: shown(s.segment),
      clientShare: clients > 0 ? (s.values.clients ?? 0) / clients : 0,
      revenueShare: Math.max(0, s.values.revenue_share ?? 0),
      clients: s.values.clients ?? 0,
      revenue: s.values.revenue ?? 0,
      // Stacking order: the segments' order, first at the bottom.
      order: segments.indexOf(s.segment),
    }));
  });
  const panel = (field: "clientShare" | "revenueShare", title: string): LayerItem => ({
    title,
    width: { step: 44 },
    height: 220,
    mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: periodAxis(periods),
      y: {
        field,
        type: "quantitative",
        stack: "zero",
        title: null,
        axis: { format: ".0%" },
        scale: { domain: [0, 1] },
      },
      color: {
        field: "segment",
        type: "nominal",
        title: t("periods.chart.segment"),
        scale: { domain: colors.domain.map(shown), range: colors.range },
        sort: colors.domain.map(shown),
      },
      order: { field: "order", type: "quantitative" },
      tooltip: [
        { field: "period", type: "ordinal", ...tipTitle(locale, "periods.chart.period") },
        { field: "segment", type: "nominal", ...tipTitle(locale, "periods.chart.segment") },
        {
          field: "clients",
          type: "quantitative",
          format: ",~f",
          ...tipTitle(locale, "periods.chart.clients"),
        },
        {
          field: "clientShare",
          type: "quantitative",
          format: ".1%",
          title: t("periods.chart.clientShareTip"),
        },
        {
          field: "revenue",
          type: "quantitative",
          format: ",.2f",
          ...tipTitle(locale, "periods.chart.revenue"),
        },
        {
          field: "revenueShare",
          type: "quantitative",
          format: ".1%",
          title: t("periods.chart.revenueShareTip"),
        },
      ],
    },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    hconcat: [
      panel("clientShare", t("periods.chart.clientShare")),
      panel("revenueShare", t("periods.chart.revenueShare")),
    ],
    config: BASE_CONFIG,
  };
}

/** Options of {@link kpiTrendsSpec}. */
export interface KpiTrendOptions extends PeriodChartOptions {
  /** KPIs to draw, one panel each. Default: repurchase rate, average order value, reactivation rate. */
  kpis?: readonly KpiName[];
  /** Draw the total over all clients as a dashed line. Default true. */
  total?: boolean;
  panelWidth?: number;
}

/** Name of the totals line (in English; the chart shows it in its locale). */
export const ALL_CLIENTS = "all clients";

/**
 * One line chart per KPI across the periods, a line per segment (and a
 * dashed one for all clients); values not known (a rate in the last period)
 * are left out.
 *
 * @example
 * kpiTrendsSpec(kpis, { kpis: ["repurchase_rate", "avg_order_value"] });
 */
export function kpiTrendsSpec(
  kpis: readonly PeriodKpis[],
  options: KpiTrendOptions = {},
): TopLevelSpec {
  const locale = chartLocale(options);
  const { t } = locale;
  const chosen = options.kpis ?? ["repurchase_rate", "avg_order_value", "reactivation_rate"];
  const periods = periodNames(kpis, locale, options.partial);
  const segments = segmentOrder(kpis);
  const shown = (s: string): string => options.names?.[s] ?? s;
  const withTotal = options.total ?? true;
  const colors = stateColors(segments);
  const allClients = t("periods.chart.allClients");
  const domain = [...colors.domain.map(shown), ...(withTotal ? [allClients] : [])];
  const range = [...colors.range, ...(withTotal ? ["#1d2330"] : [])];
  const values = kpis.flatMap((k, p) =>
    [...k.segments, ...(withTotal ? [{ ...k.total, segment: ALL_CLIENTS }] : [])].flatMap((s) =>
      chosen.flatMap((kpi) => {
        const value = s.values[kpi];
        return value === null || !Number.isFinite(value)
          ? []
          : [
              {
                period: periods[p]!,
                segment: s.segment === ALL_CLIENTS ? allClients : shown(s.segment),
                kpi,
                value,
                total: s.segment === ALL_CLIENTS ? 1 : 0,
              },
            ];
      }),
    ),
  );
  const panel = (kpi: KpiName): LayerItem => ({
    title: t(KPI_TITLES[kpi].title),
    width: options.panelWidth ?? 240,
    height: 180,
    transform: [{ filter: { field: "kpi", equal: kpi } }],
    encoding: {
      x: periodAxis(periods),
      y: {
        field: "value",
        type: "quantitative",
        title: null,
        axis: { format: KPI_TITLES[kpi].format },
      },
      color: {
        field: "segment",
        type: "nominal",
        title: t("periods.chart.segment"),
        scale: { domain, range },
        sort: domain,
      },
      strokeDash: {
        field: "total",
        type: "nominal",
        scale: {
          domain: [0, 1],
          range: [
            [1, 0],
            [5, 3],
          ],
        },
        legend: null,
      },
    },
    layer: [
      { mark: { type: "line", strokeWidth: 2 } },
      {
        mark: { type: "point", filled: true, size: 36 },
        encoding: {
          tooltip: [
            { field: "period", type: "ordinal", ...tipTitle(locale, "periods.chart.period") },
            { field: "segment", type: "nominal", ...tipTitle(locale, "periods.chart.segment") },
            {
              field: "value",
              type: "quantitative",
              format: KPI_TITLES[kpi].format,
              title: t(KPI_TITLES[kpi].title),
            },
          ],
        },
      },
    ],
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    hconcat: chosen.map(panel),
    resolve: { scale: { y: "independent" } },
    config: BASE_CONFIG,
  };
}
