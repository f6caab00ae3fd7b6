/**
 * The silhouette section of a clustering: the knife plot of a sample of rows
 * and the per-cluster summary.
 */
import type { SilhouettePlotData } from "../../evaluate/types.js";
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { knifeLayout, MAX_KNIFE_BARS, silhouetteKnifeSpec } from "../specs/silhouette.js";
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
  const names = context.clusterNames;
  const svg = await renderSvg(silhouetteKnifeSpec(data, { names }));
  const bars = knifeLayout(data.values, MAX_KNIFE_BARS).bars.length;
  const sample =
    data.sampleSize >= data.totalRows
      ? `all ${plural(data.totalRows, "row")}`
      : `a seeded sample of ${formatInteger(data.sampleSize)} of ${plural(data.totalRows, "row")}`;
  const thinned =
    bars < data.values.length
      ? ` Drawn as ${formatInteger(bars)} bars (evenly spaced quantiles within each cluster).`
      : "";
  const perCluster = table<SilhouetteSummaryRow>({
    rows: silhouetteSummary(data),
    columns: [
      { header: "Cluster", value: (row) => clusterCell(row.cluster, names) },
      { header: "Rows in sample", value: (row) => row.n, decimals: 0 },
      { header: "Mean silhouette", value: (row) => row.mean, decimals: 3 },
      {
        header: "Negative silhouette",
        value: (row) => formatPercent(row.negative),
        align: "right",
        description: "Share of rows closer to another cluster than to their own",
      },
    ],
  });
  return {
    id: "silhouette",
    title: context.locale.t("title.silhouette"),
    html: join(
      paragraph(
        "Each bar is one row: how much closer it is to its own cluster than to the next nearest " +
          "(1 = clearly placed, 0 = on a border, below 0 = closer to another cluster). " +
          "Wide, even knives mean solid clusters; long negative tails mean overlap.",
      ),
      chart({
        svg,
        caption: `Silhouettes of ${sample}.${thinned} Dashed line: the mean silhouette, ${formatNumber(data.average, 3)}.`,
      }),
      perCluster,
    ),
  };
}
