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
import * as text from "../../shared/messages/periods-report.js";
import { SCHEME_TITLES, schemesOf, type PeriodPage } from "./periods-data.js";

/**
 * One section per graded scheme; for the first period, one line saying there is nothing to move from.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await periodMigrationSection({ run, index: 1 })).map((s) => s.id); // => ["migration-cluster", "migration-segment", "migration-tier"]
 */
export async function periodMigrationSection({ run, index }: PeriodPage): Promise<ReportSection[]> {
  if (index === 0)
    return [{ id: "migration", title: "Migration", html: paragraph(text.firstPeriod()) }];
  const sections: ReportSection[] = [];
  for (const scheme of schemesOf(run)) {
    const m = run.migration[scheme]![index - 1]!;
    const names = run.names[scheme];
    const heatmap = await renderSvg(migrationHeatmapSpec(m, { names }));
    const flow = await renderSvg(flowChartSpec(m, { names }));
    sections.push({
      id: `migration-${scheme}`,
      title: `${SCHEME_TITLES[scheme]}: ${m.from} → ${m.to}`,
      html: join(
        chart({
          svg: heatmap,
          caption: text.migrationCaption(m.from, m.to, run.settings.inactiveDays),
        }),
        chart({ svg: flow, caption: `Flow of clients from ${m.from} (left) to ${m.to} (right).` }),
        m.moves ? paragraph(text.movesLine(m.moves)) : "",
      ),
    });
  }
  return sections;
}
