/**
 * The KPIs of the period per segment (clients, revenue and share, average
 * order value, repurchase and reactivation rates) with the change against
 * the previous period, and the targets met or missed.
 */
import type { KpiName, SegmentKpis } from "../../compare/index.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import * as text from "../../shared/messages/periods-report.js";
import { SCHEME_TITLES, schemesOf, type PeriodPage } from "./periods-data.js";

const RATES = new Set<KpiName>(["revenue_share", "repurchase_rate", "reactivation_rate"]);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function value(kpi: KpiName, v: number | null): string {
  if (v === null) return "—";
  if (RATES.has(kpi)) return pct(v);
  return kpi === "clients"
    ? v.toLocaleString("en-US")
    : v.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function change(kpi: KpiName, s: SegmentKpis): string {
  const c = s.change[kpi];
  if (c === null) return "";
  if (RATES.has(kpi)) return `${c.absolute >= 0 ? "+" : ""}${(c.absolute * 100).toFixed(1)} pp`;
  return c.relative === null ? "" : `${c.relative >= 0 ? "+" : ""}${pct(c.relative)}`;
}

const COLUMNS: { kpi: KpiName; header: string }[] = [
  { kpi: "clients", header: "Clients" },
  { kpi: "revenue", header: "Revenue" },
  { kpi: "revenue_share", header: "Revenue share" },
  { kpi: "avg_order_value", header: "Avg order value" },
  { kpi: "repurchase_rate", header: "Repurchase rate" },
  { kpi: "reactivation_rate", header: "Reactivation rate" },
];

/**
 * One KPI table per scheme (segment rows and an "all" row), each KPI with its change.
 *
 * @example
 * periodKpisSection({ run, index: 1 })[0].id; // => "kpis-cluster"
 */
export function periodKpisSection({ run, index }: PeriodPage): ReportSection[] {
  return schemesOf(run).map((scheme) => {
    const k = run.kpis[scheme]![index]!;
    const names = run.names[scheme];
    const columns: TableColumn<SegmentKpis>[] = [
      { header: "Segment", value: (s) => names[s.segment] ?? s.segment },
      ...COLUMNS.flatMap(({ kpi, header }): TableColumn<SegmentKpis>[] => [
        { header, group: header, value: (s) => value(kpi, s.values[kpi]), align: "right" },
        { header: "Δ", group: header, value: (s) => change(kpi, s), align: "right" },
      ]),
    ];
    return {
      id: `kpis-${scheme}`,
      title: `KPIs by ${SCHEME_TITLES[scheme].toLowerCase()}`,
      html: table({
        columns,
        rows: [...k.segments, k.total],
        caption:
          "Δ: change against the previous period (pp for rates). Repurchase and reactivation rates look at the next period, so the last period has none.",
      }),
    };
  });
}

/**
 * The targets checked in this period: met, missed or not measured, with the measured value.
 *
 * @example
 * periodTargetsSection({ run, index: 1 }).title; // => "Targets"
 */
export function periodTargetsSection({ run, index }: PeriodPage): ReportSection {
  const label = run.periods[index]!.label;
  const rows = run.targets.filter((t) => t.period === label);
  if (rows.length === 0)
    return { id: "targets", title: "Targets", html: paragraph(text.noTargets()) };
  const met = rows.filter((t) => t.status === "met").length;
  const missed = rows.filter((t) => t.status === "missed").length;
  return {
    id: "targets",
    title: "Targets",
    html: join(
      paragraph(`${met} met, ${missed} missed, ${rows.length - met - missed} not measured.`),
      table({
        columns: [
          { header: "Segment", value: (t) => t.segment },
          { header: "Target", value: (t) => t.target.text },
          {
            header: "Measured",
            value: (t) => (t.measured === null ? "—" : Number(t.measured.toFixed(4))),
            align: "right",
          },
          {
            header: "Status",
            value: (t) =>
              markup`<span class="status-${t.status.replace(" ", "-")}">${t.status}${t.reason ? ` (${t.reason})` : ""}</span>`,
          },
        ],
        rows,
      }),
    ),
  };
}
