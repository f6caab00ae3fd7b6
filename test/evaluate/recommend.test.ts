import { describe, expect, it } from "vitest";
import { kneedle, recommendK } from "../../src/evaluate/metrics.js";
import type { SweepRow } from "../../src/evaluate/types.js";
import { loadReal } from "./sklearn-fixtures.js";
import { errorOf } from "../helpers/errors.js";

/** Rows for k = 2..(2 + n − 1) from per-k index values. */
function sweep(silhouette: number[], ch: number[], db: number[]): SweepRow[] {
  return silhouette.map((s, i) => ({
    k: i + 2,
    inertia: 1000 / (i + 1),
    silhouette: s,
    calinskiHarabasz: ch[i]!,
    daviesBouldin: db[i]!,
    iterations: 10,
  }));
}

//                 k =   2     3     4     5     6
const ch = [1200.0, 1520.4, 1490.2, 1300.0, 1100.0];
const db = [1.1, 0.95, 0.82, 0.9, 1.0];

describe("recommendK", () => {
  it("knee and silhouette agree", () => {
    const rows = sweep([0.35, 0.38, 0.41, 0.37, 0.3], ch, db);
    expect(recommendK(rows, 4)).toEqual({
      elbowK: 4,
      silhouetteK: 4,
      recommendedK: 4,
      calinskiHarabaszK: 3,
      daviesBouldinK: 4,
      rule: "knee-and-silhouette-agree",
      reason:
        "Knee of the inertia curve at k=4 (Kneedle, S=1); silhouette peaks at k=4 (0.410); " +
        "Calinski–Harabasz is highest at k=3 (1520.4); Davies–Bouldin is lowest at k=4 (0.820). " +
        "Recommended k=4: the knee and the silhouette agree. Davies–Bouldin also points to k=4.",
    });
  });

  it("silhouette peak next to the knee wins when clearly higher than the knee's", () => {
    const rows = sweep([0.35, 0.38, 0.4, 0.43, 0.3], ch, db);
    const r = recommendK(rows, 4);
    expect(r).toMatchObject({
      elbowK: 4,
      silhouetteK: 5,
      recommendedK: 5,
      rule: "silhouette-near-knee",
    });
    expect(r.reason).toBe(
      "Knee of the inertia curve at k=4 (Kneedle, S=1); silhouette peaks at k=5 (0.430); " +
        "Calinski–Harabasz is highest at k=3 (1520.4); Davies–Bouldin is lowest at k=4 (0.820). " +
        "Recommended k=5: it has the highest silhouette within ±1 of the knee (k=3..5, 0.430), more than 0.01 above the knee's (0.400).",
    );
  });

  it("a silhouette peak far from the knee is reported but not followed", () => {
    // peak at k=2 (0.57); within k=4..6 the best is k=5 (0.37)
    const rows = sweep([0.57, 0.55, 0.35, 0.37, 0.36], ch, db);
    const r = recommendK(rows, 5);
    expect(r).toMatchObject({
      elbowK: 5,
      silhouetteK: 2,
      recommendedK: 5,
      rule: "silhouette-near-knee",
    });
    expect(r.reason).toBe(
      "Knee of the inertia curve at k=5 (Kneedle, S=1); silhouette peaks at k=2 (0.570); " +
        "Calinski–Harabasz is highest at k=3 (1520.4); Davies–Bouldin is lowest at k=4 (0.820). " +
        "Recommended k=5: the knee itself has the highest silhouette within ±1 of the knee (k=4..6, 0.370); " +
        "the overall silhouette peak at k=2 is more than one step from the knee and is not followed.",
    );
    // the neighbour k=4 would win if its silhouette were higher
    expect(recommendK(sweep([0.57, 0.55, 0.38, 0.37, 0.36], ch, db), 5).recommendedK).toBe(4);
  });

  it("without a knee the silhouette maximum is taken, and CH/DB support is named", () => {
    const rows = sweep([0.35, 0.44, 0.41, 0.37, 0.3], ch, [1.1, 0.8, 0.82, 0.9, 1.0]);
    const r = recommendK(rows, null, { sensitivity: 2 });
    expect(r).toMatchObject({
      elbowK: null,
      silhouetteK: 3,
      recommendedK: 3,
      rule: "silhouette-without-knee",
    });
    expect(r.reason).toBe(
      "The inertia curve has no knee (Kneedle, S=2); silhouette peaks at k=3 (0.440); " +
        "Calinski–Harabasz is highest at k=3 (1520.4); Davies–Bouldin is lowest at k=3 (0.800). " +
        "Recommended k=3: the silhouette maximum, as there is no knee to weigh it against. " +
        "Calinski–Harabasz and Davies–Bouldin also point to k=3.",
    );
  });

  it("a knee outside the swept k counts as no knee", () => {
    const r = recommendK(sweep([0.35, 0.44, 0.41, 0.37, 0.3], ch, db), 9);
    expect(r).toMatchObject({ elbowK: 9, recommendedK: 3, rule: "silhouette-without-knee" });
    expect(
      r.reason.startsWith("The knee at k=9 is outside the swept k (2..6) and is ignored; "),
    ).toBe(true);
  });

  it("ties go to the k nearer the knee, then the smaller k; row order does not matter", () => {
    // k=3 and k=5 tie at 0.4 around the knee at 4 (0.39): equally near → the smaller, k=3
    const rows = sweep([0.2, 0.4, 0.39, 0.4, 0.1], ch, db);
    expect(recommendK(rows, 4).recommendedK).toBe(3);
    expect(recommendK([...rows].reverse(), 4)).toEqual(recommendK(rows, 4));
    // knee 4 ties with k=5: the knee itself is nearer
    expect(recommendK(sweep([0.2, 0.3, 0.4, 0.4, 0.1], ch, db), 4).recommendedK).toBe(4);
  });

  it("skips non-finite silhouettes", () => {
    const r = recommendK(sweep([Number.NaN, 0.3, 0.2, 0.25, 0.1], ch, db), null);
    expect(r.silhouetteK).toBe(3);
  });

  it("on scikit-learn's Wholesale sweep: knee at k=5 (Kneedle on sklearn's inertias), and the knee stands", () => {
    // sklearn inertias 1954.0, 1608.4, 1316.6, 1058.8, 915.5, 822.7, 739.3, 655.0, 603.6 (k=2..10);
    // silhouettes 0.567, 0.548, 0.349, 0.369, 0.375, 0.304, … → near the knee (k=4..6) k=6 is best,
    // but only by 0.006 < SILHOUETTE_MARGIN (0.01), so the knee k=5 stands.
    const fixture = loadReal("wholesale");
    const rows: SweepRow[] = fixture.sweep.map((r) => ({
      k: r.k,
      inertia: r.inertia,
      silhouette: r.silhouette,
      calinskiHarabasz: r.calinskiHarabasz,
      daviesBouldin: r.daviesBouldin,
      iterations: r.iterations,
    }));
    const knee = kneedle(
      rows.map((r) => r.k),
      rows.map((r) => r.inertia),
      { curve: "convex", direction: "decreasing" },
    ).knee;
    const r = recommendK(rows, knee);
    expect(knee).toBe(5);
    expect(r.recommendedK).toBe(5);
    expect(r.silhouetteK).toBe(2);
    expect(r.reason).toContain(
      "Recommended k=5: the knee's silhouette (0.369) is within 0.01 of the best within ±1 of the knee (k=6, 0.375), so the knee stands",
    );
  });

  it("errors: empty sweep, duplicate k", () => {
    expect(errorOf(() => recommendK([], 3)).message).toBe(
      "cannot recommend k from an empty sweep; run the sweep over at least one k",
    );
    const rows = sweep([0.3, 0.4], ch, db);
    expect(errorOf(() => recommendK([...rows, rows[0]!], 3)).message).toBe(
      "the sweep has two rows for k=2; keep one row per k",
    );
  });
});
