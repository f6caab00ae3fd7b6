import type { TopLevelSpec } from "vega-lite";
import { evenQuantiles } from "../../shared/stats.js";
import type { SilhouettePlotData } from "../types.js";
import type { Locale } from "../i18n/locale.js";
import {
  ANNOTATION_COLOR,
  BASE_CONFIG,
  CHART_LOCALE,
  VEGA_LITE_SCHEMA,
  clusterColorScale,
  clusterName,
} from "./theme.js";
import type { ClusterNames } from "./theme.js";

/** Most bars a knife plot draws by default (keeps the inline SVG small). */
export const MAX_KNIFE_BARS = 2000;

/** Options of {@link silhouetteKnifeSpec}. */
export interface KnifeSpecOptions {
  names?: ClusterNames;
  /** At most this many bars (default {@link MAX_KNIFE_BARS}); larger samples are thinned by quantiles. */
  maxBars?: number;
  width?: number;
  height?: number;
  title?: string;
  /** Language of the axis, legend and label text (default English). */
  locale?: Locale;
  /** Title of the silhouette axis (default "Silhouette coefficient"). */
  axisTitle?: string;
  /** Label of the mean line (default "average 0.41"). */
  averageText?: string;
  /** Label of each cluster's group on the left (default "Cluster 2: n = 310, mean 0.41"). */
  groupLabel?: (group: KnifeLayout["groups"][number]) => string;
}

/** One bar of the knife plot with its vertical slot. */
export interface KnifeBar {
  cluster: number;
  silhouette: number;
  /** Top and bottom of the bar, in bar units from the top of the plot. */
  y0: number;
  y1: number;
}

/** The laid-out knife plot: bars grouped by cluster, plus where each group sits. */
export interface KnifeLayout {
  bars: KnifeBar[];
  groups: { cluster: number; count: number; mid: number; mean: number }[];
  /** Height of the whole plot in bar units (bars + gaps). */
  extent: number;
}

/**
 * Lays out the knife plot: clusters top to bottom in cluster order, each
 * cluster's silhouettes sorted from highest to lowest, a gap between
 * clusters. When there are more values than `maxBars`, each cluster keeps a
 * share of bars proportional to its size (at least one) made of evenly spaced
 * quantiles, so every cluster's shape survives. Group means are of all values.
 *
 * @throws {RangeError} when maxBars < 1
 * @example
 * knifeLayout([{ cluster: 0, silhouette: 0.5 }, { cluster: 1, silhouette: 0.2 }], 2000).bars.length; // => 2
 */
export function knifeLayout(values: SilhouettePlotData["values"], maxBars: number): KnifeLayout {
  if (!(maxBars >= 1)) throw new RangeError(`maxBars must be at least 1, got ${maxBars}`);
  const byCluster = new Map<number, number[]>();
  for (const { cluster, silhouette } of values) {
    if (!Number.isFinite(silhouette)) continue;
    let list = byCluster.get(cluster);
    if (!list) byCluster.set(cluster, (list = []));
    list.push(silhouette);
  }
  const clusters = [...byCluster.keys()].sort((a, b) => a - b);
  const total = clusters.reduce((sum, c) => sum + byCluster.get(c)!.length, 0);
  const thinning = total > maxBars ? maxBars / total : 1;
  const kept = clusters.map((c) => Math.max(1, Math.floor(byCluster.get(c)!.length * thinning)));
  const keptTotal = kept.reduce((a, b) => a + b, 0);
  const gap = Math.max(2, Math.round(keptTotal * 0.025));
  const bars: KnifeBar[] = [];
  const groups: KnifeLayout["groups"] = [];
  let y = 0;
  clusters.forEach((cluster, g) => {
    const all = byCluster.get(cluster)!;
    const sorted = [...all].sort((a, b) => b - a);
    const shown = evenQuantiles(sorted, kept[g]!);
    const start = y;
    for (const silhouette of shown) {
      bars.push({ cluster, silhouette, y0: y, y1: y + 1 });
      y += 1;
    }
    groups.push({
      cluster,
      count: all.length,
      mid: (start + y) / 2,
      mean: all.reduce((a, b) => a + b, 0) / all.length,
    });
    y += gap;
  });
  return { bars, groups, extent: Math.max(1, y - gap) };
}

