/**
 * The crosstab section of a comparison: clients by side A (rows) and side B
 * (columns), with the dominant match and its purity both ways.
 */
import type { Comparison, DominantMatch } from "../../compare/types.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { crosstabHeatmapSpec } from "../specs/compare.js";
import { labelCell, nameOf, schemeNames, sideAStyle, sideBNames } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/**
 * The crosstab of the two schemes as a heatmap of row shares, and where each
 * group of one side mostly lands on the other.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await crosstabSection(comparison, context)).id; // => "crosstab"
 */
export async function crosstabSection(
  c: Comparison,
  context: SectionContext,
): Promise<ReportSection> {
  const { t, percent } = context.locale;
  const { crosstab } = c;
  const { a: nameA, b: nameB } = schemeNames(c, context);
  const style = sideAStyle(c, context);
  const namesB = sideBNames(c, context);
  const svg = await renderSvg(
    crosstabHeatmapSpec(crosstab, {
      nameA,
      nameB,
      rowNames: style.names,
      ...(namesB ? { colNames: namesB } : {}),
      legendTitle: [t("cmp.legendShare1"), t("cmp.legendShare2")],
    }),
  );
  const aToB = table<DominantMatch>({
    caption: t("cmp.aToBCaption", { a: nameA, b: nameB }),
    rows: crosstab.aToB,
    columns: [
      { header: nameA, value: (m) => labelCell(m.label, style) },
      { header: t("chart.clients"), value: (m) => m.size, decimals: 0 },
      { header: t("cmp.mainSegment", { b: nameB }), value: (m) => nameOf(m.dominant, namesB) },
      {
        header: t("cmp.purity"),
        value: (m) => percent(m.purity),
        align: "right",
        description: t("cmp.purityHelp"),
      },
    ],
  });
  const bToA = table<DominantMatch>({
    caption: t("cmp.bToACaption", { a: nameA, b: nameB }),
    rows: crosstab.bToA,
    columns: [
      { header: nameB, value: (m) => nameOf(m.label, namesB) },
      { header: t("chart.clients"), value: (m) => m.size, decimals: 0 },
      { header: t("cmp.mainGroup", { a: nameA }), value: (m) => labelCell(m.dominant, style) },
      { header: t("cmp.purity"), value: (m) => percent(m.purity), align: "right" },
    ],
  });
  return {
    id: "crosstab",
    title: t("title.crosstab"),
    html: join(
      paragraph(t("cmp.crosstabIntro", { a: nameA, b: nameB })),
      chart({ svg, caption: t("cmp.crosstabCaption", { total: crosstab.total }) }),
      aToB,
      bToA,
    ),
  };
}
