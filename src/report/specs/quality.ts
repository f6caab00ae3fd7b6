import type { TopLevelSpec } from "vega-lite";
import type { SweepRow } from "../../evaluate/types.js";
import { kAxis } from "./elbow.js";
import {
  ANNOTATION_COLOR,
  BASE_CONFIG,
  SERIES_COLOR,
  VEGA_LITE_SCHEMA,
  magnitudeFormat,
} from "./theme.js";
import { CHART_LOCALE } from "./theme.js";
import type { LayerItem } from "./theme.js";
import type { Locale, MessageKey } from "../i18n/index.js";

/** Options of {@link qualityIndicesSpec}. */
export interface QualitySpecOptions {
  /** Marked in every panel with a dashed rule and a circled point. */
  recommendedK?: number;
  /** Width of each panel. */
  panelWidth?: number;
  height?: number;
  title?: string;
  /** Language of the axis, legend and tooltip titles (default English). */
  locale?: Locale;
}

interface IndexPanel {
  key: "silhouette" | "calinskiHarabasz" | "daviesBouldin";
  title: MessageKey;
  /** d3 format of the y axis, or null for one chosen by magnitude. */
  format: string | null;
}

const PANELS: readonly IndexPanel[] = [
  { key: "silhouette", title: "chart.silhouette", format: ".2f" },
  { key: "calinskiHarabasz", title: "chart.calinskiHarabasz", format: null },
  { key: "daviesBouldin", title: "chart.daviesBouldin", format: ".2f" },
];

function panel(
  rows: readonly SweepRow[],
  index: IndexPanel,
  options: QualitySpecOptions,
): LayerItem {
  const values = rows
    .filter((row) => Number.isFinite(row[index.key]))
    .map((row) => ({ k: row.k, value: row[index.key] }));
  const locale = options.locale ?? CHART_LOCALE;
  const x = kAxis(values, locale);
  const format =
    index.format ?? magnitudeFormat(Math.max(0, ...values.map((row) => Math.abs(row.value))));
  const layers: LayerItem[] = [
    {
      mark: {
        type: "line",
        color: SERIES_COLOR,
        strokeWidth: 2,
        point: { filled: true, size: 40, color: SERIES_COLOR },
      },
      encoding: {
        x,
        y: {
          field: "value",
          type: "quantitative",
          title: null,
          scale: { zero: false },
          axis: { format },
        },
      },
    },
  ];
  const recommended = values.find((row) => row.k === options.recommendedK);
  if (recommended) {
    layers.push(
      {
        data: { values: [{ k: recommended.k }] },
        mark: {
          type: "rule",
          color: ANNOTATION_COLOR,
          strokeDash: [5, 4],
          strokeWidth: 1.2,
          opacity: 0.8,
        },
        encoding: { x: { field: "k", type: "quantitative" } },
      },
      {
        data: { values: [recommended] },
        mark: {
          type: "point",
          shape: "circle",
          size: 220,
          filled: false,
          strokeWidth: 2,
          color: ANNOTATION_COLOR,
        },
        encoding: {
          x: { field: "k", type: "quantitative" },
          y: { field: "value", type: "quantitative" },
        },
      },
    );
  }
  return {
    title: { text: locale.t(index.title), fontSize: 12.5, fontWeight: "bold" },
    width: options.panelWidth ?? 230,
    height: options.height ?? 190,
    data: { values },
    layer: layers,
  };
}

/**
 * Silhouette, Calinski–Harabasz and Davies–Bouldin against k, as three
 * side-by-side panels with their own y scales; the recommended k is marked
 * in each with a dashed rule and a circled point. Non-finite values are left out.
 *
 * @throws never
 * @example
 * qualityIndicesSpec(sweep.rows, { recommendedK: 4 });
 */
export function qualityIndicesSpec(
  rows: readonly SweepRow[],
  options: QualitySpecOptions = {},
): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    hconcat: PANELS.map((index) => panel(rows, index, options)),
    resolve: { scale: { y: "independent" } },
    config: BASE_CONFIG,
  };
}
