/**
 * Charts of a weighted scorecard: the score histogram coloured by tier with
 * the tier thresholds marked, and actual against target tier shares. Tier
 * names come from config files and travel as data values only.
 */
import type { TopLevelSpec } from "vega-lite";
import type { TierSummary } from "../../rules/types.js";
import { uniqueNames } from "./rfm.js";
import { ANNOTATION_COLOR, BASE_CONFIG, VEGA_LITE_SCHEMA, magnitudeFormat } from "./theme.js";
import type { LayerItem } from "./theme.js";

/** Dark to light: the best tier gets the darkest colour. */
const TIER_RAMP: readonly string[] = [
  "#1f3b73",
  "#2f5ea8",
  "#4c78a8",
  "#6b9bc9",
  "#93b9dc",
  "#b8d2e8",
  "#cfd8e3",
  "#dfe3e8",
];

/**
 * Colours of `count` tiers, best first, spread evenly over a dark-to-light
 * blue ramp (with more than eight tiers, neighbours share a colour).
 *
 * @throws never
 * @example
 * tierColors(2); // => ["#1f3b73", "#dfe3e8"]
 */
export function tierColors(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [TIER_RAMP[2]!];
  const last = TIER_RAMP.length - 1;
  return Array.from({ length: count }, (_, i) => TIER_RAMP[Math.round((i * last) / (count - 1))]!);
}

/** One stacked piece of the score histogram: clients of one tier in one score bin. */
export interface ScoreHistogramBin {
  /** Bin edges: [start, end), the last bin also holding `end`. */
  start: number;
  end: number;
  /** Tier index (0 = best). */
  tier: number;
  clients: number;
}

/**
 * Counts scores 0..100 into bins of `binWidth` points, split by tier, so a
 * bin a threshold cuts through shows both tiers. Only non-empty pieces are
 * returned, by bin then tier. Scores outside 0..100 are clamped into the end
 * bins; non-finite scores are skipped.
 *
 * @throws {RangeError} when binWidth does not divide 100 into whole bins or the arrays differ in length
 * @example
 * scoreHistogram([10, 12, 90], Uint8Array.of(1, 1, 0), 10);
 * // => [{ start: 10, end: 20, tier: 1, clients: 2 }, { start: 90, end: 100, tier: 0, clients: 1 }]
 */
export function scoreHistogram(
  score: ArrayLike<number>,
  tierIndex: ArrayLike<number>,
  binWidth = 2,
): ScoreHistogramBin[] {
  const binCount = 100 / binWidth;
  if (!(binWidth > 0 && Number.isInteger(binCount))) {
    throw new RangeError(`binWidth must divide 100 into whole bins, got ${binWidth}`);
  }
  if (tierIndex.length !== score.length) {
    throw new RangeError(`${score.length} scores but ${tierIndex.length} tier indices`);
  }
  const counts = new Map<number, number>();
  let tiers = 0;
  for (let i = 0; i < score.length; i++) {
    const value = score[i]!;
    if (!Number.isFinite(value)) continue;
    const bin = Math.min(binCount - 1, Math.max(0, Math.floor(value / binWidth)));
    const tier = tierIndex[i]!;
    tiers = Math.max(tiers, tier + 1);
    const key = bin * 256 + tier;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, clients]) => {
      const bin = Math.floor(key / 256);
      return { start: bin * binWidth, end: (bin + 1) * binWidth, tier: key % 256, clients };
    });
}

/** A tier's lower score boundary, drawn as a threshold line. */
export interface TierThreshold {
  /** Tier index (0 = best). */
  tier: number;
  name: string;
  /** The score at which the tier starts. */
  at: number;
}

/**
 * The lower score boundary of every tier but the last: its configured `min`
 * (threshold mode) or, by share, the lowest score it received. Tiers without
 * a finite boundary (empty tiers in share mode) are left out.
 *
 * @throws never
 * @example
 * tierThresholds([{ name: "Gold", min: 70, … }, { name: "Silver", min: 0, … }]); // => [{ tier: 0, name: "Gold", at: 70 }]
 */
export function tierThresholds(
  tiers: readonly Pick<TierSummary, "name" | "min" | "minScore">[],
): TierThreshold[] {
  const out: TierThreshold[] = [];
  tiers.forEach((tier, index) => {
    if (index === tiers.length - 1) return;
    const at = tier.min ?? tier.minScore;
    if (Number.isFinite(at)) out.push({ tier: index, name: tier.name, at });
  });
  return out;
}

/** Options of {@link tierHistogramSpec}. */
export interface TierHistogramOptions {
  width?: number;
  height?: number;
  /** Width of a bin in score points (default 2, must match the histogram). */
  binWidth?: number;
  title?: string;
  /** Axis and legend titles (default English). */
  titles?: Partial<TierHistogramTitles>;
}

