/**
 * Charts of RFM scoring and named segments: clients per score of each
 * measure, clients per segment, and the R×F grid of mean monetary value.
 * Segment names come from config files: they travel as data values only
 * (never as field names or inside expressions), and vega escapes them when it
 * draws them.
 */
import type { TopLevelSpec } from "vega-lite";
import type { RfmMeasure, RfmScores } from "../../rules/types.js";
import { BASE_CONFIG, SERIES_COLOR, VEGA_LITE_SCHEMA, magnitudeFormat } from "./theme.js";

/** Grey of the group no rule matched ("Others"), in every segment chart. */
export const UNMATCHED_COLOR = "#a3a9b3";

const MEASURE_TITLES: Record<RfmMeasure, string> = {
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};

function percentText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function countText(count: number, share: number): string {
  return `${count.toLocaleString("en-US")} (${percentText(share)})`;
}

/** Titles of {@link rfmScoreDistributionSpec}'s panels and axes, in the report's language. */
export interface ScoreDistributionTitles {
  /** Panel headers per measure (default "Recency", "Frequency", "Monetary"). */
  measures: Readonly<Record<RfmMeasure, string>>;
  /** Score axis (default "Score (5 = best)"). */
  score: string;
  /** Count axis (default "Clients"). */
  clients: string;
}

/** Options of {@link rfmScoreDistributionSpec}. */
export interface ScoreDistributionOptions {
  /** Width of each of the three panels (default 230). */
  panelWidth?: number;
  height?: number;
  title?: string;
  /** Panel and axis titles (default English). */
  titles?: Partial<ScoreDistributionTitles>;
}

/**
 * Clients per score for recency, frequency and monetary, as three panels of
 * bars (score 1 to `bins`, higher = better for all three, so recency is
 * reversed), each bar labelled with its count. Scores no client received
 * (coinciding cut points) show as empty slots with a 0.
 *
 * @throws never
 * @example
 * rfmScoreDistributionSpec(scoreRfm(input));
 */
export function rfmScoreDistributionSpec(
  scores: Pick<RfmScores, "bins" | "thresholds">,
  options: ScoreDistributionOptions = {},
): TopLevelSpec {
  const measures: RfmMeasure[] = ["recency", "frequency", "monetary"];
  const measureTitles = options.titles?.measures ?? MEASURE_TITLES;
  const values = measures.flatMap((measure) =>
    scores.thresholds[measure].bins.map((bin) => ({
      measure: measureTitles[measure],
      score: bin.score,
      clients: bin.count,
    })),
  );
  const maxCount = Math.max(1, ...values.map((value) => value.clients));
  const scoreOrder = Array.from({ length: scores.bins }, (_, i) => i + 1);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    data: { values },
    facet: {
      column: {
        field: "measure",
        type: "nominal",
        sort: measures.map((measure) => measureTitles[measure]),
        title: null,
        header: { labelFontSize: 13, labelFontWeight: "bold", labelAnchor: "start" },
      },
    },
    spec: {
      width: options.panelWidth ?? 230,
      height: options.height ?? 170,
      encoding: {
        x: {
          field: "score",
          type: "ordinal",
          sort: scoreOrder,
          scale: { domain: scoreOrder },
          title: options.titles?.score ?? `Score (${scores.bins} = best)`,
          axis: { labelAngle: 0 },
        },
        y: {
          field: "clients",
          type: "quantitative",
          title: options.titles?.clients ?? "Clients",
          scale: { domain: [0, maxCount * 1.15], nice: false },
          axis: { format: magnitudeFormat(maxCount), tickCount: 4 },
        },
      },
      layer: [
        { mark: { type: "bar", color: SERIES_COLOR, cornerRadiusEnd: 2, width: { band: 0.75 } } },
        {
          mark: { type: "text", baseline: "bottom", dy: -3, color: "#333a45", fontSize: 11 },
          encoding: { text: { field: "clients", type: "quantitative", format: "," } },
        },
      ],
    },
    resolve: { scale: { y: "shared" } },
    config: BASE_CONFIG,
  };
}

/**
 * The names made unique for use as chart categories: a repeated name gets
 * " (2)", " (3)", … so that two rules with one name keep two rows.
 *
 * @throws never
 * @example
 * uniqueNames(["A", "B", "A"]); // => ["A", "B", "A (2)"]
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let suffix = count;
    while (taken.has(`${name} (${suffix})`)) suffix++;
    const unique = `${name} (${suffix})`;
    taken.add(unique);
    return unique;
  });
}

/** One bar of {@link segmentSizeSpec}. */
export interface SegmentBar {
  name: string;
  count: number;
  share: number;
  /** The group no rule matched, drawn in grey. */
  unmatched?: boolean;
}

