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
  const money = context.currency !== undefined ? { currency: context.currency } : {};
  const svg = await renderSvg(rfHeatmapSpec(cells, scores.bins, money));
  return {
    id: "rfm-grid",
    title: context.locale.t("title.rfmGrid"),
    html: join(
      paragraph(
        "Mean monetary value of the clients in each recency × frequency cell: spend usually rises " +
          "towards the top right (recent and frequent). Blank cells have no clients.",
      ),
      chart({ svg, caption: "Each cell: mean monetary value and number of clients (n)." }),
    ),
  };
}