/** Rounds to 4 decimals so the spec embedded in notebooks stays small. */
function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/**
 * Silhouette "knife" plot: one horizontal bar per sampled row, grouped by
 * cluster (cluster 0 on top), sorted within each cluster, coloured by
 * cluster, with the overall average silhouette as a dashed rule. Cluster
 * names and sizes label each group on the left.
 *
 * @throws {RangeError} when maxBars < 1
 * @example
 * silhouetteKnifeSpec(report.cluster.silhouette, { names: { 0: "Champions" } });
 */
export function silhouetteKnifeSpec(
  data: SilhouettePlotData,
  options: KnifeSpecOptions = {},
): TopLevelSpec {
  const layout = knifeLayout(data.values, options.maxBars ?? MAX_KNIFE_BARS);
  const locale = options.locale ?? CHART_LOCALE;
  const clusters = layout.groups.map((group) => group.cluster);
  const color = clusterColorScale(clusters, options.names, locale);
  const minSilhouette = Math.min(0, ...layout.bars.map((bar) => bar.silhouette));
  const xDomain = [Math.min(-0.1, Math.floor(minSilhouette * 10) / 10), 1];
  const bars = layout.bars.map((bar) => ({
    name: clusterName(bar.cluster, options.names, locale),
    s: round4(bar.silhouette),
    y0: bar.y0,
    y1: bar.y1,
  }));
  const groupLabel =
    options.groupLabel ??
    ((group: KnifeLayout["groups"][number]) =>
      locale.t("chart.knifeGroup", {
        name: clusterName(group.cluster, {}, locale),
        count: locale.integer(group.count),
        mean: locale.number(group.mean, 2),
      }));
  const groupLabels = layout.groups.map((group) => ({ mid: group.mid, label: groupLabel(group) }));
  const yScale = { domain: [0, layout.extent], reverse: true, nice: false, zero: false };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 600,
    height: options.height ?? Math.min(520, Math.max(260, 70 * layout.groups.length)),
    layer: [
      {
        data: { values: bars },
        mark: { type: "rect", strokeWidth: 0 },
        encoding: {
          x: {
            field: "s",
            type: "quantitative",
            title: options.axisTitle ?? locale.t("chart.silhouetteAxis"),
            scale: { domain: xDomain, nice: false },
            axis: { format: ".1f", tickCount: 12 },
          },
          x2: { datum: 0 },
          y: { field: "y0", type: "quantitative", axis: null, scale: yScale },
          y2: { field: "y1" },
          color: { field: "name", type: "nominal", scale: color, legend: null },
        },
      },
      {
        data: { values: groupLabels },
        // Labels sit in the left margin (x in pixels), where no bar can reach them.
        mark: { type: "text", align: "right", baseline: "middle", color: "#333a45" },
        encoding: {
          x: { value: -8 },
          y: { field: "mid", type: "quantitative", scale: yScale },
          text: { field: "label" },
        },
      },
      {
        data: {
          values: [
            {
              average: round4(data.average),
              text:
                options.averageText ??
                locale.t("chart.average", { mean: locale.number(data.average, 2) }),
            },
          ],
        },
        layer: [
          {
            mark: { type: "rule", color: ANNOTATION_COLOR, strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { x: { field: "average", type: "quantitative" } },
          },
          {
            // Above the plot area, so it never covers the first cluster's bars.
            mark: {
              type: "text",
              color: ANNOTATION_COLOR,
              align: "center",
              baseline: "bottom",
              dy: -4,
              fontWeight: "bold",
            },
            encoding: {
              x: { field: "average", type: "quantitative" },
              y: { value: 0 },
              text: { field: "text" },
            },
          },
        ],
      },
    ],
    config: BASE_CONFIG,
  };
}