/** Options of {@link segmentSizeSpec}. */
export interface SegmentSizeOptions {
  width?: number;
  title?: string;
  /** Axis title (default "Clients"). */
  valueTitle?: string;
}

/**
 * Clients per segment as horizontal bars in the given order (table order,
 * the unmatched group last and grey), each labelled "count (share)".
 * Segments with no clients keep their row, so a rule matching nobody is
 * visible.
 *
 * @throws never
 * @example
 * segmentSizeSpec(assignment.counts.map((c) => ({ ...c, unmatched: c.index < 0 })));
 */
export function segmentSizeSpec(
  segments: readonly SegmentBar[],
  options: SegmentSizeOptions = {},
): TopLevelSpec {
  const names = uniqueNames(segments.map((segment) => segment.name));
  const values = segments.map((segment, row) => ({
    name: names[row]!,
    count: segment.count,
    kind: segment.unmatched === true ? "unmatched" : "segment",
    text: countText(segment.count, segment.share),
  }));
  const maxCount = Math.max(1, ...segments.map((segment) => segment.count));
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 520,
    height: { step: 26 },
    data: { values },
    encoding: {
      y: {
        field: "name",
        type: "nominal",
        sort: names,
        title: null,
        axis: { domain: false, ticks: false },
      },
      x: {
        field: "count",
        type: "quantitative",
        title: options.valueTitle ?? "Clients",
        scale: { domain: [0, maxCount * 1.28], nice: false },
        axis: { format: magnitudeFormat(maxCount), tickCount: 5 },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.72 } },
        encoding: {
          color: {
            field: "kind",
            type: "nominal",
            scale: { domain: ["segment", "unmatched"], range: [SERIES_COLOR, UNMATCHED_COLOR] },
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

/** One cell of the R×F grid: clients with this recency and frequency score and their mean monetary value. */
export interface RfCell {
  r: number;
  f: number;
  clients: number;
  /** Mean monetary of the cell's clients (NaN when it has none). */
  meanMonetary: number;
}

/**
 * Aggregates clients into the R×F grid: count and mean monetary per
 * (recency score, frequency score), every cell of 1..bins × 1..bins, R
 * descending then F ascending. Non-finite monetary values are left out of
 * the mean (the client still counts).
 *
 * @throws {RangeError} when the arrays differ in length
 * @example
 * rfMonetaryCells(Uint8Array.of(1, 1), Uint8Array.of(2, 2), [10, 30], 2)
 * // => [{ r: 2, f: 1, clients: 0, meanMonetary: NaN }, …, { r: 1, f: 2, clients: 2, meanMonetary: 20 }]
 */
export function rfMonetaryCells(
  recencyScore: ArrayLike<number>,
  frequencyScore: ArrayLike<number>,
  monetary: ArrayLike<number>,
  bins: number,
): RfCell[] {
  const n = recencyScore.length;
  if (frequencyScore.length !== n || monetary.length !== n) {
    throw new RangeError(
      `${n} recency scores, ${frequencyScore.length} frequency scores, ${monetary.length} monetary values`,
    );
  }
  const clients = new Float64Array(bins * bins);
  const sums = new Float64Array(bins * bins);
  const valued = new Float64Array(bins * bins);
  for (let i = 0; i < n; i++) {
    const r = recencyScore[i]!;
    const f = frequencyScore[i]!;
    if (!(r >= 1 && r <= bins && f >= 1 && f <= bins)) continue;
    const cell = (r - 1) * bins + (f - 1);
    clients[cell]!++;
    const value = monetary[i]!;
    if (Number.isFinite(value)) {
      sums[cell]! += value;
      valued[cell]!++;
    }
  }
  const cells: RfCell[] = [];
  for (let r = bins; r >= 1; r--) {
    for (let f = 1; f <= bins; f++) {
      const cell = (r - 1) * bins + (f - 1);
      cells.push({
        r,
        f,
        clients: clients[cell]!,
        meanMonetary: valued[cell]! > 0 ? sums[cell]! / valued[cell]! : Number.NaN,
      });
    }
  }
  return cells;
}

/** Axis and legend titles of {@link rfHeatmapSpec}, in the report's language. */
export interface RfHeatmapTitles {
  /** Default "Frequency score (5 = most orders)". */
  frequency: string;
  /** Default "Recency score (5 = most recent)". */
  recency: string;
  /** Colour legend, one entry per line (default "Mean", "monetary (GBP)"). */
  legend: readonly string[];
}

/** Options of {@link rfHeatmapSpec}. */
export interface RfHeatmapOptions {
  /** Currency code shown in the legend title (e.g. "GBP"). */
  currency?: string;
  cellWidth?: number;
  cellHeight?: number;
  title?: string;
  /** Axis and legend titles (default English; the legend default names the currency). */
  titles?: Partial<RfHeatmapTitles>;
}

/**
 * Legend ticks for a log colour scale: the values 1, 2 and 5 × 10^k inside
 * [low, high]; when that makes more than five, the powers of ten alone,
 * thinned by an even stride to at most five. Empty unless 0 < low ≤ high.
 *
 * @throws never
 * @example
 * logTicks(300, 9927); // => [500, 1000, 2000, 5000]
 * logTicks(1, 1e6); // => [1, 100, 10000, 1000000]
 */
export function logTicks(low: number, high: number): number[] {
  if (!(low > 0 && high >= low)) return [];
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const factor of [1, 2, 5]) {
      const tick = factor * 10 ** power;
      if (tick >= low && tick <= high) ticks.push(tick);
    }
  }
  if (ticks.length <= 5) return ticks;
  const powers = ticks.filter((tick) => Number.isInteger(Math.log10(tick)));
  const stride = Math.ceil(powers.length / 5);
  return powers.filter((_, i) => i % stride === 0);
}

function compactMoney(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return Math.round(value).toLocaleString("en-US");
}

/**
 * R×F heatmap: recency score down (best at the top), frequency score across,
 * each cell coloured by its clients' mean monetary value (log scale when all
 * means are positive) and labelled with the mean and the client count.
 * Cells without clients are left blank.
 *
 * @throws never
 * @example
 * rfHeatmapSpec(rfMonetaryCells(s.recencyScore, s.frequencyScore, monetary, 5), 5, { currency: "GBP" });
 */
export function rfHeatmapSpec(
  cells: readonly RfCell[],
  bins: number,
  options: RfHeatmapOptions = {},
): TopLevelSpec {
  const filled = cells.filter((cell) => cell.clients > 0 && Number.isFinite(cell.meanMonetary));
  const means = filled.map((cell) => cell.meanMonetary);
  const low = means.length > 0 ? Math.min(...means) : 0;
  const high = means.length > 0 ? Math.max(...means) : 1;
  const logScale = low > 0;
  // Light text on the darkest ~40% of the colour range, measured on the scale in use.
  const position = (value: number): number =>
    logScale
      ? Math.log(value / low) / Math.log(high / low || 1)
      : (value - low) / (high - low || 1);
  const values = filled.map((cell) => ({
    r: cell.r,
    f: cell.f,
    meanMonetary: cell.meanMonetary,
    dark: position(cell.meanMonetary) > 0.6 ? 1 : 0,
    text: [compactMoney(cell.meanMonetary), `n = ${cell.clients.toLocaleString("en-US")}`],
  }));
  const scores = Array.from({ length: bins }, (_, i) => i + 1);
  const currency = options.currency ? ` (${options.currency})` : "";
  const cellHeight = options.cellHeight ?? 50;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: { step: options.cellWidth ?? 84 },
    height: { step: cellHeight },
    data: { values },
    encoding: {
      x: {
        field: "f",
        type: "ordinal",
        sort: scores,
        scale: { domain: scores },
        title: options.titles?.frequency ?? `Frequency score (${bins} = most orders)`,
        axis: { orient: "top", labelAngle: 0, domain: false, ticks: false },
      },
      y: {
        field: "r",
        type: "ordinal",
        sort: [...scores].reverse(),
        scale: { domain: [...scores].reverse() },
        title: options.titles?.recency ?? `Recency score (${bins} = most recent)`,
        axis: { domain: false, ticks: false },
      },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "white", strokeWidth: 2 },
        encoding: {
          color: {
            field: "meanMonetary",
            type: "quantitative",
            title: [...(options.titles?.legend ?? ["Mean", `monetary${currency}`])],
            scale: { type: logScale ? "log" : "linear", scheme: "yellowgreenblue" },
            legend: {
              format: "~s",
              gradientLength: Math.max(120, cellHeight * bins - 20),
              ...(logScale ? { values: logTicks(low, high) } : {}),
            },
          },
        },
      },
      {
        mark: { type: "text", fontSize: 11, lineHeight: 14 },
        encoding: {
          text: { field: "text" },
          color: {
            condition: { test: "datum.dark === 1", value: "white" },
            value: "#1d2330",
          },
        },
      },
    ],
    config: BASE_CONFIG,
  };
}
