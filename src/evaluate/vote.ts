/**
 * The vote on k: every index of a sweep proposes a number of clusters — the
 * knee of the inertia curve (or "no knee"), the silhouette maximum, the
 * Calinski–Harabasz maximum, the Davies–Bouldin minimum, the jump method
 * (Sugar & James' largest jump in transformed distortion), the BIC of the
 * fits read as Gaussian mixtures (X-means), the gap statistic's
 * rule (k = 1 meaning "no cluster structure") and bootstrap stability — and
 * a weighted plurality of those proposals picks the recommended k (a tie
 * goes to the k the indices' whole curves rank higher, `vote-ranks.ts`),
 * with a confidence word and a reason naming the evidence.
 *
 * The weights and the stability reading were tuned on the development half
 * of the k-recovery suite (`bench/k-recovery/`, `npm run bench:k`) and are
 * reported on the held-out half; {@link majorityVote} is NbClust's rule
 * (every index one vote, ties to the smaller k), the baseline.
 */
import { emptySweep } from "../shared/messages/evaluate.js";
import { maxSE, type GapRule } from "./gap-rules.js";
import type { SweepRow } from "./types.js";
import { rankSums, type RankCurve } from "./vote-ranks.js";
import { countBallots, type VoteTies } from "./vote-tally.js";

export { majorityVote } from "./vote-tally.js";

/**
 * How the vote's gap curve is computed (the setting it was tuned with):
 * d.power 2 (W(k) from sums of squares, O(n·d) per set instead of the n²/2
 * pairs of R's default d.power 1), the data's W(k) from the sweep's own fits.
 */
export const VOTE_GAP_SETTINGS = { dPower: 2 } as const;

/** The indices that vote. */
export type VoteIndex =
  | "knee"
  | "silhouette"
  | "calinskiHarabasz"
  | "daviesBouldin"
  | "jump"
  | "bic"
  | "gap"
  | "stability";

/** Every {@link VoteIndex}, in the order the reason names them. */
export const VOTE_INDICES: readonly VoteIndex[] = [
  "knee",
  "silhouette",
  "calinskiHarabasz",
  "daviesBouldin",
  "jump",
  "bic",
  "gap",
  "stability",
];

/** How sure the vote is: most of the weight on one k, spread over several, or no structure at all. */
export type VoteConfidence = "agreed" | "split" | "no-structure";

/** The gap curve as the vote reads it (arrays indexed by k − 1, k = 1..K). */
export interface GapEvidence {
  gap: ArrayLike<number>;
  se: ArrayLike<number>;
}

/** Stability of one k as the vote reads it. */
export interface StabilityEvidence {
  k: number;
  /** Mean pairwise ARI between bootstrap clusterings. */
  ari: number;
}

/** What the vote is given: the sweep's rows and knee, and optionally the gap curve and stability. */
export interface KEvidence {
  rows: readonly SweepRow[];
  /** Kneedle's knee of the inertia curve, null when the curve has none. */
  elbowK: number | null;
  /**
   * The jump method's pick (`jump.ts`; 1 = no structure) and, when given,
   * its curve over k (read by the rank-sum tie-break); absent when not computed.
   */
  jump?: { bestK: number; k?: readonly number[]; jump?: readonly number[] };
  /**
   * The BIC's pick (`bic.ts`; 1 = no structure) and, when given, its curve
   * over k (read by the rank-sum tie-break); absent when not computed.
   */
  bic?: {
    bestK: number;
    k?: readonly number[];
    bic?: readonly number[];
    /** Mean absolute skewness of the clusters at bestK (`cluster-skewness.ts`), when computed. */
    skewness?: number;
  };
  gap?: GapEvidence;
  stability?: readonly StabilityEvidence[];
}

