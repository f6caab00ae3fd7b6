/**
 * The PCA map of a clustering: a sample of rows on the first two principal
 * components, coloured by cluster.
 */
import type { PcaProjection } from "../../evaluate/types.js";
import { callout, chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
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
  const { locale } = context;
  const { t, percent, integer } = locale;
  const svg = await renderSvg(pcaScatterSpec(pca, { names: context.clusterNames, locale }));
  const together = pca.explained[0] + pca.explained[1];
  const shown = Math.min(pca.points.length, MAX_PCA_POINTS);
  const caption =
    shown >= pca.totalRows
      ? t("pca.all", { rows: pca.totalRows })
      : t("pca.sample", { shown: integer(shown), rows: pca.totalRows });
  const lowVariance =
    together < 0.5
      ? callout({ tone: "info", title: t("pca.lowTitle"), body: t("pca.lowBody") })
      : null;
  const clusters = new Set(pca.points.map((point) => point.cluster)).size;
  const alt = t("pca.alt", { shown: integer(shown), clusters, together: percent(together) });
  return {
    id: "pca",
    title: t("title.pca"),
    html: join(
      paragraph(
        t("pca.intro", {
          pc1: percent(pca.explained[0]),
          pc2: percent(pca.explained[1]),
          together: percent(together),
        }),
      ),
      lowVariance,
      chart({ svg, caption, alt }),
    ),
  };
}
