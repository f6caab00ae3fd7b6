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
import type { Locale } from "../i18n/locale.js";
import { chartLocale, type ChartLocaleOption } from "./chart-locale.js";

/**
 * The two series in the locale's words ("Actual", "BG/NBD model"), and the
 * colour encoding every view of this file shares.
 */
function seriesOf({ t }: Locale) {
  const actual = t("clv.chart.actual");
  const model = t("clv.chart.model");
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    scale: { domain: [actual, model], range: [SERIES_COLOR, ANNOTATION_COLOR] },
    legend: { orient: "top-left", direction: "horizontal" },
  } as const;
  return { actual, model, color };
}

/** Sizes and title shared by the specs of this file. */
export interface ClvChartOptions extends ChartLocaleOption {
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
function calibrationCountAxis(rows: readonly { label: string }[], { t }: Locale) {
  return {
    field: "label",
    type: "ordinal",
    sort: rows.map((row) => row.label),
    title: t("clv.chart.calibrationAxis"),
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
  const locale = chartLocale(options);
  const { t } = locale;
  const series = seriesOf(locale);
  const values = rows.flatMap((row) => [
    {
      label: row.label,
      frequency: row.frequency,
      series: series.actual,
      purchases: row.actual,
      clients: row.clients,
    },
    {
      label: row.label,
      frequency: row.frequency,
      series: series.model,
      purchases: row.expected,
      clients: row.clients,
    },
  ]);
  const holdout = options.holdout
    ? t("clv.chart.meanHoldoutLength", { length: options.holdout })
    : t("clv.chart.meanHoldout");
  return {
    ...frame(options, 560, 280),
    data: { values },
    mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 50 } },
    encoding: {
      x: calibrationCountAxis(rows, locale),
      y: { field: "purchases", type: "quantitative", title: holdout },
      color: series.color,
      tooltip: [
        { field: "label", title: t("clv.chart.calibrationTip") },
        { field: "series", title: t("clv.chart.series") },
        { field: "purchases", title: t("clv.chart.meanHoldoutTip"), format: ".3f" },
        { field: "clients", title: t("clv.chart.clients"), format: "," },
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
  const locale = chartLocale(options);
  const { t } = locale;
  const series = seriesOf(locale);
  const values = rows.flatMap((row) => [
    { label: row.label, series: series.actual, clients: row.observed },
    { label: row.label, series: series.model, clients: row.expected },
  ]);
  const most = Math.max(1, ...values.map((v) => v.clients));
  return {
    ...frame(options, 560, 260),
    data: { values },
    mark: { type: "bar", binSpacing: 0 },
    encoding: {
      x: calibrationCountAxis(rows, locale),
      xOffset: { field: "series", sort: [series.actual, series.model] },
      y: {
        field: "clients",
        type: "quantitative",
        title: t("clv.chart.clients"),
        axis: { format: magnitudeFormat(most) },
      },
      color: series.color,
      tooltip: [
        { field: "label", title: t("clv.chart.repeat") },
        { field: "series", title: t("clv.chart.series") },
        { field: "clients", title: t("clv.chart.clients"), format: ",.1f" },
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
  const locale = chartLocale(options);
  const { t } = locale;
  const series = seriesOf(locale);
  const cumulative = options.cumulative ?? false;
  const values = rows.flatMap((row) => [
    {
      period: row.period + 1,
      series: series.actual,
      purchases: cumulative ? row.cumulativeActual : row.actual,
    },
    {
      period: row.period + 1,
      series: series.model,
      purchases: cumulative ? row.cumulativeExpected : row.expected,
    },
  ]);
  const period = options.period ?? t("clv.chart.period");
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
            ? t("clv.chart.cumulative")
            : t("clv.chart.perPeriod", { period: period.toLowerCase() }),
          axis: { format: magnitudeFormat(most) },
        },
        color: series.color,
        // Same field and domain as the colour: vega-lite merges the two into one legend.
        strokeDash: {
          field: "series",
          type: "nominal",
          title: null,
          scale: {
            domain: [series.actual, series.model],
            range: [
              [1, 0],
              [6, 3],
            ],
          },
        },
        tooltip: [
          { field: "period", title: period },
          { field: "series", title: t("clv.chart.series") },
          { field: "purchases", title: t("clv.chart.repeat"), format: ",.1f" },
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
        data: {
          values: [{ period: options.calibrationPeriods, text: t("clv.chart.endOfCalibration") }],
        },
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
  const locale = chartLocale(options);
  const { t } = locale;
  const unit = options.unit;
  const recencies = [...new Set(values.map((v) => v.recency))].sort((a, b) => a - b);
  const frequencies = [...new Set(values.map((v) => v.frequency))].sort((a, b) => a - b);
  const title = metric === "probabilityAlive" ? "P(alive)" : t("clv.chart.expectedPurchases");
  return {
    ...frame(options, 620, 360),
    data: { values },
    mark: { type: "rect" },
    encoding: {
      x: {
        field: "recency",
        type: "ordinal",
        sort: recencies,
        title: unit ? t("clv.chart.lastAfterFirstUnit", { unit }) : t("clv.chart.lastAfterFirst"),
        axis: { labelAngle: 0, labelOverlap: "greedy", format: ".1f" },
      },
      y: {
        field: "frequency",
        type: "ordinal",
        sort: [...frequencies].reverse(),
        title: t("clv.chart.repeat"),
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
        { field: "frequency", title: t("clv.chart.repeat") },
        { field: "recency", title: unit ? t("clv.chart.lastUnit", { unit }) : t("clv.chart.last") },
        { field: "value", title, format: ".3f" },
      ],
    },
  };
}
