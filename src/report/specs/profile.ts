import type { TopLevelSpec } from "vega-lite";
import type { ClusterProfile, Profiles } from "../../evaluate/profile-types.js";
import type { Locale } from "../i18n/locale.js";
import {
  BASE_CONFIG,
  CHART_LOCALE,
  VEGA_LITE_SCHEMA,
  clusterColorScale,
  clusterName,
  magnitudeFormat,
} from "./theme.js";
import type { ClusterNames } from "./theme.js";

/** Cluster labels by number, from the profiles themselves. */
function labelsOf(clusters: readonly Pick<ClusterProfile, "cluster" | "label">[]): ClusterNames {
  return Object.fromEntries(clusters.map((c) => [c.cluster, c.label]));
}

/** Options of {@link profileHeatmapSpec}. */
export interface HeatmapSpecOptions {
  /** Width of one feature column in pixels (default 96). */
  cellWidth?: number;
  /** Height of one cluster row in pixels (default 36). */
  cellHeight?: number;
  title?: string;
  /** Cluster labels by number (default: each profile's own label). */
  names?: ClusterNames;
  /** Language of the axis, legend and label text (default English). */
  locale?: Locale;
}

/**
 * The symmetric colour limit of the heatmap: the largest |z| rounded up to a
 * half, at least 1, so 0 always sits in the middle of the diverging scheme.
 *
 * @example
 * heatmapLimit([0.3, -2.2]); // => 2.5
 */
export function heatmapLimit(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value)).map((value) => Math.abs(value));
  const largest = finite.length > 0 ? Math.max(...finite) : 0;
  return Math.max(1, Math.ceil(largest * 2) / 2);
}

/**
 * Profile heatmap: clusters (rows, in cluster order) × features (columns, in
 * feature order), coloured by the centroid's z-score on a diverging scheme
 * centred at 0 (blue below the overall mean, orange above), each cell
 * labelled with its value.
 *
 * @throws never
 * @example
 * profileHeatmapSpec(profiles);
 */
export function profileHeatmapSpec(
  profiles: Profiles,
  options: HeatmapSpecOptions = {},
): TopLevelSpec {
  const names = options.names ?? labelsOf(profiles.clusters);
  const locale = options.locale ?? CHART_LOCALE;
  const ordered = [...profiles.clusters].sort((a, b) => a.cluster - b.cluster);
  const values = ordered.flatMap((profile) =>
    profiles.features.map((feature) => ({
      cluster: clusterName(profile.cluster, names, locale),
      feature,
      z: profile.zCentroid[feature] ?? Number.NaN,
    })),
  );
  const limit = heatmapLimit(values.map((value) => value.z));
  const longestFeature = Math.max(0, ...profiles.features.map((feature) => feature.length));
  const cellWidth = options.cellWidth ?? 96;
  // Rotate feature names when they would not fit across a cell (≈6.5 px per character at 12 px).
  const labelAngle = longestFeature * 6.5 > cellWidth - 8 ? -30 : 0;
  const clusterOrder = ordered.map((profile) => clusterName(profile.cluster, names, locale));
  const x = {
    field: "feature",
    type: "nominal" as const,
    sort: profiles.features,
    title: null,
    axis: {
      orient: "top" as const,
      labelAngle,
      labelAlign: labelAngle === 0 ? ("center" as const) : ("left" as const),
      domain: false,
      ticks: false,
    },
  };
  const y = {
    field: "cluster",
    type: "nominal" as const,
    sort: clusterOrder,
    title: null,
    axis: { domain: false, ticks: false },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: { step: cellWidth },
    height: { step: options.cellHeight ?? 36 },
    data: { values },
    encoding: { x, y },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 2 },
        encoding: {
          color: {
            field: "z",
            type: "quantitative",
            title: [locale.t("chart.zScoreTop"), locale.t("chart.zScoreBottom")],
            scale: { scheme: "blueorange", domain: [-limit, limit], domainMid: 0 },
            legend: {
              gradientLength: Math.max(100, 36 * profiles.clusters.length),
              values: [-limit, 0, limit],
              format: ".1f",
            },
          },
        },
      },
      {
        mark: { type: "text" },
        encoding: {
          text: { field: "z", type: "quantitative", format: "+.2f" },
          color: {
            // Light text on the saturated ends of the scale, dark text elsewhere.
            condition: { test: `abs(datum.z) > ${limit * 0.6}`, value: "white" },
            value: "#1d2330",
          },
        },
      },
    ],
    config: BASE_CONFIG,
  };
}

/** What {@link clusterSizeSpec} needs of a profile. */
export type ClusterSize = Pick<ClusterProfile, "cluster" | "label" | "size" | "share">;

/**
 * Cluster sizes as horizontal bars (cluster 0 on top), coloured like the
 * other charts, each labelled with its count and share.
 *
 * @throws never
 * @example
 * clusterSizeSpec(profiles.clusters);
 */
export function clusterSizeSpec(
  clusters: readonly ClusterSize[],
  options: { width?: number; title?: string; names?: ClusterNames; locale?: Locale } = {},
): TopLevelSpec {
  const names = options.names ?? labelsOf(clusters);
  const locale = options.locale ?? CHART_LOCALE;
  const ordered = [...clusters].sort((a, b) => a.cluster - b.cluster);
  const values = ordered.map((c) => ({
    name: clusterName(c.cluster, names, locale),
    size: c.size,
    text: `${locale.integer(c.size)} (${locale.percent(c.share)})`,
  }));
  const maxSize = Math.max(1, ...ordered.map((c) => c.size));
  const y = {
    field: "name",
    type: "nominal" as const,
    sort: values.map((value) => value.name),
    title: null,
    axis: { domain: false, ticks: false },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 480,
    height: { step: 32 },
    data: { values },
    encoding: {
      y,
      // Room on the right for the labels of the longest bar.
      x: {
        field: "size",
        type: "quantitative",
        title: locale.t("chart.rows"),
        scale: { domain: [0, maxSize * 1.25], nice: false },
        axis: { format: magnitudeFormat(maxSize), tickCount: 5 },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          color: {
            field: "name",
            type: "nominal",
            scale: clusterColorScale(
              ordered.map((c) => c.cluster),
              names,
              locale,
            ),
            legend: null,
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 5, color: "#333a45" },
        encoding: { text: { field: "text" } },
      },
    ],
    config: BASE_CONFIG,
  };
}
