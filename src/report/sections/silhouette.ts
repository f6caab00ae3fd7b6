/**
 * The silhouette section of a clustering: the knife plot of a sample of rows
 * and the per-cluster summary.
 */
import type { SilhouettePlotData } from "../../evaluate/types.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { knifeLayout, MAX_KNIFE_BARS, silhouetteKnifeSpec } from "../specs/silhouette.js";
import { clusterName } from "../specs/theme.js";
import { clusterCell } from "./clusters.js";
import type { SectionContext } from "./section.js";

interface SilhouetteSummaryRow {
  cluster: number;
  n: number;
  mean: number;
  negative: number;
}

function silhouetteSummary(data: SilhouettePlotData): SilhouetteSummaryRow[] {
  const byCluster = new Map<number, number[]>();
  for (const { cluster, silhouette } of data.values) {
    if (!Number.isFinite(silhouette)) continue;
    let list = byCluster.get(cluster);
    if (!list) byCluster.set(cluster, (list = []));
    list.push(silhouette);
  }
  return [...byCluster.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cluster, values]) => ({
      cluster,
      n: values.length,
      mean: values.reduce((sum, value) => sum + value, 0) / values.length,
      negative: values.filter((value) => value < 0).length / values.length,
    }));
}

/**
 * The silhouette knife plot (one bar per sampled row, thinned to quantiles
 * when there are many) and per cluster its mean and share of negative values.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await silhouetteSection(input.cluster!.silhouette, context)).id; // => "silhouette"
 */
export async function silhouetteSection(
  data: SilhouettePlotData,
  context: SectionContext,
): Promise<ReportSection> {
  const { locale } = context;
  const { t, number, integer, percent } = locale;
  const names = context.clusterNames;
  const svg = await renderSvg(silhouetteKnifeSpec(data, { names, locale }));
  const bars = knifeLayout(data.values, MAX_KNIFE_BARS).bars.length;
  const sample =
    data.sampleSize >= data.totalRows
      ? t("silhouette.all", { rows: data.totalRows })
      : t("silhouette.sample", { sample: integer(data.sampleSize), rows: data.totalRows });
  const thinned = bars < data.values.length ? t("silhouette.thinned", { bars: integer(bars) }) : "";
  const summary = silhouetteSummary(data);
  const perCluster = table<SilhouetteSummaryRow>({
    rows: summary,
    columns: [
      { header: t("silhouette.cluster"), value: (row) => clusterCell(row.cluster, names, locale) },
      { header: t("silhouette.rows"), value: (row) => row.n, decimals: 0 },
      { header: t("silhouette.mean"), value: (row) => row.mean, decimals: 3 },
      {
        header: t("silhouette.negative"),
        value: (row) => percent(row.negative),
        align: "right",
        description: t("silhouette.negativeHelp"),
      },
    ],
  });
  const weakest = summary.reduce<SilhouetteSummaryRow | undefined>(
    (low, row) => (low === undefined || row.mean < low.mean ? row : low),
    undefined,
  );
  const alt = weakest
    ? t("silhouette.alt", {
        clusters: summary.length,
        mean: number(data.average, 3),
        weakest: clusterName(weakest.cluster, names, locale),
        weakestMean: number(weakest.mean, 3),
        weakestNegative: percent(weakest.negative),
      })
    : undefined;
  return {
    id: "silhouette",
    title: t("title.silhouette"),
    html: join(
      paragraph(t("silhouette.intro")),
      chart({
        svg,
        caption: t("silhouette.caption", { sample, thinned, mean: number(data.average, 3) }),
        ...(alt ? { alt } : {}),
      }),
      perCluster,
    ),
  };
}
