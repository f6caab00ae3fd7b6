/**
 * The KPIs of the period per segment (clients, revenue and share, average
 * order value, repurchase and reactivation rates) with the change against
 * the previous period, and the targets met or missed.
 */
import type { KpiName, SegmentKpis, TargetResult } from "../../compare/index.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import { schemesOf, type PeriodPage } from "./periods-data.js";
import type { SectionContext } from "./section.js";

const RATES = new Set<KpiName>(["revenue_share", "repurchase_rate", "reactivation_rate"]);
// Digits are written alike in both languages (Intl's zh-CN groups as en-US
// does), so the English formatting is kept as it was, byte for byte.
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function value(kpi: KpiName, v: number | null): string {
  if (v === null) return "—";
  if (RATES.has(kpi)) return pct(v);
  return kpi === "clients"
    ? v.toLocaleString("en-US")
    : v.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function change(kpi: KpiName, s: SegmentKpis, locale: Locale): string {
  const c = s.change[kpi];
  if (c === null) return "";
  if (RATES.has(kpi)) {
    const points = `${c.absolute >= 0 ? "+" : ""}${(c.absolute * 100).toFixed(1)}`;
    return locale.t("periods.kpis.pp", { value: points });
  }
  return c.relative === null ? "" : `${c.relative >= 0 ? "+" : ""}${pct(c.relative)}`;
}

const COLUMNS: { kpi: KpiName; header: MessageKey }[] = [
  { kpi: "clients", header: "periods.kpi.clients" },
  { kpi: "revenue", header: "periods.kpi.revenue" },
  { kpi: "revenue_share", header: "periods.kpi.revenueShare" },
  { kpi: "avg_order_value", header: "periods.kpi.avgOrderValue" },
  { kpi: "repurchase_rate", header: "periods.kpi.repurchaseRate" },
  { kpi: "reactivation_rate", header: "periods.kpi.reactivationRate" },
];

/**
 * One KPI table per scheme (segment rows and an "all" row), each KPI with its change.
 *
 * @example
 * periodKpisSection({ run, index: 1 }, sectionContext())[0].id; // => "kpis-cluster"
 */
export function periodKpisSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): ReportSection[] {
  const { locale } = context;
  const { t } = locale;
  return schemesOf(run).map((scheme) => {
    const k = run.kpis[scheme]![index]!;
    const names = run.names[scheme];
    const columns: TableColumn<SegmentKpis>[] = [
      { header: t("periods.kpis.segment"), value: (s) => names[s.segment] ?? s.segment },
      ...COLUMNS.flatMap(({ kpi, header }): TableColumn<SegmentKpis>[] => [
        {
          header: t(header),
          group: t(header),
          value: (s) => value(kpi, s.values[kpi]),
          align: "right",
        },
        { header: "Δ", group: t(header), value: (s) => change(kpi, s, locale), align: "right" },
      ]),
    ];
    return {
      id: `kpis-${scheme}`,
      title: t(`periods.kpis.title.${scheme}`),
      html: table({ columns, rows: [...k.segments, k.total], caption: t("periods.kpis.caption") }),
    };
  });
}

const STATUS: Record<TargetResult["status"], MessageKey> = {
  met: "periods.status.met",
  missed: "periods.status.missed",
  "not measured": "periods.status.notMeasured",
};

const REASONS: Record<NonNullable<TargetResult["reason"]>, MessageKey> = {
  "no previous period": "periods.reason.noPrevious",
  "segment absent": "periods.reason.absent",
  "no value": "periods.reason.noValue",
  "previous value is 0": "periods.reason.previousZero",
};

/** A target's status in words, with the reason it was not measured. */
function statusText(target: TargetResult, { t }: Locale): string {
  const status = t(STATUS[target.status]);
  return target.reason
    ? t("periods.targets.statusReason", { status, reason: t(REASONS[target.reason]) })
    : status;
}

/**
 * The targets checked in this period: met, missed or not measured, with the measured value.
 *
 * @example
 * periodTargetsSection({ run, index: 1 }, sectionContext()).title; // => "Targets"
 */
export function periodTargetsSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): ReportSection {
  const { locale } = context;
  const { t } = locale;
  const label = run.periods[index]!.label;
  const rows = run.targets.filter((target) => target.period === label);
  const title = t("periods.targets.title");
  if (rows.length === 0)
    return { id: "targets", title, html: paragraph(t("periods.targets.none")) };
  const names = run.names[run.settings.targetsOn ?? "segment"];
  // English pages have always shown the target's own name ("2", not "2: Lapsed").
  const segmentName = (s: string): string => (locale.lang === "en" ? s : (names[s] ?? s));
  const met = rows.filter((target) => target.status === "met").length;
  const missed = rows.filter((target) => target.status === "missed").length;
  return {
    id: "targets",
    title,
    html: join(
      paragraph(t("periods.targets.counts", { met, missed, rest: rows.length - met - missed })),
      table({
        columns: [
          { header: t("periods.kpis.segment"), value: (r) => segmentName(r.segment) },
          { header: t("periods.targets.target"), value: (r) => r.target.text },
          {
            header: t("periods.targets.measured"),
            value: (r) => (r.measured === null ? "—" : Number(r.measured.toFixed(4))),
            align: "right",
          },
          {
            header: t("periods.targets.status"),
            value: (r) =>
              markup`<span class="status-${r.status.replace(" ", "-")}">${statusText(r, locale)}</span>`,
          },
        ],
        rows,
      }),
    ),
  };
}
