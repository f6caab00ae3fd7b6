/**
 * A scorecard frozen on a reference table, so that a score — and so a
 * tier — means the same thing in every later period.
 *
 * `cap` normalisation and tiers by score thresholds depend on nothing but
 * the config. `percentile` and `minmax` normalisation and tiers by target
 * shares depend on the population scored: re-run each period, 5 % of
 * clients would be Diamond whatever they bought. Freezing replaces each of
 * them by what it was on the reference table:
 *
 * - `percentile` → the reference's empirical CDF: every distinct reference
 *   value with its normalised average rank `(rank − 1)/(n − 1)` (exactly
 *   what `normalizeFeature` gives it), linear between them, 0 below the
 *   smallest and 1 above the largest. With more distinct values than
 *   `maxKnots`, evenly spaced ones (by position, both ends kept) are kept
 *   and the rest interpolated.
 * - `minmax` → the reference's min and max, later values clipped to 0..1.
 * - tiers by shares → score thresholds: each tier's lowest reference score
 *   (an empty tier takes the threshold of the tier above, or
 *   `Number.MAX_VALUE` at the top, so it stays empty; the last tier 0). Tie groups are never split by shares, so the thresholds give
 *   the reference exactly its tiers.
 *
 * Applied to the reference table itself, a frozen scorecard gives the same
 * components, scores and tiers as `scoreScorecard` (tested).
 */
import {
  normalizeFeature,
  scoreScorecard,
  tierSummaries,
  tiersByThresholds,
  weightedScore,
} from "../rules/index.js";
import type { Normalization, Scorecard, ScorecardResult, TierSummary } from "../rules/types.js";

/** One feature's normalisation with its reference parameters. */
export type FrozenNormalization =
  | { method: "cap"; cap: number; direction: "higher" | "lower" }
  | { method: "minmax"; min: number; max: number; direction: "higher" | "lower" }
  | {
      method: "percentile";
      direction: "higher" | "lower";
      /** Ascending distinct reference values (or evenly spaced ones of them). */
      values: number[];
      /** The normalised average rank of each value, 0..1, before direction. */
      levels: number[];
    };

/** A scorecard whose scores and tiers no longer depend on who is scored. */
export interface FrozenScorecard {
  weights: Record<string, number>;
  normalization: Record<string, FrozenNormalization>;
  /** Best tier first; a client gets the first tier whose `min` its score reaches. */
  tiers: { name: string; nameZh?: string; description?: string; min: number }[];
  /** The table it was frozen on. */
  reference: { source: string; rows: number };
}

/** Options of {@link freezeScorecard}. */
export interface FreezeOptions {
  /** Percentile knots kept per feature at most (exact below this many distinct values). Default 10,000. */
  maxKnots?: number;
}

/** Default of {@link FreezeOptions.maxKnots}. */
export const DEFAULT_MAX_KNOTS = 10_000;

/**
 * Freezes `card` on a reference table (see the module comment).
 *
 * @throws SegworkError as `scoreScorecard` for a missing column or value.
 * @example
 * const frozen = freezeScorecard(card, clients.columns, clients.ids, "clients.csv");
 * frozen.tiers.map((t) => t.min); // => [85, 70, 55, 0] for data/rules/tiers.json
 */
export function freezeScorecard(
  card: Scorecard,
  columns: Readonly<Record<string, ArrayLike<number>>>,
  ids: readonly string[],
  source: string,
  options: FreezeOptions = {},
): FrozenScorecard {
  const maxKnots = Math.max(2, options.maxKnots ?? DEFAULT_MAX_KNOTS);
  const reference = scoreScorecard(card, columns, ids);
  const normalization: Record<string, FrozenNormalization> = {};
  for (const feature of Object.keys(card.weights)) {
    normalization[feature] = freezeNormalization(
      card.normalization[feature]!,
      columns[feature]!,
      maxKnots,
    );
  }
  return {
    weights: { ...card.weights },
    normalization,
    tiers: frozenThresholds(card, reference.tiers),
    reference: { source, rows: ids.length },
  };
}

