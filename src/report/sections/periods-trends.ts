/**
 * The index page's sections: the list of periods with links to their
 * reports, segment sizes and revenue shares over time, and KPI trends.
 */
import { chart, join, markup, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { kpiTrendsSpec, segmentSharesOverTimeSpec } from "../specs/period-trends.js";
import {
  partialLabels,
  SCHEME_TITLES,
  schemesOf,
  type PeriodsReportInput,
} from "./periods-data.js";

/**
 * The periods, one row each, linking to their reports.
 *
 * @example
 * periodListSection(run).id; // => "periods"
 */
export function periodListSection(run: PeriodsReportInput): ReportSection {
  return {
    id: "periods",
    title: "Periods",
    html: table({
      columns: [
        { header: "Period", value: (p) => markup`<a href="${p.report}">${p.label}</a>` },
        { header: "As of", value: (p) => p.asOf + (p.partial ? " (partial)" : "") },
        { header: "Clients", value: (p) => p.clients },
        { header: "Overrides", value: (p) => p.overrides.applied.length },
        { header: "Flagged", value: (p) => new Set(p.flags.map((f) => f.id)).size },
        {
          header: "Targets met",
          value: (p) => {
            const rows = run.targets.filter((t) => t.period === p.label);
            return rows.length === 0
              ? "—"
              : `${rows.filter((t) => t.status === "met").length} of ${rows.length}`;
          },
        },
      ],
      rows: run.periods,
    }),
  };
}

/**
 * Per scheme: shares of clients and revenue over time, and KPI trends.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await periodTrendsSection(run)).map((s) => s.id); // => ["trends-cluster", "trends-segment", "trends-tier"]
 */
export async function periodTrendsSection(run: PeriodsReportInput): Promise<ReportSection[]> {
  const partial = partialLabels(run);
  const sections: ReportSection[] = [];
  for (const scheme of schemesOf(run)) {
    const kpis = run.kpis[scheme]!;
    const names = run.names[scheme];
    const shares = await renderSvg(segmentSharesOverTimeSpec(kpis, { names, partial }));
    const trends = await renderSvg(kpiTrendsSpec(kpis, { names, partial }));
    sections.push({
      id: `trends-${scheme}`,
      title: `${SCHEME_TITLES[scheme]} over time`,
      html: join(
        chart({
          svg: shares,
          caption: "Each segment's share of the period's clients and of its revenue.",
        }),
        chart({
          svg: trends,
          caption: "KPIs per segment by period; the dashed line is all clients.",
        }),
      ),
    });
  }
  return sections;
}
