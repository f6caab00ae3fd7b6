/**
 * The PCA map of a clustering: a sample of rows on the first two principal
 * components, coloured by cluster.
 */
import type { PcaProjection } from "../../evaluate/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { callout, chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { MAX_PCA_POINTS, pcaScatterSpec } from "../specs/pca.js";
import type { SectionContext } from "./section.js";

/**
 * The PCA map with the variance it explains, and a caveat when that is less
 * than half.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await pcaSection(input.cluster!.pca, context)).title; // => "PCA map"
 */
export async function pcaSection(
  pca: PcaProjection,
  context: SectionContext,
): Promise<ReportSection> {
  const svg = await renderSvg(pcaScatterSpec(pca, { names: context.clusterNames }));
  const together = pca.explained[0] + pca.explained[1];
  const shown = Math.min(pca.points.length, MAX_PCA_POINTS);
  const caption =
    shown >= pca.totalRows
      ? `All ${plural(pca.totalRows, "row")} shown.`
      : `${formatInteger(shown)} of ${plural(pca.totalRows, "row")} shown (seeded sample, every cluster represented).`;
  const lowVariance =
    together < 0.5
      ? callout({
          tone: "info",
          title: "The map shows less than half of the variance",
          body:
            "Clusters that overlap here may still be apart in the dimensions the map leaves out; " +
            "trust the silhouettes and profiles over this picture.",
        })
      : null;
  return {
    id: "pca",
    title: context.locale.t("title.pca"),
    html: join(
      paragraph(
        "The scaled rows projected on their first two principal components, coloured by cluster. " +
          `PC1 and PC2 explain ${formatPercent(pca.explained[0])} and ${formatPercent(pca.explained[1])} ` +
          `of the variance (${formatPercent(together)} together).`,
      ),
      lowVariance,
      chart({ svg, caption }),
    ),
  };
}
