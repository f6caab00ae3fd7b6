import { describe, expect, it } from "vitest";
import {
  majorityVote,
  proposals,
  rankEvidence,
  voteK,
  VOTE_DEFAULTS,
} from "../../src/evaluate/vote.js";
import { sweepRows } from "../helpers/sweep-rows.js";
import { emptySweep } from "../../src/shared/messages/evaluate.js";
import { errorOf } from "../helpers/errors.js";

const sweep = sweepRows;

// A gap curve over k = 1..6 whose firstSEmax pick is 4 (first local max at 4,
// gap(3) = 0.50 < gap(4) − se(4) = 0.58) and one whose pick is 1 (falling).
const gapAt4 = { gap: [0.1, 0.3, 0.5, 0.6, 0.55, 0.5], se: [0.02, 0.02, 0.02, 0.02, 0.02, 0.02] };
const gapNone = {
  gap: [0.6, 0.5, 0.45, 0.4, 0.38, 0.35],
  se: [0.02, 0.02, 0.02, 0.02, 0.02, 0.02],
};
const stability = (aris: number[]) => aris.map((ari, i) => ({ k: i + 2, ari }));

describe("voteK", () => {
  it("every index on k=4: recommended 4, agreed, nobody disagrees", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    // stability: largest k with ARI ≥ threshold is 4
    const vote = voteK(
      { rows, elbowK: 4, gap: gapAt4, stability: stability([0.99, 0.97, 0.95, 0.6, 0.5]) },
      {
        stabilityThreshold: 0.9,
      },
    );
    expect(vote.votes).toEqual({
      knee: 4,
      silhouette: 4,
      calinskiHarabasz: 4,
      daviesBouldin: 4,
      jump: null,
      bic: null,
      gap: 4,
      stability: 4,
    });
    expect(vote.recommendedK).toBe(4);
    expect(vote.confidence).toBe("agreed");
    expect(vote.reason).not.toContain("Disagreeing");
    expect(vote.reason).toContain("Recommended k=4");
  });

  it("a 3–3 split between k=3 and k=5 goes to the smaller k with unit weights and is called split", () => {
    const rows = sweep(
      [0.3, 0.45, 0.2, 0.3, 0.3],
      [100, 150, 120, 300, 200],
      [1.2, 1.0, 1.1, 0.7, 0.9],
    );
    const gap5 = { gap: [0.1, 0.2, 0.3, 0.4, 0.6, 0.5], se: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] };
    const weights = {
      knee: 1,
      silhouette: 1,
      calinskiHarabasz: 1,
      daviesBouldin: 1,
      jump: 1,
      bic: 1,
      gap: 1,
      stability: 1,
    };
    // knee 3, silhouette 3, CH 5, DB 5, gap 5, stability: largest ARI ≥ 0.9 is 3
    const vote = voteK(
      { rows, elbowK: 3, gap: gap5, stability: stability([0.95, 0.92, 0.7, 0.6, 0.5]) },
      { weights, stabilityThreshold: 0.9, ties: "smaller" },
    );
    expect(vote.tally).toEqual([
      { k: 3, weight: 3 },
      { k: 5, weight: 3 },
    ]);
    expect(vote.recommendedK).toBe(3);
    expect(vote.confidence).toBe("split");
    expect(vote.reason).toContain(
      "Disagreeing: Calinski–Harabasz k=5, Davies–Bouldin k=5, gap k=5.",
    );
  });

  it("weights decide: doubling the gap's ballot turns the same split to k=5", () => {
    const rows = sweep(
      [0.3, 0.45, 0.2, 0.3, 0.3],
      [100, 150, 120, 300, 200],
      [1.2, 1.0, 1.1, 0.7, 0.9],
    );
    const gap5 = { gap: [0.1, 0.2, 0.3, 0.4, 0.6, 0.5], se: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] };
    const weights = {
      knee: 1,
      silhouette: 1,
      calinskiHarabasz: 1,
      daviesBouldin: 1,
      jump: 1,
      bic: 1,
      gap: 2,
      stability: 1,
    };
    const vote = voteK(
      { rows, elbowK: 3, gap: gap5, stability: stability([0.95, 0.92, 0.7, 0.6, 0.5]) },
      { weights, stabilityThreshold: 0.9 },
    );
    expect(vote.recommendedK).toBe(5);
    expect(vote.tally[0]).toEqual({ k: 5, weight: 4 });
  });

  it("with the lone-ballot fallback a lone gap ballot (weight 2) gives way to the majority of all ballots", () => {
    // knee 3, silhouette 3, CH 4, DB 3, gap 6, stability 5
    const rows = sweep(
      [0.3, 0.45, 0.2, 0.3, 0.3],
      [100, 150, 300, 120, 200],
      [1.2, 0.6, 1.1, 0.9, 0.9],
    );
    const gap6 = { gap: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], se: [0.01, 0.01, 0.01, 0.01, 0.01, 0.01] };
    const evidence = {
      rows,
      elbowK: 3,
      gap: gap6,
      stability: stability([0.95, 0.92, 0.9, 0.85, 0.5]),
    };
    // the settings shipped before the rank-sum tie-break
    const options = {
      weights: { ...VOTE_DEFAULTS.weights, knee: 0, calinskiHarabasz: 1, jump: 0, stability: 1 },
      gapRule: "globalSEmax",
      stabilityThreshold: 0.8,
      loneBallotFallback: true,
      ties: "smaller",
    } as const;
    const vote = voteK(evidence, options);
    expect(vote.votes).toEqual({
      knee: 3,
      silhouette: 3,
      calinskiHarabasz: 4,
      daviesBouldin: 3,
      jump: null,
      bic: null,
      gap: 6,
      stability: 5,
    });
    expect(vote.tally[0]).toEqual({ k: 6, weight: 2 });
    expect(vote.recommendedK).toBe(3);
    expect(vote.confidence).toBe("split");
    expect(vote.reason).toContain("Only one index backed the heaviest k");
    expect(voteK(evidence, { ...options, loneBallotFallback: false }).recommendedK).toBe(6);
  });

  it("gap at k=1 and a best silhouette below 0.25: no structure", () => {
    const rows = sweep(
      [0.2, 0.18, 0.17, 0.16, 0.15],
      [100, 90, 80, 70, 60],
      [1.5, 1.6, 1.7, 1.8, 1.9],
    );
    const vote = voteK({
      rows,
      elbowK: null,
      gap: gapNone,
      stability: stability([0.7, 0.5, 0.4, 0.4, 0.3]),
    });
    expect(vote.votes.gap).toBe(1);
    expect(vote.votes.knee).toBeNull();
    expect(vote.confidence).toBe("no-structure");
    // k=1 is not swept: the recommendation is the most supported swept k
    expect(vote.recommendedK).toBe(2);
    expect(vote.reason).toContain("No clear cluster structure");
  });

  it("gap at k=1 but a clear silhouette (≥ 0.25) is not 'no structure'", () => {
    const rows = sweep([0.6, 0.3, 0.2, 0.2, 0.2], [300, 90, 80, 70, 60], [0.5, 1.6, 1.7, 1.8, 1.9]);
    const vote = voteK({
      rows,
      elbowK: 2,
      gap: gapNone,
      stability: stability([0.99, 0.5, 0.4, 0.4, 0.3]),
    });
    expect(vote.confidence).not.toBe("no-structure");
    expect(vote.recommendedK).toBe(2);
  });

  it("gap at k=1, a fair silhouette but no k stable on resampling (best ARI < 0.75): no structure", () => {
    // one skewed blob: K-Means cuts it with a fair silhouette, differently on every resample
    const rows = sweep(
      [0.36, 0.3, 0.28, 0.27, 0.26],
      [300, 90, 80, 70, 60],
      [0.9, 1.1, 1.2, 1.3, 1.4],
    );
    const evidence = {
      rows,
      elbowK: 2,
      gap: gapNone,
      stability: stability([0.62, 0.55, 0.5, 0.45, 0.4]),
    };
    const vote = voteK(evidence);
    expect(vote.confidence).toBe("no-structure");
    expect(vote.noStructure).toEqual({
      weakSilhouette: false,
      unstable: true,
      bestStability: 0.62,
      stabilityThreshold: 0.75,
    });
    expect(vote.reason).toContain(
      "the gap statistic prefers one group and no k is stable on resampling (best mean ARI 0.62 < 0.75)",
    );
    // a k reproduced at ARI 0.8 is a stable split: not "no structure"
    const stable = voteK({ ...evidence, stability: stability([0.8, 0.55, 0.5, 0.45, 0.4]) });
    expect(stable.confidence).not.toBe("no-structure");
    expect(stable.noStructure).toBeUndefined();
    // 0 switches the stability reading off; without stability it cannot hold either
    expect(voteK(evidence, { noStructureStability: 0 }).confidence).not.toBe("no-structure");
    const { stability: _s, ...noStability } = evidence;
    expect(voteK(noStability).confidence).not.toBe("no-structure");
  });

  it("both grounds are named when both hold", () => {
    const rows = sweep(
      [0.2, 0.18, 0.17, 0.16, 0.15],
      [100, 90, 80, 70, 60],
      [1.5, 1.6, 1.7, 1.8, 1.9],
    );
    const vote = voteK({
      rows,
      elbowK: null,
      gap: gapNone,
      stability: stability([0.5, 0.4, 0.4, 0.3, 0.3]),
    });
    expect(vote.noStructure).toMatchObject({ weakSilhouette: true, unstable: true });
    expect(vote.reason).toContain(
      "the best silhouette is 0.200 and no k is stable on resampling (best mean ARI 0.50 < 0.75)",
    );
  });

  it("one heavy index outweighing the rest is a split, not an agreement (agreedBackers 2)", () => {
    // shipped weights: gap 2 says 4, CH 1 says 2, the BIC was not computed — ⅔ of the weight on k=4
    const rows = sweep([0.4, 0.3, 0.3, 0.2, 0.2], [300, 200, 150, 120, 100], [0.8, 1, 1, 1.2, 1.3]);
    const evidence = { rows, elbowK: 3, gap: gapAt4 };
    const vote = voteK(evidence);
    expect([vote.votes.gap, vote.votes.calinskiHarabasz, vote.votes.bic]).toEqual([4, 2, null]);
    expect(vote.recommendedK).toBe(4);
    expect(vote.tally[0]).toEqual({ k: 4, weight: 2 });
    expect(vote.confidence).toBe("split");
    expect(voteK(evidence, { agreedBackers: 1 }).confidence).toBe("agreed");
    // with the BIC on k=4 too, two weighted indices back it: agreed
    expect(voteK({ ...evidence, bic: { bestK: 4 } }).confidence).toBe("agreed");
  });

  it("without gap and stability those two abstain and the other four decide", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    const vote = voteK({ rows, elbowK: null });
    expect(vote.votes.gap).toBeNull();
    expect(vote.votes.stability).toBeNull();
    expect(vote.votes.knee).toBeNull();
    expect(vote.recommendedK).toBe(4);
    expect(vote.reason).toContain("the gap statistic was not computed");
  });

  it("stability with no k reaching the threshold proposes the k of the highest ARI", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    const ballot = proposals(
      { rows, elbowK: 4, stability: stability([0.7, 0.8, 0.75, 0.6, 0.5]) },
      { stabilityThreshold: 0.9 },
    ).find((b) => b.index === "stability")!;
    expect(ballot.k).toBe(3);
    expect(ballot.evidence).toBe("no k reaches ARI 0.9 on resampling; k=3 comes closest (0.80)");
  });

  it("a knee outside the swept range abstains", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    expect(proposals({ rows, elbowK: 9 })[0]).toMatchObject({ index: "knee", k: null });
  });

  it("is deterministic and does not depend on the rows' order", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    const evidence = {
      rows,
      elbowK: 3,
      gap: gapAt4,
      stability: stability([0.99, 0.97, 0.95, 0.6, 0.5]),
    };
    expect(voteK({ ...evidence, rows: [...rows].reverse() })).toEqual(voteK(evidence));
  });

  it("throws the catalogue's emptySweep for no rows", () => {
    expect(errorOf(() => voteK({ rows: [], elbowK: null })).message).toBe(emptySweep().message);
  });

  it("ships weights for every index", () => {
    expect(Object.keys(VOTE_DEFAULTS.weights).sort()).toEqual([
      "bic",
      "calinskiHarabasz",
      "daviesBouldin",
      "gap",
      "jump",
      "knee",
      "silhouette",
      "stability",
    ]);
  });

  it("the BIC votes when given and says so; k = 1 is 'no structure'; a peak at the range's end abstains", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    const weights = { ...VOTE_DEFAULTS.weights, bic: 5 };
    const at = (bestK: number) => voteK({ rows, elbowK: 4, bic: { bestK } }, { weights });
    expect([at(5).votes.bic, at(5).recommendedK]).toEqual([5, 5]);
    expect(at(5).reason).toContain("the Gaussian-mixture BIC is highest at k=5");
    const none = at(1).ballots.find((b) => b.index === "bic")!;
    expect([none.k, none.facts.noStructure]).toEqual([1, true]);
    // rows are k = 2..6: a BIC still highest at k = 6 has found no peak
    const edge = at(6).ballots.find((b) => b.index === "bic")!;
    expect([edge.k, edge.facts.edgeK]).toEqual([null, 6]);
    expect(edge.evidence).toBe(
      "the Gaussian-mixture BIC keeps rising to the end of the range (k=6), no peak",
    );
    expect(voteK({ rows, elbowK: 4 }).ballots.find((b) => b.index === "bic")!.facts).toEqual({
      notComputed: true,
    });
  });

  it("the jump method votes when given, and says so in the evidence", () => {
    const rows = sweep(
      [0.3, 0.35, 0.5, 0.4, 0.3],
      [100, 200, 300, 250, 200],
      [1.2, 1.0, 0.6, 0.8, 0.9],
    );
    const weights = { ...VOTE_DEFAULTS.weights, jump: 5 };
    const vote = voteK(
      { rows, elbowK: 4, jump: { bestK: 6 } },
      { weights, loneBallotFallback: false },
    );
    expect(vote.votes.jump).toBe(6);
    expect(vote.recommendedK).toBe(6);
    expect(vote.reason).toContain("the transformed distortion jumps most at k=6");
    const none = voteK({ rows, elbowK: 4, jump: { bestK: 1 } });
    expect(none.ballots.find((b) => b.index === "jump")?.evidence).toContain(
      "no cluster structure",
    );
    expect(voteK({ rows, elbowK: 4 }).votes.jump).toBeNull();
  });

  it("ties go to the smaller k with ties: smaller and to the larger with ties: larger", () => {
    // knee 3, silhouette 3 | CH 5, DB 5 (unit weights, nothing else): 2 – 2
    const rows = sweep(
      [0.3, 0.45, 0.2, 0.3, 0.3],
      [100, 150, 120, 300, 200],
      [1.2, 1.0, 1.1, 0.7, 0.9],
    );
    const weights = {
      ...VOTE_DEFAULTS.weights,
      knee: 1,
      silhouette: 1,
      calinskiHarabasz: 1,
      daviesBouldin: 1,
    };
    expect(voteK({ rows, elbowK: 3 }, { weights, ties: "smaller" }).recommendedK).toBe(3);
    expect(voteK({ rows, elbowK: 3 }, { weights, ties: "larger" }).recommendedK).toBe(5);
  });

  it("ties: rank-sum gives a tie to the k the curves rank higher, and says so", () => {
    // The same 2 – 2 tie between k=3 (knee, silhouette) and k=5 (CH, DB).
    // Places over k = 2..6 — silhouette .3 .45 .2 .3 .3: k=3 1st, k=5 2nd (shared);
    // CH: k=5 1st, k=3 3rd; DB (lower is better): k=5 1st, k=3 3rd.
    // Rank sums: k=5 2 + 1 + 1 = 4, k=3 1 + 3 + 3 = 7.
    const rows = sweep(
      [0.3, 0.45, 0.2, 0.3, 0.3],
      [100, 150, 120, 300, 200],
      [1.2, 1.0, 1.1, 0.7, 0.9],
    );
    const weights = {
      ...VOTE_DEFAULTS.weights,
      knee: 1,
      silhouette: 1,
      calinskiHarabasz: 1,
      daviesBouldin: 1,
      jump: 0,
      gap: 0,
      stability: 0,
    };
    const vote = voteK(
      { rows, elbowK: 3 },
      { weights, ties: "rank-sum", loneBallotFallback: false },
    );
    expect(vote.recommendedK).toBe(5);
    expect(vote.tieBreak).toEqual({
      weight: 2,
      candidates: [
        { k: 5, rankSum: 4 },
        { k: 3, rankSum: 7 },
      ],
      curves: ["silhouette", "calinskiHarabasz", "daviesBouldin"],
    });
    expect(vote.reason).toContain(
      "k=5 and k=3 tie at weight 2; the indices' curves rank k=5 higher " +
        "(rank sum 4 against 7 over silhouette, Calinski–Harabasz, Davies–Bouldin).",
    );
    // no tie, no tie-break
    const clear = voteK(
      { rows, elbowK: 5 },
      { weights, ties: "rank-sum", loneBallotFallback: false },
    );
    expect(clear.recommendedK).toBe(5);
    expect(clear.tieBreak).toBeUndefined();
    expect(clear.reason).not.toContain("tie at weight");
  });
});

