/**
 * Who moved where between the previous period and this one: per scheme a
 * migration heatmap (with new and inactive states), an alluvial flow, and
 * for tiers the upgrade / same / downgrade counts.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { flowChartSpec } from "../specs/flow.js";
import { migrationHeatmapSpec } from "../specs/migration.js";
import { schemeTitle, schemesOf, type PeriodPage } from "./periods-data.js";
import type { SectionContext } from "./section.js";

/**
 * One section per graded scheme; for the first period, one line saying there is nothing to move from.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await periodMigrationSection({ run, index: 1 }, sectionContext())).map((s) => s.id); // => ["migration-cluster", "migration-segment", "migration-tier"]
 */
export async function periodMigrationSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): Promise<ReportSection[]> {
  const { locale } = context;
  const { t, integer } = locale;
  if (index === 0)
    return [
      {
        id: "migration",
        title: t("periods.migration.title"),
        html: paragraph(t("periods.migration.first")),
      },
    ];
  const sections: ReportSection[] = [];
  const days = run.settings.inactiveDays;
  for (const scheme of schemesOf(run)) {
    const m = run.migration[scheme]![index - 1]!;
    const names = run.names[scheme];
    const heatmap = await renderSvg(migrationHeatmapSpec(m, { names, locale }));
    const flow = await renderSvg(flowChartSpec(m, { names, locale }));
    const caption =
      t("periods.migration.caption", { from: m.from, to: m.to }) +
      (days === null ? "" : t("periods.migration.inactive", { days })) +
      t("periods.migration.new", { to: m.to });
    sections.push({
      id: `migration-${scheme}`,
      title: t("periods.migration.schemeTitle", {
        scheme: schemeTitle(scheme, locale),
        from: m.from,
        to: m.to,
      }),
      html: join(
        chart({ svg: heatmap, caption }),
        chart({ svg: flow, caption: t("periods.migration.flow", { from: m.from, to: m.to }) }),
        m.moves
          ? paragraph(
              t("periods.migration.moves", {
                up: integer(m.moves.upgraded),
                same: integer(m.moves.same),
                down: integer(m.moves.downgraded),
              }),
            )
          : "",
      ),
    });
  }
  return sections;
}
