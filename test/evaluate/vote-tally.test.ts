import { describe, expect, it } from "vitest";
import { countBallots } from "../../src/evaluate/vote-tally.js";

const swept = new Set([2, 3, 4, 5, 6]);
const ballots = (pairs: [number | null, number][]) => pairs.map(([k, weight]) => ({ k, weight }));
// rank sums as rankSums() gives them: k=5 ranks best, then 3
const ranks = {
  sums: new Map([
    [2, 14],
    [3, 9],
    [4, 12],
    [5, 6],
    [6, 15],
  ]),
  curves: ["silhouette" as const],
};

describe("countBallots", () => {
  it("adds weights per k; abstentions and weight 0 count for nothing", () => {
    const t = countBallots(
      ballots([
        [3, 2],
        [3, 1],
        [5, 1],
        [null, 2],
        [4, 0],
      ]),
      swept,
      { ties: "smaller", loneBallotFallback: false },
    );
    expect(t.tally).toEqual([
      { k: 3, weight: 3 },
      { k: 5, weight: 1 },
    ]);
    expect(t.cast).toBe(4);
    expect(t.winner).toEqual({ k: 3, weight: 3 });
    expect(t.tied).toHaveLength(1);
  });

  it("a tie goes to the smaller k, the larger, or the smaller rank sum", () => {
    const tie = ballots([
      [3, 2],
      [5, 2],
      [2, 1],
    ]);
    const count = (ties: "smaller" | "larger" | "rank-sum") =>
      countBallots(tie, swept, { ties, loneBallotFallback: false }, ranks);
    expect(count("smaller").winner?.k).toBe(3);
    expect(count("larger").winner?.k).toBe(5);
    // rank sums 6 (k=5) against 9 (k=3)
    expect(count("rank-sum").winner?.k).toBe(5);
    expect(count("rank-sum").tied.map((t) => t.k)).toEqual([5, 3]);
  });

  it("the gap's k = 1 is not swept: it never wins, and under rank-sum it sorts last", () => {
    const t = countBallots(
      ballots([
        [1, 2],
        [4, 2],
      ]),
      swept,
      { ties: "rank-sum", loneBallotFallback: false },
      ranks,
    );
    expect(t.tally.map((x) => x.k)).toEqual([4, 1]);
    expect(t.winner?.k).toBe(4);
    expect(t.tied).toHaveLength(1);
  });

  it("with the fallback, a heaviest k with one backer gives way to the majority of all ballots", () => {
    // k=6 weight 3 from one ballot; unweighted ballots: 3, 3, 6 → majority 3
    const lone = ballots([
      [6, 3],
      [3, 1],
      [3, 1],
    ]);
    const on = countBallots(lone, swept, { ties: "smaller", loneBallotFallback: true });
    expect(on).toMatchObject({ lone: true, winner: { k: 3, weight: 2 } });
    const off = countBallots(lone, swept, { ties: "smaller", loneBallotFallback: false });
    expect(off).toMatchObject({ lone: false, winner: { k: 6, weight: 3 } });
  });

  it("nothing cast: no winner", () => {
    expect(
      countBallots(ballots([[null, 1]]), swept, { ties: "smaller", loneBallotFallback: true })
        .winner,
    ).toBeNull();
  });
});
