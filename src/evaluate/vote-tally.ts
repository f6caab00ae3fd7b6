/**
 * The counting step of the vote, apart from how the ballots are drawn
 * (`vote.ts`): weights per proposed k, the winner with its tie-break, and the
 * lone-ballot fallback to NbClust's majority. Cheap and string-free, so the
 * tuning grid (bench/k-recovery/tune.mjs) can recount the same ballots under
 * many weightings.
 */
import type { RankSums } from "./vote-ranks.js";

/** What the count reads of a ballot: its k (null: abstains) and weight. */
export interface CountedBallot {
  k: number | null;
  weight: number;
}

/** How a tie of weights is broken (see `VoteOptions.ties`). */
export type VoteTies = "smaller" | "larger" | "rank-sum";

/** The count's settings (a subset of `VoteOptions`). */
export interface TallySettings {
  ties: VoteTies;
  loneBallotFallback: boolean;
}

/** The count: weight per k (heaviest first), the winner, and how it was reached. */
export interface Tally {
  tally: { k: number; weight: number }[];
  /** null when no weighted ballot named a swept k and the majority has none either. */
  winner: { k: number; weight: number } | null;
  /** Total weight cast. */
  cast: number;
  /** The swept k sharing the heaviest weight, in tie-break order (length ≥ 2: a tie). */
  tied: { k: number; weight: number }[];
  /** The heaviest k had one backer and the majority of all ballots overruled it. */
  lone: boolean;
}

/**
 * Counts weighted ballots over the swept k. Ties of weight go to the smaller
 * k, the larger, or the smaller rank sum (`ranks`, required for "rank-sum";
 * then the smaller k). With the fallback on, a heaviest k backed by a single
 * ballot gives way to {@link majorityVote} of all ballots.
 *
 * @example
 * countBallots([{ k: 3, weight: 1 }, { k: 3, weight: 1 }, { k: 5, weight: 1 }], new Set([2, 3, 4, 5]),
 *   { ties: "smaller", loneBallotFallback: true }).winner; // => { k: 3, weight: 2 }
 */
export function countBallots(
  ballots: readonly CountedBallot[],
  sweptKs: ReadonlySet<number>,
  settings: TallySettings,
  ranks?: RankSums,
): Tally {
  const weightOf = new Map<number, number>();
  let cast = 0;
  for (const b of ballots) {
    if (b.k === null || b.weight <= 0) continue;
    cast += b.weight;
    weightOf.set(b.k, (weightOf.get(b.k) ?? 0) + b.weight);
  }
  // k = 1 (the gap's "no structure") is not swept and has no rank: last.
  const rankOf = (k: number): number => ranks?.sums.get(k) ?? Number.POSITIVE_INFINITY;
  const order = (a: number, b: number): number =>
    settings.ties === "larger"
      ? b - a
      : settings.ties === "rank-sum"
        ? rankOf(a) - rankOf(b) || a - b
        : a - b;
  const tally = [...weightOf]
    .map(([k, weight]) => ({ k, weight }))
    .sort((a, b) => b.weight - a.weight || order(a.k, b.k));
  let winner = tally.find((t) => sweptKs.has(t.k)) ?? null;
  const tied = tally.filter((t) => sweptKs.has(t.k) && t.weight === winner?.weight);
  // One index alone (however heavy) does not decide: a lone gap at the edge
  // of the range is the usual failure on skewed client data, where the gap
  // keeps rising. Then NbClust's majority of every ballot decides.
  let lone = false;
  if (settings.loneBallotFallback && winner) {
    const k = winner.k;
    const backers = ballots.filter((b) => b.k === k && b.weight > 0).length;
    const majority =
      backers < 2
        ? majorityVote(ballots.map((b) => (b.k !== null && sweptKs.has(b.k) ? b.k : null)))
        : null;
    if (majority !== null && majority !== k) {
      lone = true;
      winner = { k: majority, weight: weightOf.get(majority) ?? 0 };
    }
  }
  return { tally, winner, cast, tied, lone };
}

/**
 * NbClust's majority rule: the k proposed by most indices, ties to the
 * smaller k; abstentions (null) are skipped. null when nobody votes.
 *
 * @example
 * majorityVote([4, 4, 3, 3, null, 2]); // => 3
 */
export function majorityVote(ks: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const k of ks) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: number | null = null;
  for (const [k, n] of counts) {
    const top = best === null ? 0 : counts.get(best)!;
    if (n > top || (n === top && k < best!)) best = k;
  }
  return best;
}
