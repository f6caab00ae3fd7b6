import type { TopLevelSpec } from "vega-lite";
import type { PcaProjection } from "../types.js";
import type { Locale } from "../i18n/locale.js";
import {
  BASE_CONFIG,
  CHART_LOCALE,
  VEGA_LITE_SCHEMA,
  clusterColorScale,
  clusterName,
} from "./theme.js";
import type { ClusterNames } from "./theme.js";

/** Most points a PCA scatter draws by default (keeps the inline SVG small). */
export const MAX_PCA_POINTS = 3000;

/** Options of {@link pcaScatterSpec}. */
export interface PcaSpecOptions {
  names?: ClusterNames;
  /** At most this many points (default {@link MAX_PCA_POINTS}); more are thinned by an even stride. */
  maxPoints?: number;
  width?: number;
  title?: string;
  /** Language of the axis, legend and label text (default English). */
  locale?: Locale;
  /** Titles of the PC1 and PC2 axes (default "PC1 (43.2% of variance)"). */
  axisTitles?: [string, string];
  /** Show the cluster legend (default true). */
  legend?: boolean;
}

/**
 * Every ⌈n/max⌉-th point, in order. The projection's points are already a
 * random sample, so a stride keeps it unbiased and deterministic.
 *
 * @throws {RangeError} when max < 1
 * @example
 * thinPoints([1, 2, 3, 4, 5], 2); // => [1, 3]
 */
export function thinPoints<T>(points: readonly T[], max: number): T[] {
  if (!(max >= 1)) throw new RangeError(`max must be at least 1, got ${max}`);
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const step = points.length / max;
  for (let i = 0; i < max; i++) out.push(points[Math.floor(i * step)]!);
  return out;
}

/**
 * "PC1 (43.2% of variance)".
 *
 * @example
 * pcAxisTitle(1, 0.4321); // => "PC1 (43.2% of variance)"
 * pcAxisTitle(1, 0.4321, localeFor("zh-CN")); // => "主成分 PC1（解释 43.2% 的方差）"
 */
export function pcAxisTitle(
  component: number,
  explained: number,
  locale: Locale = CHART_LOCALE,
): string {
  return locale.t("chart.pcAxis", { component, share: locale.percent(explained) });
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/**
 * Scatter of rows on the first two principal components, coloured by cluster,
 * with the share of variance each component explains in its axis title. The
 * plot's height follows the ratio of the PC2 and PC1 ranges (clamped to
 * 0.45–1 × width) so distances read roughly the same along both axes.
 *
 * @throws {RangeError} when maxPoints < 1
 * @example
 * pcaScatterSpec(report.cluster.pca, { names: { 0: "Champions" } });
 */
export function pcaScatterSpec(pca: PcaProjection, options: PcaSpecOptions = {}): TopLevelSpec {
  const shown = thinPoints(pca.points, options.maxPoints ?? MAX_PCA_POINTS);
  const locale = options.locale ?? CHART_LOCALE;
  const values = shown.map((point) => ({
    x: round4(point.x),
    y: round4(point.y),
    name: clusterName(point.cluster, options.names, locale),
  }));
  const width = options.width ?? 560;
  const xs = shown.map((point) => point.x);
  const ys = shown.map((point) => point.y);
  const xRange = xs.length > 0 ? Math.max(...xs) - Math.min(...xs) : 0;
  const yRange = ys.length > 0 ? Math.max(...ys) - Math.min(...ys) : 0;
  const aspect = xRange > 0 ? Math.min(1, Math.max(0.45, yRange / xRange)) : 0.75;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width,
    height: Math.round(width * aspect),
    data: { values },
    mark: { type: "circle", size: 16, opacity: 0.6, strokeWidth: 0 },
    encoding: {
      x: {
        field: "x",
        type: "quantitative",
        title: options.axisTitles?.[0] ?? pcAxisTitle(1, pca.explained[0], locale),
        scale: { zero: false },
      },
      y: {
        field: "y",
        type: "quantitative",
        title: options.axisTitles?.[1] ?? pcAxisTitle(2, pca.explained[1], locale),
        scale: { zero: false },
      },
      color: {
        field: "name",
        type: "nominal",
        title: locale.t("chart.legendCluster"),
        scale: clusterColorScale(
          shown.map((point) => point.cluster),
          options.names,
          locale,
        ),
        legend:
          options.legend === false ? null : { orient: "right", symbolOpacity: 1, symbolSize: 80 },
      },
    },
    config: BASE_CONFIG,
  };
}