/** Settings of {@link voteK}; {@link VOTE_DEFAULTS} holds the tuned ones. */
export interface VoteOptions {
  /** Weight of each index's ballot. */
  weights: Record<VoteIndex, number>;
  /** Rule that turns the gap curve into a k (R's `maxSE`). */
  gapRule: GapRule;
  gapSEFactor: number;
  /**
   * Stability proposes the largest k whose mean ARI is at least this (a k
   * the resamples reproduce), or the k with the highest ARI when none is.
   */
  stabilityThreshold: number;
  /**
   * When the heaviest k is backed by a single index, NbClust's majority of
   * all ballots (weights ignored) decides instead.
   */
  loneBallotFallback: boolean;
  /**
   * Which k wins a tie of weights: the smaller (NbClust's way), the larger,
   * or the one the indices' curves rank higher overall ("rank-sum": the
   * smallest sum of its places on every computed curve, `vote-ranks.ts`;
   * then the smaller k).
   */
  ties: VoteTies;
  /** Share of the cast weight the winner needs for "agreed". */
  agreedShare: number;
  /**
   * Weighted indices that must back the winner for "agreed": one heavy
   * index that outweighs the rest alone (the gap when the BIC abstains) is
   * a split, not an agreement.
   */
  agreedBackers: number;
  /**
   * "no structure" needs the gap to say k = 1 and either the best silhouette
   * below this (Kaufman & Rousseeuw: below 0.25 no substantial structure)
   * or no stable k (see {@link VoteOptions.noStructureStability}).
   */
  noStructureSilhouette: number;
  /**
   * With the gap saying k = 1, no swept k whose mean bootstrap ARI reaches
   * this also reads as "no structure" (clusterboot's reading: below 0.75 no
   * stable clusters). It catches one skewed blob, which K-Means cuts into
   * pieces with a fair silhouette but not reproducibly. 0 switches it off.
   */
  noStructureStability: number;
  /**
   * The BIC abstains (ballot and rank-sum curve) when the clusters at its k
   * are more skewed than this (mean |skewness|; Bulmer 1979: below 0.5
   * approximately symmetric): they are not the Gaussians it assumes, and
   * more Gaussian pieces always fit a skewed cloud better. Infinity
   * switches it off.
   */
  bicMaxSkewness: number;
}

/**
 * The tuned settings of the vote: the best of a grid (every weight in
 * {0, 1, 2}, gap rule, stability threshold 0.8 / 0.85 / 0.9, three
 * tie-breaks, lone-ballot fallback on or off; bench/k-recovery/tune.mjs) on
 * the 72 round-cluster development tables of the k-recovery suite: 55 of 72
 * right there (47 of 48 at separation ≥ 4) against 48 for the best single
 * index (the BIC), one below the grid's best (56), whose neighbours (one
 * weight one step up or down) average lower (53.7 against 54.4): a flat
 * optimum rather than a lucky point.
 * Re-tuned on the development halves of round and skewed tables together
 * (suite version 6) the grid's best scored higher there (105 of 144 against
 * 94) but lower on the held-out halves (81 against 85), so these stayed.
 * Ties of weight are broken by the indices' whole curves (rank sums). The
 * weight-0 indices still count in the rank sums and are shown as evidence.
 *
 * The confidence readings are conventions, not tuned: "agreed" needs ⅔ of
 * the cast weight from at least two weighted indices; "no structure" needs
 * the gap's k = 1 and a silhouette below 0.25 (Kaufman & Rousseeuw) or no k
 * at a mean bootstrap ARI of 0.75 (clusterboot's "stable"). How often each
 * word is right on the suite is in bench/k-recovery/RESULTS.md. So is the
 * BIC's skewness line, 0.5 (Bulmer's "roughly symmetric"): on the
 * development halves 0.4, 0.6 and 0.75 gave the same hits as 0.5.
 *
 * @example
 * voteK(evidence, { ...VOTE_DEFAULTS, bicMaxSkewness: Infinity }); // the vote without the BIC's skewness check
 */
export const VOTE_DEFAULTS: VoteOptions = {
  weights: {
    knee: 0,
    silhouette: 0,
    calinskiHarabasz: 1,
    daviesBouldin: 0,
    jump: 0,
    bic: 2,
    gap: 2,
    stability: 0,
  },
  gapRule: "firstSEmax",
  gapSEFactor: 1,
  stabilityThreshold: 0.9,
  loneBallotFallback: false,
  ties: "rank-sum",
  agreedShare: 2 / 3,
  agreedBackers: 2,
  noStructureSilhouette: 0.25,
  noStructureStability: 0.75,
  bicMaxSkewness: 0.5,
};

