/**
 * The validation views of the buy-till-you-die models (data from
 * `clv/validation.ts`): calibration vs holdout purchases by frequency, the
 * repeat-purchase histogram observed vs model, tracking of repeat
 * purchases (per period and cumulated) with the calibration end marked,
 * and the P(alive) heatmap over frequency × recency. Actual data are drawn
 * in the series blue, the model in the annotation orange, in every view.
 */
import type { TopLevelSpec } from "vega-lite";
import type {
  CalibrationHoldoutRow,
  FrequencyRecencyCell,
  RepeatHistogramRow,
  TrackingRow,
} from "../../clv/validation.js";
import {
  ANNOTATION_COLOR,
  BASE_CONFIG,
  SERIES_COLOR,
  VEGA_LITE_SCHEMA,
  magnitudeFormat,
} from "./theme.js";
import type { LayerItem } from "./theme.js";

/** Legend names of the two series. */
const ACTUAL = "Actual";
const MODEL = "BG/NBD model";
const seriesColor = {
  field: "series",
  type: "nominal",
  title: null,
  scale: { domain: [ACTUAL, MODEL], range: [SERIES_COLOR, ANNOTATION_COLOR] },
  legend: { orient: "top-left", direction: "horizontal" },
} as const;

/** Sizes and title shared by the specs of this file. */
export interface ClvChartOptions {
  width?: number;
  height?: number;
  title?: string;
}

const frame = (options: ClvChartOptions, width: number, height: number) => ({
  $schema: VEGA_LITE_SCHEMA,
  ...(options.title ? { title: options.title } : {}),
  width: options.width ?? width,
  height: options.height ?? height,
  config: BASE_CONFIG,
});

/** The x axis of the views by calibration repeat purchases: the buckets 0, 1, …, 7+ in order. */
function calibrationCountAxis(rows: readonly { label: string }[]) {
  return {
    field: "label",
    type: "ordinal",
    sort: rows.map((row) => row.label),
    title: "Repeat purchases in the calibration period",
    axis: { labelAngle: 0 },
  } as const;
}

/**
 * Calibration vs holdout: mean holdout purchases per client by calibration
 * repeat purchases (0, 1, …, 7+), actual and model, as two lines with points.
 *
 * @throws never (no rows give an empty chart)
 * @example
 * calibrationHoldoutSpec(calibrationHoldoutRows(params, summary, summary.holdoutPurchases, 39), { holdout: "39 weeks" });
 */
export function calibrationHoldoutSpec(
  rows: readonly CalibrationHoldoutRow[],
  options: ClvChartOptions & { holdout?: string } = {},
): TopLevelSpec {
  const values = rows.flatMap((row) => [
    {
      label: row.label,
      frequency: row.frequency,
      series: ACTUAL,
      purchases: row.actual,
      clients: row.clients,
    },
    {
      label: row.label,
      frequency: row.frequency,
      series: MODEL,
      purchases: row.expected,
      clients: row.clients,
    },
  ]);
  const holdout = options.holdout ? ` in the holdout (${options.holdout})` : " in the holdout";
  return {
    ...frame(options, 560, 280),
    data: { values },
    mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 50 } },
    encoding: {
      x: calibrationCountAxis(rows),
      y: { field: "purchases", type: "quantitative", title: `Mean purchases per client${holdout}` },
      color: seriesColor,
      tooltip: [
        { field: "label", title: "Calibration repeat purchases" },
        { field: "series", title: "Series" },
        { field: "purchases", title: "Mean holdout purchases", format: ".3f" },
        { field: "clients", title: "Clients", format: "," },
      ],
    },
  };
}

/**
 * The histogram of calibration repeat purchases: clients with 0, 1, …, 7+
 * repeat purchases, observed and as the model expects, side by side.
 *
 * @throws never
 * @example
 * repeatHistogramSpec(repeatPurchaseHistogram(params, summary));
 */
export function repeatHistogramSpec(
  rows: readonly RepeatHistogramRow[],
  options: ClvChartOptions = {},
): TopLevelSpec {
  const values = rows.flatMap((row) => [
    { label: row.label, series: ACTUAL, clients: row.observed },
    { label: row.label, series: MODEL, clients: row.expected },
  ]);
  const most = Math.max(1, ...values.map((v) => v.clients));
  return {
    ...frame(options, 560, 260),
    data: { values },
    mark: { type: "bar", binSpacing: 0 },
    encoding: {
      x: calibrationCountAxis(rows),
      xOffset: { field: "series", sort: [ACTUAL, MODEL] },
      y: {
        field: "clients",
        type: "quantitative",
        title: "Clients",
        axis: { format: magnitudeFormat(most) },
      },
      color: seriesColor,
      tooltip: [
        { field: "label", title: "Repeat purchases" },
        { field: "series", title: "Series" },
        { field: "clients", title: "Clients", format: ",.1f" },
      ],
    },
  };
}

/** Options of {@link trackingSpec}. */
export interface TrackingSpecOptions extends ClvChartOptions {
  /** Cumulated totals (true) or purchases per period (false, default). */
  cumulative?: boolean;
  /** Name of one period on the axis, e.g. "Week" (default "Period"). */
  period?: string;
  /** Periods of the calibration: the dashed rule is drawn at their end. */
  calibrationPeriods?: number;
}

