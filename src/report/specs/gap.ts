import type { TopLevelSpec } from "vega-lite";
import { kAxis } from "./elbow.js";
import { ANNOTATION_COLOR, BASE_CONFIG, SERIES_COLOR, VEGA_LITE_SCHEMA } from "./theme.js";
import { CHART_LOCALE } from "./theme.js";
import type { LayerItem } from "./theme.js";
import type { Locale } from "../i18n/locale.js";

/** One point of the gap curve: Gap(k) and its standard error. */
export interface GapPoint {
  k: number;
  gap: number;
  se: number;
}

/**
 * The gap curve: Gap(k) = E*[log W*(k)] − log W(k) against k = 1..K with
 * ±1 SE error bars (Tibshirani, Walther & Hastie 2001, fig. 2), the gap's
 * own pick marked by a dashed rule. Points with a non-finite gap are left out.
 *
 * @example
 * gapSpec([{ k: 1, gap: 0.1, se: 0.02 }, { k: 2, gap: 0.5, se: 0.03 }], { gapK: 2 });
 * gapSpec(points, { gapK: 2, locale: localeFor("zh-CN") }); // Chinese axis and tooltip titles
 */
export function gapSpec(
  points: readonly GapPoint[],
  options: { gapK: number | null; width?: number; height?: number; locale?: Locale },
): TopLevelSpec {
  const locale = options.locale ?? CHART_LOCALE;
  const values = points
    .filter((p) => Number.isFinite(p.gap) && Number.isFinite(p.se))
    .map((p) => ({ k: p.k, gap: p.gap, low: p.gap - p.se, high: p.gap + p.se }));
  const x = kAxis(values, locale);
  const layers: LayerItem[] = [
    {
      mark: { type: "rule", color: SERIES_COLOR },
      encoding: {
        x,
        y: {
          field: "low",
          type: "quantitative",
          title: locale.t("chart.gapAxis"),
          scale: { zero: false },
        },
        y2: { field: "high" },
      },
    },
    {
      mark: { type: "line", color: SERIES_COLOR, point: { filled: true, size: 40 } },
      encoding: {
        x,
        y: { field: "gap", type: "quantitative" },
        tooltip: [
          { field: "k", type: "quantitative" },
          { field: "gap", type: "quantitative", format: ".3f" },
          { field: "low", type: "quantitative", format: ".3f", title: locale.t("chart.gapLow") },
          { field: "high", type: "quantitative", format: ".3f", title: locale.t("chart.gapHigh") },
        ],
      },
    },
  ];
  if (options.gapK !== null) {
    layers.push({
      data: { values: [{ k: options.gapK }] },
      mark: { type: "rule", color: ANNOTATION_COLOR, strokeDash: [4, 4] },
      encoding: { x: { field: "k", type: "quantitative" } },
    });
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: options.width ?? 420,
    height: options.height ?? 220,
    data: { values },
    layer: layers,
    config: BASE_CONFIG,
  };
}