/** One index's ballot: its k (null: it abstains, e.g. no knee) and why. */
export interface Ballot {
  index: VoteIndex;
  k: number | null;
  weight: number;
  /** e.g. "silhouette peaks at k=4 (0.412)". */
  evidence: string;
  /** The numbers `evidence` states, for reports that word it in another language. */
  facts: BallotFacts;
}

/** What a ballot's evidence sentence states, as data. */
export interface BallotFacts {
  /** The index was not computed (gap, stability or jump switched off). */
  notComputed?: boolean;
  /** The index says there is no cluster structure (k = 1). */
  noStructure?: boolean;
  /** The silhouette at the peak, or the stability ARI of the k proposed. */
  value?: number;
  /** The gap's maxSE rule. */
  rule?: string;
  /** The stability threshold, and whether the proposed k reaches it. */
  threshold?: number;
  reproduced?: boolean;
  /** The BIC is highest at the largest swept k: it keeps rising, no peak in range (it abstains). */
  edgeK?: number;
  /** The BIC's peak, whose clusters are too skewed for it (it abstains), and their mean |skewness|. */
  skewedK?: number;
  skewness?: number;
  maxSkewness?: number;
}

/**
 * The grounds of a "no structure" reading, beside the gap's k = 1: the best
 * silhouette is below its threshold, and/or no k reaches the stability
 * threshold (its best mean ARI stated).
 */
export interface NoStructureGrounds {
  weakSilhouette: boolean;
  unstable: boolean;
  /** The best mean ARI over the swept k (when stability was computed). */
  bestStability?: number;
  stabilityThreshold: number;
}

/** How a tie of the heaviest weight was broken by the indices' curves. */
export interface VoteTieBreak {
  /** The weight the tied k share. */
  weight: number;
  /** The tied swept k with their rank sums, the winner first. */
  candidates: { k: number; rankSum: number }[];
  /** The curves the rank sums were taken from. */
  curves: RankCurve[];
}

/** The vote's outcome. */
export interface VoteResult {
  /** Each index's proposal (null: abstained or not computed). */
  votes: Record<VoteIndex, number | null>;
  ballots: Ballot[];
  recommendedK: number;
  confidence: VoteConfidence;
  /** Weight per proposed k, largest first. */
  tally: { k: number; weight: number }[];
  /** Names the evidence and where the indices disagree. */
  reason: string;
  /** Present when the heaviest weight was tied and the rank sums decided (ties: "rank-sum"). */
  tieBreak?: VoteTieBreak;
  /** The best silhouette over the swept k (the no-structure reason states it). */
  bestSilhouette?: number;
  /** Why the confidence is "no-structure" (present only then): which of the two readings held. */
  noStructure?: NoStructureGrounds;
  /** Only one index backed the heaviest k, so the majority of all ballots decided. */
  lone?: boolean;
}

/**
 * Each index's proposal from the evidence, with the sentence naming it.
 *
 * @example
 * proposals({ rows, elbowK: 4 }).find((b) => b.index === "knee")?.k; // => 4
 */