/**
 * Tracking: repeat purchases per period (or cumulated) from the cohort's
 * first day through the holdout, actual and expected, with a dashed rule at
 * the end of the calibration period.
 *
 * @throws never
 * @example
 * trackingSpec(transactionTracking(params, input), { cumulative: true, period: "Week", calibrationPeriods: 39 });
 */
export function trackingSpec(
  rows: readonly TrackingRow[],
  options: TrackingSpecOptions = {},
): TopLevelSpec {
  const cumulative = options.cumulative ?? false;
  const values = rows.flatMap((row) => [
    {
      period: row.period + 1,
      series: ACTUAL,
      purchases: cumulative ? row.cumulativeActual : row.actual,
    },
    {
      period: row.period + 1,
      series: MODEL,
      purchases: cumulative ? row.cumulativeExpected : row.expected,
    },
  ]);
  const period = options.period ?? "Period";
  const most = Math.max(1, ...values.map((v) => v.purchases));
  const layers: LayerItem[] = [
    {
      mark: { type: "line", strokeWidth: 2, interpolate: "linear" },
      encoding: {
        x: {
          field: "period",
          type: "quantitative",
          title: period,
          scale: { domain: [0, Math.max(1, rows.length)], nice: false },
          axis: { tickMinStep: 1, format: "d" },
        },
        y: {
          field: "purchases",
          type: "quantitative",
          title: cumulative
            ? "Cumulative repeat purchases"
            : `Repeat purchases per ${period.toLowerCase()}`,
          axis: { format: magnitudeFormat(most) },
        },
        color: seriesColor,
        // Same field and domain as the colour: vega-lite merges the two into one legend.
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          scale: {
            domain: [ACTUAL, MODEL],
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
        tooltip: [
          { field: "period", title: period },
          { field: "series", title: "Series" },
          { field: "purchases", title: "Repeat purchases", format: ",.1f" },
        ],
      },
    },
  ];
  if (options.calibrationPeriods !== undefined) {
    layers.push(
      {
        data: { values: [{ period: options.calibrationPeriods }] },
        mark: { type: "rule", color: "#6b7280", strokeDash: [4, 4], strokeWidth: 1.2 },
        encoding: { x: { field: "period", type: "quantitative" } },
      },
      {
        data: { values: [{ period: options.calibrationPeriods, text: "end of calibration" }] },
        mark: { type: "text", color: "#4a5160", align: "left", baseline: "top", dx: 5 },
        encoding: {
          x: { field: "period", type: "quantitative" },
          y: { value: 4 },
          text: { field: "text" },
        },
      },
    );
  }
  return { ...frame(options, 700, 280), data: { values }, layer: layers };
}

/** Options of {@link frequencyRecencyHeatmapSpec}. */
export interface FrequencyRecencyOptions extends ClvChartOptions {
  /** Which value colours the cells (default P(alive)). */
  metric?: "probabilityAlive" | "expectedPurchases";
  /** Unit of recency on the axis, e.g. "weeks". */
  unit?: string;
}

/**
 * Heatmap over frequency (repeat purchases, down) × recency (time of the
 * last purchase, across) of P(alive) (0 to 1, dark = likely gone) or of
 * expected purchases, as lifetimes' probability-alive matrix.
 *
 * @throws never
 * @example
 * frequencyRecencyHeatmapSpec(frequencyRecencyMatrix(params, { maxFrequency: 20, T: 38.86 }), { unit: "weeks" });
 */
export function frequencyRecencyHeatmapSpec(
  cells: readonly FrequencyRecencyCell[],
  options: FrequencyRecencyOptions = {},
): TopLevelSpec {
  const metric = options.metric ?? "probabilityAlive";
  const values = cells
    .filter((cell) => Number.isFinite(cell[metric] ?? Number.NaN))
    .map((cell) => ({
      frequency: cell.frequency,
      recency: Number(cell.recency.toFixed(2)),
      value: cell[metric]!,
    }));
  const unit = options.unit ? ` (${options.unit})` : "";
  const recencies = [...new Set(values.map((v) => v.recency))].sort((a, b) => a - b);
  const frequencies = [...new Set(values.map((v) => v.frequency))].sort((a, b) => a - b);
  const title = metric === "probabilityAlive" ? "P(alive)" : "Expected purchases";
  return {
    ...frame(options, 620, 360),
    data: { values },
    mark: { type: "rect" },
    encoding: {
      x: {
        field: "recency",
        type: "ordinal",
        sort: recencies,
        title: `Time of the last purchase after the first${unit}`,
        axis: { labelAngle: 0, labelOverlap: "greedy", format: ".1f" },
      },
      y: {
        field: "frequency",
        type: "ordinal",
        sort: [...frequencies].reverse(),
        title: "Repeat purchases",
        axis: { labelOverlap: "greedy" },
      },
      color: {
        field: "value",
        type: "quantitative",
        title,
        scale:
          metric === "probabilityAlive"
            ? { domain: [0, 1], scheme: "viridis" }
            : { scheme: "viridis", zero: true },
      },
      tooltip: [
        { field: "frequency", title: "Repeat purchases" },
        { field: "recency", title: `Last purchase${unit}` },
        { field: "value", title, format: ".3f" },
      ],
    },
  };
}
