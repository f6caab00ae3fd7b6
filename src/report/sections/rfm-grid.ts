/**
 * The recency × frequency section: mean monetary value per cell of the R×F
 * score grid.
 */
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { rfHeatmapSpec, rfMonetaryCells } from "../specs/rfm.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

/**
 * The R×F heatmap of mean monetary value (in the context's currency).
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await rfmGridSection(data.rfm!, sectionContext({ currency: "GBP" }))).id; // => "rfm-grid"
 */
export async function rfmGridSection(
  rfm: RfmReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { scores } = rfm;
  const cells = rfMonetaryCells(
    scores.recencyScore,
    scores.frequencyScore,
    rfm.monetary,
    scores.bins,
  );
  const { t } = context.locale;
  const money = context.currency !== undefined ? { currency: context.currency } : {};
  const currency = context.currency ? ` (${context.currency})` : "";
  const titles = {
    frequency: t("grid.axisFrequency", { bins: scores.bins }),
    recency: t("grid.axisRecency", { bins: scores.bins }),
    legend: [t("grid.legendMean"), t("grid.legendMonetary", { currency })],
  };
  const svg = await renderSvg(rfHeatmapSpec(cells, scores.bins, { ...money, titles }));
  return {
    id: "rfm-grid",
    title: t("title.rfmGrid"),
    html: join(paragraph(t("grid.intro")), chart({ svg, caption: t("grid.caption") })),
  };
}