export function proposals(evidence: KEvidence, options: Partial<VoteOptions> = {}): Ballot[] {
  const settings = { ...VOTE_DEFAULTS, ...options };
  const rows = [...evidence.rows].sort((a, b) => a.k - b.k);
  if (rows.length === 0) throw emptySweep();
  const ballot = (
    index: VoteIndex,
    k: number | null,
    text: string,
    facts: BallotFacts = {},
  ): Ballot => ({
    index,
    k,
    weight: settings.weights[index],
    evidence: text,
    facts,
  });
  const swept = (k: number | null): boolean => k !== null && rows.some((r) => r.k === k);
  const out: Ballot[] = [];
  const knee = swept(evidence.elbowK) ? evidence.elbowK : null;
  out.push(
    ballot(
      "knee",
      knee,
      knee === null
        ? "the inertia curve has no knee in the swept range"
        : `the inertia curve bends at k=${knee}`,
    ),
  );
  const sil = extreme(rows, (r) => r.silhouette);
  out.push(
    ballot(
      "silhouette",
      sil?.k ?? null,
      sil
        ? `silhouette peaks at k=${sil.k} (${sil.silhouette.toFixed(3)})`
        : "no finite silhouette",
      sil ? { value: sil.silhouette } : {},
    ),
  );
  const ch = extreme(rows, (r) => r.calinskiHarabasz);
  out.push(
    ballot(
      "calinskiHarabasz",
      ch?.k ?? null,
      ch ? `Calinski–Harabasz is highest at k=${ch.k}` : "no finite Calinski–Harabasz",
    ),
  );
  const db = extreme(rows, (r) => -r.daviesBouldin);
  out.push(
    ballot(
      "daviesBouldin",
      db?.k ?? null,
      db ? `Davies–Bouldin is lowest at k=${db.k}` : "no finite Davies–Bouldin",
    ),
  );
  if (evidence.jump) {
    const k = evidence.jump.bestK;
    out.push(
      ballot(
        "jump",
        k,
        k === 1
          ? "the jump method finds no cluster structure (largest jump at k=1)"
          : `the transformed distortion jumps most at k=${k}`,
        k === 1 ? { noStructure: true } : {},
      ),
    );
  } else out.push(ballot("jump", null, "the jump method was not computed", { notComputed: true }));
  const kMax = rows[rows.length - 1]!.k;
  if (evidence.bic && evidence.bic.bestK === kMax) {
    // A BIC that still rises at the end of the range has found no peak: on
    // skewed client data the mixture keeps gaining from more clusters.
    out.push(
      ballot(
        "bic",
        null,
        `the Gaussian-mixture BIC keeps rising to the end of the range (k=${kMax}), no peak`,
        { edgeK: kMax },
      ),
    );
  } else if (evidence.bic && bicTooSkewed(evidence, settings)) {
    const { bestK, skewness } = evidence.bic;
    out.push(
      ballot(
        "bic",
        null,
        `the Gaussian-mixture BIC peaks at k=${bestK}, but its clusters are skewed (mean |skewness| ${skewness!.toFixed(2)} > ${settings.bicMaxSkewness}), not the Gaussians it assumes`,
        { skewedK: bestK, skewness: skewness!, maxSkewness: settings.bicMaxSkewness },
      ),
    );
  } else if (evidence.bic) {
    const k = evidence.bic.bestK;
    out.push(
      ballot(
        "bic",
        k,
        k === 1
          ? "the Gaussian-mixture BIC finds no cluster structure (highest at k=1)"
          : `the Gaussian-mixture BIC is highest at k=${k}`,
        k === 1 ? { noStructure: true } : {},
      ),
    );
  } else out.push(ballot("bic", null, "the BIC was not computed", { notComputed: true }));
  if (evidence.gap) {
    const k = maxSE(evidence.gap.gap, evidence.gap.se, settings.gapRule, settings.gapSEFactor);
    out.push(
      ballot(
        "gap",
        k,
        k === 1
          ? `the gap statistic finds no cluster structure (k=1, ${settings.gapRule})`
          : `the gap statistic picks k=${k} (${settings.gapRule})`,
        { rule: settings.gapRule, ...(k === 1 ? { noStructure: true } : {}) },
      ),
    );
  } else out.push(ballot("gap", null, "the gap statistic was not computed", { notComputed: true }));
  if (evidence.stability && evidence.stability.length > 0) {
    const stable = evidence.stability.filter((s) => s.ari >= settings.stabilityThreshold);
    const pick =
      stable.length > 0
        ? stable.reduce((a, b) => (b.k > a.k ? b : a))
        : evidence.stability.reduce((a, b) => (b.ari > a.ari ? b : a));
    out.push(
      ballot(
        "stability",
        pick.k,
        stable.length > 0
          ? `k=${pick.k} is the largest k the bootstrap reproduces (ARI ${pick.ari.toFixed(2)} ≥ ${settings.stabilityThreshold})`
          : `no k reaches ARI ${settings.stabilityThreshold} on resampling; k=${pick.k} comes closest (${pick.ari.toFixed(2)})`,
        { value: pick.ari, threshold: settings.stabilityThreshold, reproduced: stable.length > 0 },
      ),
    );
  } else out.push(ballot("stability", null, "stability was not computed", { notComputed: true }));
  return out;
}

