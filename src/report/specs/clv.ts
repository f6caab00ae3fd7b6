/**
 * The CLV chart: a histogram of customer lifetime values, binned in Node
 * with round bin edges and cut at a high quantile so one huge client does
 * not squash every other bar into the first one.
 */
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, SERIES_COLOR, VEGA_LITE_SCHEMA, magnitudeFormat } from "./theme.js";
import { chartLocale, type ChartLocaleOption } from "./chart-locale.js";

/** One bar of a histogram: values in [start, end). */
export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

/** A histogram of the values up to a high quantile, and what it leaves out. */
export interface Histogram {
  bins: HistogramBin[];
  /** Values above the last bin (left out of the chart). */
  above: number;
  /** The value the histogram stops at (the last bin's end). */
  upper: number;
  /** Finite values counted, including `above`. */
  total: number;
}

/**
 * A round bin width of at least `span / target`: 1, 2, 2.5 or 5 times a
 * power of ten (1 when span or target is not positive).
 *
 * @throws never
 * @example
 * niceStep(1234, 30); // => 50
 */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !(target > 0)) return 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}

/** Options of {@link histogramBins}. */
export interface HistogramOptions {
  /** About this many bins (default 30). */
  target?: number;
  /** Values above this quantile of the data are left out and counted (default 0.99; 1 keeps all). */
  upperQuantile?: number;
}

/**
 * Bins values into about `target` bins with round edges, from the minimum
 * up to the `upperQuantile` quantile (nearest rank); values above it are
 * counted in `above`, non-finite values are skipped.
 *
 * @throws {RangeError} when upperQuantile is not in (0, 1]
 * @example
 * histogramBins([1, 2, 3, 50], { target: 2, upperQuantile: 0.75 });
 * // => step niceStep(3 − 1, 2) = 1: bins [1,2) [2,3) [3,4) with one each; above 1 (the 50); upper 4
 */
export function histogramBins(
  values: ArrayLike<number>,
  options: HistogramOptions = {},
): Histogram {
  const q = options.upperQuantile ?? 0.99;
  if (!(q > 0 && q <= 1)) throw new RangeError(`upperQuantile must be in (0, 1], got ${q}`);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(values[i]!);
  finite.sort((a, b) => a - b);
  if (finite.length === 0) return { bins: [], above: 0, upper: 0, total: 0 };
  const low = finite[0]!;
  const cap = finite[Math.max(0, Math.ceil(q * finite.length) - 1)]!;
  const step = niceStep(cap - low, options.target ?? 30);
  const start = Math.floor(low / step) * step;
  // The cap itself must fall inside the last bin, which is half-open.
  const binCount = Math.max(1, Math.floor((cap - start) / step) + 1);
  const upper = start + binCount * step;
  const counts = new Array<number>(binCount).fill(0);
  let above = 0;
  for (const value of finite) {
    if (value >= upper) above++;
    else counts[Math.min(binCount - 1, Math.floor((value - start) / step))]!++;
  }
  return {
    bins: counts.map((count, i) => ({
      start: start + i * step,
      end: start + (i + 1) * step,
      count,
    })),
    above,
    upper,
    total: finite.length,
  };
}

/** Options of {@link histogramSpec}. */
export interface HistogramSpecOptions extends ChartLocaleOption {
  /** Title of the value axis, e.g. "CLV (GBP)". */
  valueTitle: string;
  width?: number;
  height?: number;
  title?: string;
}

/**
 * A histogram from pre-computed bins: one bar per bin, clients up.
 *
 * @throws never
 * @example
 * histogramSpec(histogramBins(clv.clv).bins, { valueTitle: "CLV (GBP)" });
 */
export function histogramSpec(
  bins: readonly HistogramBin[],
  options: HistogramSpecOptions,
): TopLevelSpec {
  const values = bins.map((bin) => ({ start: bin.start, end: bin.end, count: bin.count }));
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const extent = Math.max(
    1,
    ...bins.map((bin) => Math.abs(bin.end)),
    ...bins.map((bin) => Math.abs(bin.start)),
  );
  const domain = bins.length > 0 ? [bins[0]!.start, bins[bins.length - 1]!.end] : [0, 1];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 680,
    height: options.height ?? 220,
    data: { values },
    mark: { type: "bar", color: SERIES_COLOR, binSpacing: 1 },
    encoding: {
      x: {
        field: "start",
        type: "quantitative",
        bin: { binned: true },
        title: options.valueTitle,
        scale: { domain, nice: false },
        axis: { format: magnitudeFormat(extent), tickCount: 8 },
      },
      x2: { field: "end" },
      y: {
        field: "count",
        type: "quantitative",
        title: chartLocale(options).t("clv.chart.clients"),
        axis: { format: magnitudeFormat(maxCount), tickCount: 5 },
      },
    },
    config: BASE_CONFIG,
  };
}
