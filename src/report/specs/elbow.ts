import type { TopLevelSpec } from "vega-lite";
import type { SweepRow } from "../../evaluate/types.js";
import {
  ANNOTATION_COLOR,
  BASE_CONFIG,
  SERIES_COLOR,
  VEGA_LITE_SCHEMA,
  magnitudeFormat,
} from "./theme.js";
import type { Locale } from "../i18n/locale.js";
import type { LayerItem, PositionEncoding } from "./theme.js";
import { CHART_LOCALE } from "./theme.js";

/** Options of {@link elbowSpec}. */
export interface ElbowSpecOptions {
  /** Knee of the inertia curve, marked with a dashed rule and a label; null when there is none. */
  elbowK: number | null;
  /** The recommended k, circled on the curve (when given). */
  recommendedK?: number;
  width?: number;
  height?: number;
  title?: string;
  /** Language of the axis, legend and tooltip titles (default English). */
  locale?: Locale;
}

/**
 * The x encoding of k shared by the sweep charts: integer ticks across exactly
 * the swept range, with a little padding so end points are not clipped.
 *
 * @example
 * kAxis([{ k: 2 }, { k: 8 }]); // => { field: "k", ..., scale: { domain: [2, 8], ... } }
 * kAxis([{ k: 2 }], localeFor("zh-CN")).title; // => "簇数 k"
 */
export function kAxis(
  rows: readonly { k: number }[],
  locale: Locale = CHART_LOCALE,
): PositionEncoding {
  const ks = rows.map((row) => row.k);
  const domain = ks.length > 0 ? { domain: [Math.min(...ks), Math.max(...ks)] } : {};
  return {
    field: "k",
    type: "quantitative",
    title: locale.t("chart.k"),
    scale: { ...domain, nice: false, zero: false, padding: 12 },
    axis: { tickMinStep: 1, format: "d", grid: false },
  };
}

/**
 * Elbow curve: inertia (within-cluster sum of squares) against k, with the
 * knee marked by a dashed rule and a "knee at k = …" label, and the
 * recommended k circled. Rows with a non-finite inertia are left out.
 *
 * @throws never (an empty sweep gives an empty chart)
 * @example
 * elbowSpec(sweep.rows, { elbowK: 4, recommendedK: 4 });
 */
export function elbowSpec(rows: readonly SweepRow[], options: ElbowSpecOptions): TopLevelSpec {
  const values = rows
    .filter((row) => Number.isFinite(row.inertia))
    .map((row) => ({ k: row.k, inertia: row.inertia }));
  const locale = options.locale ?? CHART_LOCALE;
  const x = kAxis(values, locale);
  const layers: LayerItem[] = [
    {
      mark: {
        type: "line",
        color: SERIES_COLOR,
        strokeWidth: 2,
        point: { filled: true, size: 45, color: SERIES_COLOR },
      },
      encoding: {
        x,
        y: {
          field: "inertia",
          type: "quantitative",
          title: locale.t("chart.inertia"),
          scale: { zero: false },
          axis: {
            format: magnitudeFormat(Math.max(0, ...values.map((row) => Math.abs(row.inertia)))),
          },
        },
      },
    },
  ];
  if (options.elbowK !== null) {
    layers.push(
      {
        data: { values: [{ k: options.elbowK }] },
        mark: { type: "rule", color: ANNOTATION_COLOR, strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: { x: { field: "k", type: "quantitative" } },
      },
      {
        data: {
          values: [{ k: options.elbowK, text: locale.t("chart.knee", { k: options.elbowK }) }],
        },
        mark: {
          type: "text",
          color: ANNOTATION_COLOR,
          align: "left",
          baseline: "top",
          dx: 5,
          fontWeight: "bold",
        },
        encoding: {
          x: { field: "k", type: "quantitative" },
          y: { value: 4 },
          text: { field: "text" },
        },
      },
    );
  }
  const recommended = values.find((row) => row.k === options.recommendedK);
  if (recommended) {
    layers.push({
      data: { values: [recommended] },
      mark: {
        type: "point",
        shape: "circle",
        size: 260,
        filled: false,
        strokeWidth: 2,
        color: ANNOTATION_COLOR,
      },
      encoding: {
        x: { field: "k", type: "quantitative" },
        y: { field: "inertia", type: "quantitative" },
      },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 700,
    height: options.height ?? 300,
    data: { values },
    layer: layers,
    config: BASE_CONFIG,
  };
}