/**
 * Combines the indices' proposals into one k: the k with the largest total
 * weight among the swept k (ties as {@link VoteOptions.ties} says: by rank sum by default); a gap vote
 * for k = 1 counts towards "no structure", which also needs the best
 * silhouette below {@link VoteOptions.noStructureSilhouette} or no k as
 * stable as {@link VoteOptions.noStructureStability}.
 *
 * @throws SegworkError when `evidence.rows` is empty.
 * @example
 * const vote = voteK({ rows: sweep.rows, elbowK: sweep.recommendation.elbowK, gap, stability: stability.perK });
 * vote.recommendedK; // => 4
 * vote.confidence; // => "agreed"
 */
export function voteK(evidence: KEvidence, options: Partial<VoteOptions> = {}): VoteResult {
  const settings = { ...VOTE_DEFAULTS, ...options };
  const ballots = proposals(evidence, settings);
  const sweptKs = new Set(evidence.rows.map((r) => r.k));
  const ranks =
    settings.ties === "rank-sum" ? rankSums(rankEvidence(evidence, settings)) : undefined;
  const { tally, winner, cast, tied, lone } = countBallots(ballots, sweptKs, settings, ranks);
  const tieBreak: VoteTieBreak | undefined =
    ranks && winner && tied.length > 1 && !lone
      ? {
          weight: winner.weight,
          candidates: tied.map((t) => ({ k: t.k, rankSum: ranks.sums.get(t.k)! })),
          curves: ranks.curves,
        }
      : undefined;
  const recommendedK = winner?.k ?? Math.min(...sweptKs);
  const bestSilhouette = Math.max(
    ...evidence.rows.map((r) => r.silhouette).filter(Number.isFinite),
  );
  const grounds = noStructureGrounds(ballots, evidence, bestSilhouette, settings);
  const share = cast > 0 && winner ? winner.weight / cast : 0;
  const backers = ballots.filter((b) => b.weight > 0 && b.k === recommendedK).length;
  const confidence: VoteConfidence = grounds
    ? "no-structure"
    : !lone && share >= settings.agreedShare && backers >= settings.agreedBackers
      ? "agreed"
      : "split";
  const votes = Object.fromEntries(ballots.map((b) => [b.index, b.k])) as Record<
    VoteIndex,
    number | null
  >;
  return {
    votes,
    ballots,
    recommendedK,
    confidence,
    tally,
    reason:
      reasonOf(ballots, recommendedK, confidence, bestSilhouette, grounds) +
      (tieBreak ? ` ${tieBreakText(tieBreak)}` : "") +
      (lone
        ? ` Only one index backed the heaviest k, so the majority of all ballots decided.`
        : ""),
    ...(tieBreak ? { tieBreak } : {}),
    bestSilhouette,
    ...(grounds ? { noStructure: grounds } : {}),
    lone,
  };
}

/**
 * Whether the BIC abstains because the clusters at its peak are skewed.
 *
 * @example
 * bicTooSkewed({ rows, elbowK: 3, bic: { bestK: 9, skewness: 1.1 } }, VOTE_DEFAULTS); // => true
 */
export function bicTooSkewed(
  evidence: Pick<KEvidence, "bic">,
  settings: Pick<VoteOptions, "bicMaxSkewness">,
): boolean {
  const skewness = evidence.bic?.skewness;
  return skewness !== undefined && skewness > settings.bicMaxSkewness;
}

/**
 * The curves the rank-sum tie-break reads: the evidence, without the BIC's
 * curve when it abstains for skewed clusters (its fit is no evidence then).
 *
 * @example
 * rankSums(rankEvidence(evidence, VOTE_DEFAULTS)).curves; // => ["silhouette", …]
 */
export function rankEvidence(
  evidence: KEvidence,
  settings: Pick<VoteOptions, "bicMaxSkewness"> = VOTE_DEFAULTS,
): KEvidence {
  if (!bicTooSkewed(evidence, settings)) return evidence;
  const { bic: _bic, ...rest } = evidence;
  return rest;
}

/**
 * "No structure" when the gap says k = 1 and either the best silhouette is
 * weak or no k is stable on resampling; null otherwise.
 */
