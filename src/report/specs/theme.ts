/**
 * Shared look of every chart: fonts, sizes, and the cluster colours. Cluster
 * colours are keyed by the reported cluster number, so cluster 2 has the same
 * colour in the PCA map, the silhouette plot and the size bars, whichever
 * clusters a chart happens to contain.
 */
import type { Config } from "vega-lite";
import type { Field, PositionDef } from "vega-lite/build/src/channeldef.js";
import type { LayerSpec } from "vega-lite/build/src/spec/index.js";
import { localeFor } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";

/** One layer of a layered spec (a unit spec or a nested layer). */
export type LayerItem = LayerSpec<Field>["layer"][number];
/** An x or y encoding. */
export type PositionEncoding = PositionDef<Field>;

/** Vega-Lite schema URL stamped on every spec (a label for tools; nothing is fetched). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * Chart font stack. Arial-compatible faces first: SVGs are laid out in Node,
 * where text is measured with Helvetica/Arial metrics (see `text-metrics.ts`),
 * so the browser should draw them with a metric-compatible face. CJK faces
 * follow, so Chinese segment names fall back to a face that has them.
 */
export const CHART_FONT =
  'Arial, "Liberation Sans", Helvetica, "Helvetica Neue", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/**
 * Categorical colours of clusters and segments: Paul Tol's "muted" scheme
 * (https://personal.sron.nl/~pault/, 2021), nine colours chosen to stay
 * distinct for deuteranopia, protanopia and tritanopia and in greyscale
 * print. Okabe–Ito has only eight, and a k sweep reaches ten clusters, so the
 * larger set wins. Cluster c gets entry c mod 9 (with k = 10, cluster 9
 * shares cluster 0's colour; legends and labels still name it). Tol's pale
 * grey (#DDDDDD, his "bad data" colour) is left out. The colours are fills
 * and strokes only: chart text stays dark grey, so text contrast is unchanged.
 */
export const CLUSTER_PALETTE: readonly string[] = [
  "#cc6677", // rose
  "#332288", // indigo
  "#ddcc77", // sand
  "#117733", // green
  "#88ccee", // cyan
  "#882255", // wine
  "#44aa99", // teal
  "#999933", // olive
  "#aa4499", // purple
];

/** Accent for annotations (knee, recommended k, averages). */
export const ANNOTATION_COLOR = "#c2410c";
/** Colour of single-series lines and points. */
export const SERIES_COLOR = "#4c78a8";

/**
 * The colour of a reported cluster number.
 *
 * @throws {RangeError} for a negative or non-integer cluster number
 * @example
 * clusterColor(0); // => "#cc6677"
 */
export function clusterColor(cluster: number): string {
  if (!Number.isInteger(cluster) || cluster < 0)
    throw new RangeError(`cluster number must be a non-negative integer, got ${cluster}`);
  return CLUSTER_PALETTE[cluster % CLUSTER_PALETTE.length]!;
}

/**
 * The locale chart titles are written in when a spec builder is given none:
 * English, so notebooks and English reports keep their specs byte for byte.
 */
export const CHART_LOCALE: Locale = localeFor("en");

/** Human labels of clusters by reported number (e.g. from profiles). */
export type ClusterNames = Readonly<Record<number, string>>;

/**
 * The display name of a cluster: "2: Low monetary · Lapsed" when a label is
 * known, else "Cluster 2" (in the locale's language: "簇 2").
 *
 * @example
 * clusterName(2, { 2: "Lapsed" }); // => "2: Lapsed"
 * clusterName(3); // => "Cluster 3"
 * clusterName(3, {}, localeFor("zh-CN")); // => "簇 3"
 */
export function clusterName(
  cluster: number,
  names?: ClusterNames,
  locale: Locale = CHART_LOCALE,
): string {
  const label = names?.[cluster];
  return label ? `${cluster}: ${label}` : locale.t("chart.cluster", { cluster });
}

/**
 * A vega-lite ordinal colour scale for the given cluster numbers: domain =
 * their display names in cluster order, range = their palette colours.
 *
 * @example
 * clusterColorScale([1, 0]); // => { domain: ["Cluster 0", "Cluster 1"], range: ["#cc6677", "#332288"] }
 */
export function clusterColorScale(
  clusters: Iterable<number>,
  names?: ClusterNames,
  locale: Locale = CHART_LOCALE,
): { domain: string[]; range: string[] } {
  const ordered = [...new Set(clusters)].sort((a, b) => a - b);
  return {
    domain: ordered.map((c) => clusterName(c, names, locale)),
    range: ordered.map((c) => clusterColor(c)),
  };
}

/**
 * d3 format for an axis of values up to `max`: thousands separators below
 * 100,000, SI prefixes ("1.2M") above.
 *
 * @example
 * magnitudeFormat(2800); // => ",~f"
 */
export function magnitudeFormat(max: number): string {
  return Math.abs(max) >= 1e5 ? "~s" : ",~f";
}

/** Configuration shared by all charts. */
export const BASE_CONFIG: Config = {
  font: CHART_FONT,
  // No per-item ARIA labels: they triple the size of scatter plots; the report
  // describes each chart in its caption and marks the figure as an image.
  aria: false,
  background: "white",
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12.5,
    titleFontWeight: "normal",
    titleColor: "#333a45",
    labelColor: "#4a5160",
    domainColor: "#9aa1ab",
    tickColor: "#9aa1ab",
    gridColor: "#eceef1",
    labelLimit: 300,
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12.5,
    titleFontWeight: "normal",
    titleColor: "#333a45",
    labelColor: "#333a45",
    labelLimit: 320,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 13, fontWeight: "bold", anchor: "start", color: "#1d2330", offset: 8 },
  text: { fontSize: 12 },
  concat: { spacing: 28 },
};
