/**
 * Weighted scorecard: each feature normalised to 0..1 (with a direction), a
 * weighted sum scaled to 0..100, and tiers by score thresholds or by target
 * shares of clients.
 *
 * Normalisations (s in 0..1 before direction; direction "lower" uses 1 − s):
 * - `cap`: s = min(max(x / cap, 0), 1) — "20 orders or more is full marks".
 * - `percentile`: s = (average rank − 1) / (n − 1), ranks 1..n ascending, tied
 *   values share the average of their ranks (so the lowest value gets 0, the
 *   highest 1, and all-equal values 0.5; a single client gets 0.5).
 * - `minmax`: s = (x − min) / (max − min); 0.5 for everyone when max = min.
 *
 * Tiers by thresholds: tiers are listed best first, each with a lower bound
 * `min`; a client gets the first tier with score ≥ min. Scores are not rounded,
 * so with Diamond 85 / Gold 70 a score of 84.5 (or 84.999) is Gold: the label
 * "Gold 70–84" means the half-open range [70, 85). A score within 1e-9 of a
 * bound counts as on it, so that a weighted sum that is 85 on paper but
 * 84.99999999999999 in floating point is still Diamond.
 *
 * Tiers by target shares: clients are sorted by score, best first; tier t is
 * filled up to the cumulative share (s_1 + … + s_t) × n. Equal scores are
 * never split: a group of tied clients goes to the tier in which its first
 * member falls, so an upper tier can end up above its target (and a lower one
 * below it, possibly empty). Actual and target shares are both returned.
 */
import * as msg from "../shared/messages/rules.js";
import type { Normalization, Scorecard, ScorecardResult, Tier, TierSummary } from "./types.js";

/** Scores within this distance of a tier bound count as on it. */
const BOUND_TOLERANCE = 1e-9;

/**
 * Normalises one feature to 0..1 according to its method and direction.
 *
 * @example
 * normalizeFeature(Float64Array.of(0, 10, 30), { method: "cap", cap: 20, direction: "higher" })
 * // => Float64Array [0, 0.5, 1]
 */
export function normalizeFeature(values: ArrayLike<number>, how: Normalization): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (how.method === "cap") {
    for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(values[i]! / how.cap, 0), 1);
  } else if (how.method === "minmax") {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, values[i]!);
      hi = Math.max(hi, values[i]!);
    }
    for (let i = 0; i < n; i++) out[i] = hi > lo ? (values[i]! - lo) / (hi - lo) : 0.5;
  } else {
    const ranks = averageRanks(values);
    for (let i = 0; i < n; i++) out[i] = n > 1 ? (ranks[i]! - 1) / (n - 1) : 0.5;
  }
  if (how.direction === "lower") for (let i = 0; i < n; i++) out[i] = 1 - out[i]!;
  return out;
}

/**
 * Ranks 1..n ascending, ties given the average of the ranks they span
 * (R `rank(ties.method = "average")`, pandas `rank()`).
 *
 * @example
 * averageRanks([10, 20, 20, 30]) // => Float64Array [1, 2.5, 2.5, 4]
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && values[order[end + 1]!] === values[order[start]!]) end++;
    // Positions start..end (0-based) hold ranks start+1..end+1; their mean:
    const rank = (start + end + 2) / 2;
    for (let p = start; p <= end; p++) ranks[order[p]!] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Scores every client 0..100 with a validated scorecard and assigns tiers.
 *
 * @throws SegworkError `rules-missing-column` when a weighted feature is not a
 *   column, `rules-length-mismatch`, `rules-not-finite` for a missing value, or
 *   `rules-no-clients`.
 * @example
 * const r = scoreScorecard(card, { recency_days, frequency, monetary }, ids);
 * r.tiers.map((t) => [t.name, t.count, t.actualShare])
 */
export function scoreScorecard(
  card: Scorecard,
  columns: Readonly<Record<string, ArrayLike<number>>>,
  ids: readonly string[],
): ScorecardResult {
  const { score, components } = weightedScore(card.weights, columns, ids, (feature, values) => {
    const how = card.normalization[feature];
    if (!how)
      throw new RangeError(`no normalization for "${feature}" (validate the scorecard first)`);
    return normalizeFeature(values, how);
  });
  const tierIndex =
    card.assign === "shares"
      ? tiersByShares(score, card)
      : tiersByThresholds(
          score,
          card.tiers.map((t) => t.min ?? 0),
        );
  return { score, components, tierIndex, ...tierSummaries(card.tiers, tierIndex, score) };
}

/**
 * The weighted score 0..100 of every client: 100 · Σ weight · normalised
 * value, each feature normalised by `normalize` (0..1 after direction),
 * after checking that every weighted feature is a column of finite values.
 *
 * @throws SegworkError `rules-missing-column`, `rules-length-mismatch`,
 *   `rules-not-finite` or `rules-no-clients`.
 * @example
 * weightedScore({ x: 1 }, { x: [0, 5] }, ["a", "b"], (_, v) => Float64Array.from(v, (x) => x / 10)).score;
 * // => Float64Array [0, 50]
 */