function noStructureGrounds(
  ballots: readonly Ballot[],
  evidence: KEvidence,
  bestSilhouette: number,
  settings: VoteOptions,
): NoStructureGrounds | null {
  if (!ballots.some((b) => b.index === "gap" && b.k === 1)) return null;
  const weakSilhouette = !(bestSilhouette >= settings.noStructureSilhouette);
  const aris = (evidence.stability ?? []).map((s) => s.ari).filter(Number.isFinite);
  const bestStability = aris.length > 0 ? Math.max(...aris) : undefined;
  const unstable = bestStability !== undefined && bestStability < settings.noStructureStability;
  if (!weakSilhouette && !unstable) return null;
  return {
    weakSilhouette,
    unstable,
    ...(bestStability !== undefined ? { bestStability } : {}),
    stabilityThreshold: settings.noStructureStability,
  };
}

function reasonOf(
  ballots: Ballot[],
  k: number,
  confidence: VoteConfidence,
  bestSilhouette: number,
  grounds: NoStructureGrounds | null,
): string {
  // Every index that proposed a k is named, weighted or not, so the reader
  // sees where the evidence agrees and where it does not.
  const voted = ballots.filter((b) => b.k !== null);
  const forK = voted.filter((b) => b.k === k).map((b) => INDEX_NAMES[b.index]);
  const against = voted.filter((b) => b.k !== k).map((b) => `${INDEX_NAMES[b.index]} k=${b.k}`);
  const evidence = ballots.map((b) => b.evidence).join("; ");
  const head =
    confidence === "no-structure" && grounds
      ? `No clear cluster structure: the gap statistic prefers one group and ${noStructureText(grounds, bestSilhouette)}; k=${k} is the most supported split, to be read with care.`
      : confidence === "agreed"
        ? `Recommended k=${k}: ${forK.join(", ")} agree.`
        : `Recommended k=${k}, but the indices are split: ${forK.join(", ")} for k=${k}.`;
  const dissent = against.length > 0 ? ` Disagreeing: ${against.join(", ")}.` : "";
  return `${head}${dissent} Evidence: ${evidence}.`;
}

/** e.g. "the best silhouette is 0.183 and no k is stable on resampling (best mean ARI 0.62 < 0.75)". */
function noStructureText(grounds: NoStructureGrounds, bestSilhouette: number): string {
  const parts: string[] = [];
  if (grounds.weakSilhouette) parts.push(`the best silhouette is ${bestSilhouette.toFixed(3)}`);
  if (grounds.unstable)
    parts.push(
      `no k is stable on resampling (best mean ARI ${grounds.bestStability!.toFixed(2)} < ${grounds.stabilityThreshold})`,
    );
  return parts.join(" and ");
}

/**
 * The sentence of a rank-sum tie-break, e.g. "k=3 and k=2 tie at weight 2;
 * the indices' curves rank k=3 higher (rank sum 9 against 12 over silhouette,
 * Calinski–Harabasz, Davies–Bouldin, jump, gap, stability)."
 */
function tieBreakText(tie: VoteTieBreak): string {
  const [first, ...rest] = tie.candidates;
  const ks = tie.candidates.map((c) => `k=${c.k}`);
  const list = `${ks.slice(0, -1).join(", ")} and ${ks[ks.length - 1]}`;
  return (
    `${list} tie at weight ${tie.weight}; the indices' curves rank k=${first!.k} higher ` +
    `(rank sum ${first!.rankSum} against ${rest.map((c) => c.rankSum).join(", ")} over ` +
    `${tie.curves.map((c) => INDEX_NAMES[c]).join(", ")}).`
  );
}

/** The indices' names in reasons and reports. */
export const INDEX_NAMES: Record<VoteIndex, string> = {
  knee: "knee",
  silhouette: "silhouette",
  calinskiHarabasz: "Calinski–Harabasz",
  daviesBouldin: "Davies–Bouldin",
  jump: "jump",
  bic: "BIC",
  gap: "gap",
  stability: "stability",
};

/** The row with the largest finite score (first wins ties). */
function extreme(rows: SweepRow[], score: (r: SweepRow) => number): SweepRow | undefined {
  let winner: SweepRow | undefined;
  for (const r of rows) {
    const v = score(r);
    if (Number.isFinite(v) && (winner === undefined || v > score(winner))) winner = r;
  }
  return winner;
}
