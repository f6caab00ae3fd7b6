import type { TopLevelSpec } from "vega-lite";
import type { SweepRow } from "../../evaluate/types.js";
import { kAxis } from "./elbow.js";
import {
  BASE_CONFIG,
  CHART_LOCALE,
  CLUSTER_PALETTE,
  VEGA_LITE_SCHEMA,
  magnitudeFormat,
} from "./theme.js";
import type { Locale, MessageKey } from "../i18n/index.js";

/** A sweep index that {@link sweepComparisonSpec} can draw. */
export type SweepIndex = "inertia" | "silhouette" | "calinskiHarabasz" | "daviesBouldin";

/** One line of {@link sweepComparisonSpec}: a named sweep (a scaling, a seed, a feature set). */
export interface SweepSeries {
  name: string;
  rows: readonly SweepRow[];
}

/** Options of {@link sweepComparisonSpec}. */
export interface SweepComparisonOptions {
  /** The index on the y axis (default silhouette). */
  index?: SweepIndex;
  width?: number;
  height?: number;
  title?: string;
  /** Language of the axis, legend and tooltip titles (default English). */
  locale?: Locale;
}

/** Catalogue keys of each index's axis title and tooltip name. */
const INDEX_TITLES: Record<SweepIndex, { axis: MessageKey; short: MessageKey }> = {
  inertia: { axis: "chart.inertia", short: "chart.index.inertia" },
  silhouette: { axis: "chart.silhouette", short: "chart.index.silhouette" },
  calinskiHarabasz: { axis: "chart.calinskiHarabasz", short: "chart.index.calinskiHarabasz" },
  daviesBouldin: { axis: "chart.daviesBouldin", short: "chart.index.daviesBouldin" },
};

/**
 * One index against k for several sweeps, one coloured line each, in the
 * order given (legend included): how a choice made before clustering (the
 * scaling, the seed, the features) moves the evidence for k. Non-finite
 * values are left out.
 *
 * Each sweep's index is measured in its own scaled space, so lines of
 * different scalings compare how well separated each space's clusters are,
 * not the same distances.
 *
 * @throws never (no series gives an empty chart)
 * @example
 * sweepComparisonSpec(
 *   [{ name: "z-score", rows: zscore.rows }, { name: "log money", rows: logged.rows }],
 *   { index: "silhouette" },
 * );
 */
export function sweepComparisonSpec(
  series: readonly SweepSeries[],
  options: SweepComparisonOptions = {},
): TopLevelSpec {
  const index = options.index ?? "silhouette";
  const locale = options.locale ?? CHART_LOCALE;
  const values = series.flatMap((line) =>
    line.rows
      .filter((row) => Number.isFinite(row[index]))
      .map((row) => ({ k: row.k, value: row[index], series: line.name })),
  );
  const names = series.map((line) => line.name);
  const magnitude = Math.max(0, ...values.map((row) => Math.abs(row.value)));
  const format =
    index === "silhouette" || index === "daviesBouldin" ? ".2f" : magnitudeFormat(magnitude);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 460,
    height: options.height ?? 240,
    data: { values },
    mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 40 } },
    encoding: {
      x: kAxis(values, locale),
      y: {
        field: "value",
        type: "quantitative",
        title: locale.t(INDEX_TITLES[index].axis),
        scale: { zero: false },
        axis: { format },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: names, range: CLUSTER_PALETTE.slice(0, Math.max(1, names.length)) },
        legend: { orient: "right" },
      },
      tooltip: [
        { field: "series", type: "nominal", title: locale.t("chart.sweep") },
        { field: "k", type: "quantitative" },
        {
          field: "value",
          type: "quantitative",
          title: locale.t(INDEX_TITLES[index].short),
          format: ".4~f",
        },
      ],
    },
    config: BASE_CONFIG,
  };
}
