/**
 * The index page's sections: the list of periods with links to their
 * reports, segment sizes and revenue shares over time, and KPI trends.
 */
import { chart, join, markup, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { kpiTrendsSpec, segmentSharesOverTimeSpec } from "../specs/period-trends.js";
import { partialLabels, schemeTitle, schemesOf, type PeriodsReportInput } from "./periods-data.js";
import { dayText } from "./periods-labels.js";
import type { SectionContext } from "./section.js";

/**
 * The periods, one row each, linking to their reports.
 *
 * @example
 * periodListSection(run, sectionContext()).id; // => "periods"
 */
export function periodListSection(run: PeriodsReportInput, context: SectionContext): ReportSection {
  const { t, lang } = context.locale;
  return {
    id: "periods",
    title: t("periods.list.title"),
    html: table({
      columns: [
        {
          header: t("periods.list.period"),
          value: (p) => markup`<a href="${p.report}">${p.label}</a>`,
        },
        {
          header: t("periods.overview.asOf"),
          value: (p) => {
            const day = dayText(p.asOf, lang);
            return p.partial ? t("periods.partialMark", { label: day }) : day;
          },
        },
        { header: t("periods.overview.clients"), value: (p) => p.clients },
        { header: t("periods.list.overrides"), value: (p) => p.overrides.applied.length },
        { header: t("periods.list.flagged"), value: (p) => new Set(p.flags.map((f) => f.id)).size },
        {
          header: t("periods.list.targetsMet"),
          value: (p) => {
            const rows = run.targets.filter((target) => target.period === p.label);
            return rows.length === 0
              ? "—"
              : t("periods.list.metOf", {
                  met: rows.filter((target) => target.status === "met").length,
                  total: rows.length,
                });
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
 * (await periodTrendsSection(run, sectionContext())).map((s) => s.id); // => ["trends-cluster", "trends-segment", "trends-tier"]
 */
export async function periodTrendsSection(
  run: PeriodsReportInput,
  context: SectionContext,
): Promise<ReportSection[]> {
  const { locale } = context;
  const { t } = locale;
  const partial = partialLabels(run);
  const sections: ReportSection[] = [];
  for (const scheme of schemesOf(run)) {
    const kpis = run.kpis[scheme]!;
    const names = run.names[scheme];
    const shares = await renderSvg(segmentSharesOverTimeSpec(kpis, { names, partial, locale }));
    const trends = await renderSvg(kpiTrendsSpec(kpis, { names, partial, locale }));
    sections.push({
      id: `trends-${scheme}`,
      title: t("periods.trends.title", { scheme: schemeTitle(scheme, locale) }),
      html: join(
        chart({ svg: shares, caption: t("periods.trends.sharesCaption") }),
        chart({ svg: trends, caption: t("periods.trends.kpisCaption") }),
      ),
    });
  }
  return sections;
}