describe("the BIC on skewed clusters", () => {
  // shipped weights: BIC 2 says 5 (rows k = 2..6), gap 2 says 4, CH 1 says 2
  const rows = sweep([0.4, 0.3, 0.3, 0.2, 0.2], [300, 200, 150, 120, 100], [0.8, 1, 1, 1.2, 1.3]);
  const bicCurveOf = (skewness?: number) => ({
    bestK: 5,
    k: [1, 2, 3, 4, 5, 6],
    bic: [-900, -800, -700, -650, -600, -640],
    ...(skewness === undefined ? {} : { skewness }),
  });

  it("abstains when its clusters are skewed (mean |skewness| > 0.5): ballot null, curve out of the rank sums", () => {
    const round = voteK({ rows, elbowK: 3, gap: gapAt4, bic: bicCurveOf(0.2) });
    expect(round.votes.bic).toBe(5);
    const skewed = voteK({ rows, elbowK: 3, gap: gapAt4, bic: bicCurveOf(1.3) });
    expect(skewed.votes.bic).toBeNull();
    const ballot = skewed.ballots.find((b) => b.index === "bic")!;
    expect(ballot.evidence).toBe(
      "the Gaussian-mixture BIC peaks at k=5, but its clusters are skewed (mean |skewness| 1.30 > 0.5), not the Gaussians it assumes",
    );
    expect(ballot.facts).toEqual({ skewedK: 5, skewness: 1.3, maxSkewness: 0.5 });
    expect(skewed.recommendedK).toBe(4);
    expect(rankEvidence({ rows, elbowK: 3, bic: bicCurveOf(1.3) }).bic).toBeUndefined();
    expect(rankEvidence({ rows, elbowK: 3, bic: bicCurveOf(0.2) }).bic).toBeDefined();
    // a tie-break then reads no BIC curve
    const tied = voteK(
      { rows, elbowK: 3, bic: bicCurveOf(1.3) },
      { weights: { ...VOTE_DEFAULTS.weights, knee: 1, calinskiHarabasz: 1 } },
    );
    expect(tied.tieBreak?.curves).not.toContain("bic");
    // Infinity switches the check off; without a skewness the BIC votes as before
    expect(
      voteK({ rows, elbowK: 3, bic: bicCurveOf(1.3) }, { bicMaxSkewness: Infinity }).votes.bic,
    ).toBe(5);
    expect(voteK({ rows, elbowK: 3, bic: bicCurveOf() }).votes.bic).toBe(5);
  });

  it("a BIC still rising at the range's end says so first, skewed or not", () => {
    const edge = voteK({ rows, elbowK: 3, bic: { bestK: 6, skewness: 1.3 } }, {});
    const ballot = edge.ballots.find((b) => b.index === "bic")!;
    expect(ballot.facts.edgeK).toBe(6);
    expect(ballot.evidence).toContain("keeps rising to the end of the range");
  });
});

describe("majorityVote (NbClust's rule)", () => {
  it("most votes win, ties go to the smaller k, abstentions are skipped", () => {
    expect(majorityVote([4, 4, 3, 3, null, 2])).toBe(3);
    expect(majorityVote([5, 5, 5, 2, 2, null])).toBe(5);
    expect(majorityVote([7])).toBe(7);
  });
  it("nobody voting gives null", () => {
    expect(majorityVote([null, null])).toBeNull();
    expect(majorityVote([])).toBeNull();
  });
});