export function weightedScore(
  weights: Readonly<Record<string, number>>,
  columns: Readonly<Record<string, ArrayLike<number>>>,
  ids: readonly string[],
  normalize: (feature: string, values: ArrayLike<number>) => Float64Array,
): { score: Float64Array; components: Record<string, Float64Array> } {
  const n = ids.length;
  if (n === 0) throw msg.noClients("scorecard");
  const available = Object.keys(columns);
  const components: Record<string, Float64Array> = {};
  const score = new Float64Array(n);
  for (const [feature, weight] of Object.entries(weights)) {
    const values = columns[feature];
    if (!values) throw msg.missingColumn("the scorecard", feature, available);
    if (values.length !== n) throw msg.lengthMismatch(feature, values.length, n);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(values[i]!)) throw msg.notFinite(feature, i + 1, ids[i]!, values[i]!);
    }
    const s = normalize(feature, values);
    components[feature] = s;
    for (let i = 0; i < n; i++) score[i] = score[i]! + weight * s[i]!;
  }
  for (let i = 0; i < n; i++) score[i] = 100 * score[i]!;
  return { score, components };
}

/**
 * Per-tier counts, shares and score ranges, and the tier name per client.
 *
 * @example
 * tierSummaries([{ name: "A", min: 50 }, { name: "B", min: 0 }], Uint8Array.of(0, 1, 1), Float64Array.of(60, 10, 20)).tiers[1];
 * // => { name: "B", count: 2, actualShare: 0.6667, min: 0, minScore: 10, maxScore: 20 }
 */
export function tierSummaries(
  tiers: readonly Tier[],
  tierIndex: Uint8Array,
  score: Float64Array,
): { tier: string[]; tiers: TierSummary[] } {
  const n = score.length;
  const summaries: TierSummary[] = tiers.map((tier) => ({
    name: tier.name,
    ...(tier.nameZh !== undefined ? { nameZh: tier.nameZh } : {}),
    ...(tier.strategy !== undefined ? { strategy: tier.strategy } : {}),
    ...(tier.owner !== undefined ? { owner: tier.owner } : {}),
    ...(tier.strategyZh !== undefined ? { strategyZh: tier.strategyZh } : {}),
    ...(tier.ownerZh !== undefined ? { ownerZh: tier.ownerZh } : {}),
    count: 0,
    actualShare: 0,
    ...(tier.share !== undefined ? { targetShare: tier.share } : {}),
    ...(tier.min !== undefined ? { min: tier.min } : {}),
    minScore: Number.NaN,
    maxScore: Number.NaN,
  }));
  for (let i = 0; i < n; i++) {
    const t = summaries[tierIndex[i]!]!;
    t.count++;
    const s = score[i]!;
    t.minScore = Number.isNaN(t.minScore) ? s : Math.min(t.minScore, s);
    t.maxScore = Number.isNaN(t.maxScore) ? s : Math.max(t.maxScore, s);
  }
  for (const t of summaries) t.actualShare = t.count / n;
  return { tier: Array.from(tierIndex, (t) => tiers[t]!.name), tiers: summaries };
}

/**
 * Tiers by lower bounds, best first: a client gets the first tier whose
 * bound its score reaches (within 1e-9); the last tier takes everyone left.
 *
 * @example
 * tiersByThresholds(Float64Array.of(90, 84.9999999999, 10), [85, 70, 0]); // => Uint8Array [0, 0, 2]
 */
export function tiersByThresholds(score: Float64Array, mins: readonly number[]): Uint8Array {
  const out = new Uint8Array(score.length);
  const last = mins.length - 1;
  for (let i = 0; i < score.length; i++) {
    let t = 0;
    while (t < last && score[i]! < mins[t]! - BOUND_TOLERANCE) t++;
    out[i] = t;
  }
  return out;
}

function tiersByShares(score: Float64Array, card: Scorecard): Uint8Array {
  const n = score.length;
  const out = new Uint8Array(n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]!);
  // Cumulative target counts; the last tier takes everyone left.
  const ends: number[] = [];
  let cumulative = 0;
  for (const tier of card.tiers) {
    cumulative += tier.share ?? 0;
    ends.push(cumulative * n);
  }
  let t = 0;
  let pos = 0;
  while (pos < n) {
    let end = pos;
    while (end + 1 < n && score[order[end + 1]!] === score[order[pos]!]) end++;
    // The tie group starting at `pos` joins the tier its first member falls in.
    while (t < card.tiers.length - 1 && pos >= ends[t]! - BOUND_TOLERANCE) t++;
    for (let p = pos; p <= end; p++) out[order[p]!] = t;
    pos = end + 1;
  }
  return out;
}