/** Axis and legend titles of {@link tierHistogramSpec}, in the report's language. */
export interface TierHistogramTitles {
  /** Default "Score (0–100)". */
  score: string;
  /** Default "Clients". */
  clients: string;
  /** Default "Tier". */
  tier: string;
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * Score histogram (0–100) with bars stacked and coloured by tier, a dashed
 * line at each tier threshold labelled "Gold ≥ 70", and a legend of tiers
 * best first.
 *
 * @throws never
 * @example
 * tierHistogramSpec(scoreHistogram(r.score, r.tierIndex), r.tiers.map((t) => t.name), tierThresholds(r.tiers));
 */
export function tierHistogramSpec(
  bins: readonly ScoreHistogramBin[],
  tierNames: readonly string[],
  thresholds: readonly TierThreshold[],
  options: TierHistogramOptions = {},
): TopLevelSpec {
  const names = uniqueNames(tierNames);
  const binWidth = options.binWidth ?? 2;
  const values = bins.map((bin) => ({
    start: bin.start,
    end: bin.end,
    tier: names[bin.tier] ?? `Tier ${bin.tier + 1}`,
    rank: bin.tier,
    clients: bin.clients,
  }));
  const perBin = new Map<number, number>();
  for (const bin of bins) perBin.set(bin.start, (perBin.get(bin.start) ?? 0) + bin.clients);
  const maxStack = Math.max(1, ...perBin.values());
  const top = maxStack * 1.22;
  const layers: LayerItem[] = [
    {
      mark: { type: "bar", binSpacing: 1 },
      encoding: {
        x: {
          field: "start",
          type: "quantitative",
          bin: { binned: true, step: binWidth },
          title: options.titles?.score ?? "Score (0–100)",
          scale: { domain: [0, 100], nice: false },
          axis: { values: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], format: "d" },
        },
        x2: { field: "end" },
        y: {
          field: "clients",
          type: "quantitative",
          stack: "zero",
          title: options.titles?.clients ?? "Clients",
          scale: { domain: [0, top], nice: false },
          axis: { format: magnitudeFormat(maxStack), tickCount: 5 },
        },
        color: {
          field: "tier",
          type: "nominal",
          title: options.titles?.tier ?? "Tier",
          scale: { domain: names, range: tierColors(names.length) },
          legend: { orient: "right", symbolType: "square" },
        },
        order: { field: "rank", type: "quantitative", sort: "descending" },
      },
    },
  ];
  if (thresholds.length > 0) {
    const lines = thresholds.map((threshold, i) => ({
      at: threshold.at,
      // Alternate label heights so thresholds close together stay readable.
      y: top * (i % 2 === 0 ? 0.985 : 0.9),
      text: `${names[threshold.tier] ?? threshold.name} ≥ ${formatScore(threshold.at)}`,
    }));
    layers.push(
      {
        data: { values: lines },
        mark: { type: "rule", color: ANNOTATION_COLOR, strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: { x: { field: "at", type: "quantitative" } },
      },
      {
        data: { values: lines },
        mark: {
          type: "text",
          color: ANNOTATION_COLOR,
          align: "left",
          baseline: "top",
          dx: 4,
          fontWeight: "bold",
        },
        encoding: {
          x: { field: "at", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          text: { field: "text" },
        },
      },
    );
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    width: options.width ?? 680,
    height: options.height ?? 260,
    data: { values },
    layer: layers,
    config: BASE_CONFIG,
  };
}

/** Options of {@link tierSharesSpec}. */
export interface TierSharesOptions {
  /** Width of one tier's group of bars (default 120). */
  step?: number;
  height?: number;
  title?: string;
  /** Axis and legend titles (default English). */
  titles?: Partial<TierSharesTitles>;
}

/** Axis and legend titles of {@link tierSharesSpec}, in the report's language. */
export interface TierSharesTitles {
  /** Default "Share of clients". */
  share: string;
  /** Legend entry of the actual bars (default "Actual"). */
  actual: string;
  /** Legend entry of the target bars (default "Target"). */
  target: string;
}

/** Colours of the actual and target bars. */
const SHARE_COLORS = ["#4c78a8", "#c9d2de"];

/**
 * Actual against target share of clients per tier, as grouped bars (tiers
 * best first; the target bar only where a target is configured), each bar
 * labelled with its percentage.
 *
 * @throws never
 * @example
 * tierSharesSpec(result.tiers);
 */
export function tierSharesSpec(
  tiers: readonly Pick<TierSummary, "name" | "actualShare" | "targetShare">[],
  options: TierSharesOptions = {},
): TopLevelSpec {
  const names = uniqueNames(tiers.map((tier) => tier.name));
  const series = {
    domain: [options.titles?.actual ?? "Actual", options.titles?.target ?? "Target"],
    range: SHARE_COLORS,
  };
  const values = tiers.flatMap((tier, i) => {
    const rows = [
      {
        tier: names[i]!,
        series: series.domain[0]!,
        share: tier.actualShare,
        text: `${(tier.actualShare * 100).toFixed(1)}%`,
      },
    ];
    if (tier.targetShare !== undefined) {
      rows.push({
        tier: names[i]!,
        series: series.domain[1]!,
        share: tier.targetShare,
        text: `${(tier.targetShare * 100).toFixed(1)}%`,
      });
    }
    return rows;
  });
  const maxShare = Math.max(0.01, ...values.map((value) => value.share));
  const withTargets = tiers.some((tier) => tier.targetShare !== undefined);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(options.title ? { title: options.title } : {}),
    // A number, not a step: with xOffset a step would size each bar, not each tier.
    width: (options.step ?? 120) * Math.max(1, tiers.length),
    height: options.height ?? 220,
    data: { values },
    encoding: {
      x: {
        field: "tier",
        type: "nominal",
        sort: names,
        title: null,
        axis: { labelAngle: 0, domain: true, ticks: false, labelPadding: 6 },
      },
      xOffset: { field: "series", type: "nominal", sort: series.domain },
      y: {
        field: "share",
        type: "quantitative",
        title: options.titles?.share ?? "Share of clients",
        scale: { domain: [0, Math.min(1, maxShare * 1.2)], nice: false },
        axis: { format: ".0%", tickCount: 5 },
      },
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, width: { band: 0.9 } },
        encoding: {
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: series,
            legend: withTargets ? { orient: "top", symbolType: "square" } : null,
          },
        },
      },
      {
        mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 11, color: "#333a45" },
        encoding: { text: { field: "text" } },
      },
    ],
    config: BASE_CONFIG,
  };
}