function freezeNormalization(
  how: Normalization,
  values: ArrayLike<number>,
  maxKnots: number,
): FrozenNormalization {
  if (how.method === "cap") return { ...how };
  if (how.method === "minmax") {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      min = Math.min(min, values[i]!);
      max = Math.max(max, values[i]!);
    }
    return { method: "minmax", min, max, direction: how.direction };
  }
  // The reference levels are what normalizeFeature gives, before direction.
  const levels = normalizeFeature(values, { method: "percentile", direction: "higher" });
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => values[a]! - values[b]!,
  );
  const distinct: number[] = [];
  const distinctLevels: number[] = [];
  for (const i of order) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === values[i]) continue;
    distinct.push(values[i]!);
    distinctLevels.push(levels[i]!);
  }
  const keep =
    distinct.length <= maxKnots
      ? distinct.map((_, j) => j)
      : Array.from({ length: maxKnots }, (_, j) =>
          Math.round((j * (distinct.length - 1)) / (maxKnots - 1)),
        );
  return {
    method: "percentile",
    direction: how.direction,
    values: keep.map((j) => distinct[j]!),
    levels: keep.map((j) => distinctLevels[j]!),
  };
}

function frozenThresholds(card: Scorecard, summary: TierSummary[]): FrozenScorecard["tiers"] {
  const tiers: FrozenScorecard["tiers"] = [];
  card.tiers.forEach((tier, t) => {
    const last = t === card.tiers.length - 1;
    let min: number;
    if (card.assign === "thresholds") min = tier.min ?? 0;
    else if (last)
      min = 0; // the last tier takes everyone left
    // An empty tier is unreachable: the tier above's threshold, or no score at all for the top one.
    else if (Number.isNaN(summary[t]!.minScore))
      min = t === 0 ? Number.MAX_VALUE : tiers[t - 1]!.min;
    else min = summary[t]!.minScore;
    tiers.push({
      name: tier.name,
      ...(tier.nameZh !== undefined ? { nameZh: tier.nameZh } : {}),
      ...(tier.description !== undefined ? { description: tier.description } : {}),
      min,
    });
  });
  return tiers;
}

/**
 * One feature normalised with frozen parameters, 0..1 after direction.
 *
 * @example
 * frozenNormalize([5, 15], { method: "percentile", direction: "higher", values: [0, 10, 20], levels: [0, 0.5, 1] });
 * // => Float64Array [0.25, 0.75]
 */
export function frozenNormalize(values: ArrayLike<number>, how: FrozenNormalization): Float64Array {
  const out =
    how.method === "cap"
      ? normalizeFeature(values, how)
      : Float64Array.from({ length: values.length }, (_, i) =>
          how.method === "minmax" ? minmaxLevel(values[i]!, how) : percentileLevel(values[i]!, how),
        );
  if (how.method !== "cap" && how.direction === "lower") {
    for (let i = 0; i < out.length; i++) out[i] = 1 - out[i]!;
  }
  return out;
}

function minmaxLevel(x: number, how: { min: number; max: number }): number {
  if (!(how.max > how.min)) return 0.5;
  return Math.min(Math.max((x - how.min) / (how.max - how.min), 0), 1);
}

/** The reference CDF at x: exact at a knot, linear between knots, 0 / 1 outside. */
function percentileLevel(x: number, how: { values: number[]; levels: number[] }): number {
  const { values, levels } = how;
  const n = values.length;
  if (x < values[0]!) return 0;
  if (x > values[n - 1]!) return 1;
  // Binary search for the last knot ≤ x.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  if (values[lo] === x || lo === n - 1) return levels[lo]!;
  const t = (x - values[lo]!) / (values[lo + 1]! - values[lo]!);
  return levels[lo]! + t * (levels[lo + 1]! - levels[lo]!);
}

/**
 * Scores every client with a frozen scorecard: the same weighted sum and
 * result shape as `scoreScorecard`, tiers by the frozen thresholds.
 *
 * @throws SegworkError `rules-missing-column`, `rules-length-mismatch`,
 *   `rules-not-finite` or `rules-no-clients`, as `scoreScorecard`.
 * @example
 * scoreFrozenScorecard(frozen, period.columns, period.ids).tier[0]; // => "Gold"
 */
export function scoreFrozenScorecard(
  frozen: FrozenScorecard,
  columns: Readonly<Record<string, ArrayLike<number>>>,
  ids: readonly string[],
): ScorecardResult {
  const { score, components } = weightedScore(frozen.weights, columns, ids, (feature, values) =>
    frozenNormalize(values, frozen.normalization[feature]!),
  );
  const tierIndex = tiersByThresholds(
    score,
    frozen.tiers.map((t) => t.min),
  );
  return { score, components, tierIndex, ...tierSummaries(frozen.tiers, tierIndex, score) };
}
