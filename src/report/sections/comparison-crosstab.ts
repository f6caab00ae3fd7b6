/**
 * The crosstab section of a comparison: clients by side A (rows) and side B
 * (columns), with the dominant match and its purity both ways.
 */
import type { Comparison, DominantMatch } from "../../compare/types.js";
import { formatPercent } from "../format.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { crosstabHeatmapSpec } from "../specs/compare.js";
import { labelCell, sideAStyle } from "./comparison-labels.js";
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
  const { crosstab, nameA, nameB } = c;
  const style = sideAStyle(c, context);
  const svg = await renderSvg(
    crosstabHeatmapSpec(crosstab, { nameA, nameB, rowNames: style.names }),
  );
  const aToB = table<DominantMatch>({
    caption: `Where each ${nameA} group mostly lands in ${nameB}.`,
    rows: crosstab.aToB,
    columns: [
      { header: nameA, value: (m) => labelCell(m.label, style) },
      { header: "Clients", value: (m) => m.size, decimals: 0 },
      { header: `Main segment in ${nameB}`, value: (m) => m.dominant },
      {
        header: "Purity",
        value: (m) => formatPercent(m.purity),
        align: "right",
        description: "Share of the group in its main segment",
      },
    ],
  });
  const bToA = table<DominantMatch>({
    caption: `Where each segment of ${nameB} mostly comes from in ${nameA}.`,
    rows: crosstab.bToA,
    columns: [
      { header: nameB, value: (m) => m.label },
      { header: "Clients", value: (m) => m.size, decimals: 0 },
      { header: `Main group in ${nameA}`, value: (m) => labelCell(m.dominant, style) },
      { header: "Purity", value: (m) => formatPercent(m.purity), align: "right" },
    ],
  });
  return {
    id: "crosstab",
    title: context.locale.t("title.crosstab"),
    html: join(
      paragraph(
        `Clients by ${nameA} (rows) and ${nameB} (columns). ` +
          "Colour and percentage: the share of the row, so each row shows where that group's clients go.",
      ),
      chart({
        svg,
        caption: `Each cell: clients and share of the row. ${plural(crosstab.total, "client")} in all.`,
      }),
      aToB,
      bToA,
    ),
  };
}
