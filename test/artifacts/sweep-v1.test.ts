/** sweep.json versions 1 (before gap, stability and the vote), 2 (before the jump method) and 3 (before the BIC) are still read, upgraded to version 4. */
import { describe, expect, it } from "vitest";
import { toJson } from "../../src/artifacts/json.js";
import { parseSweep, SWEEP_FORMAT, writeSweep } from "../../src/artifacts/sweep.js";

/** A version-1 sweep.json as segwork 0.1 wrote it (k = 2..4; hand-made values). */
const v1 = {
  format: "segwork-sweep",
  formatVersion: 1,
  rows: 100,
  features: ["recency_days", "frequency", "monetary"],
  scaling: { method: "zscore", log: ["monetary"], clip: null },
  restarts: 10,
  seed: 7,
  silhouetteSampleSize: 100,
  k: [
    {
      k: 2,
      inertia: 150,
      silhouette: 0.41,
      calinskiHarabasz: 120,
      daviesBouldin: 0.9,
      iterations: 5,
    },
    {
      k: 3,
      inertia: 90,
      silhouette: 0.45,
      calinskiHarabasz: 140,
      daviesBouldin: 0.8,
      iterations: 7,
    },
    {
      k: 4,
      inertia: 70,
      silhouette: 0.38,
      calinskiHarabasz: 130,
      daviesBouldin: 0.85,
      iterations: 9,
    },
  ],
  elbowK: 3,
  silhouetteK: 3,
  recommendedK: 3,
  reason: "Knee of the inertia curve at k=3 (Kneedle, S=1); …",
};

describe("sweep.json version 1 → 4", () => {
  it("the current version is 4 and 1, 2, 3 stay readable", () => {
    expect(SWEEP_FORMAT.version).toBe(4);
    expect(Object.keys(SWEEP_FORMAT.schemas).map(Number)).toEqual([1, 2, 3, 4]);
  });

  it("upgrades: rows gain null gap and stability, votes are rebuilt from the indices, no confidence", () => {
    const read = parseSweep(toJson(v1), "old/sweep.json");
    expect(read.formatVersion).toBe(4);
    expect(read.k.map((r) => [r.k, r.gap, r.gapSE, r.stabilityARI, r.stabilitySpread])).toEqual([
      [2, null, null, null, null],
      [3, null, null, null, null],
      [4, null, null, null, null],
    ]);
    expect(read.k[1]).toMatchObject(v1.k[1]!);
    expect([read.gap, read.stability]).toEqual([null, null]);
    // CH is highest at k=3 (140), DB lowest at k=3 (0.8)
    expect(read.votes).toEqual({
      knee: 3,
      silhouette: 3,
      calinskiHarabasz: 3,
      daviesBouldin: 3,
      jump: null,
      bic: null,
      gap: null,
      stability: null,
      recommendedK: 3,
      confidence: null,
    });
    expect([read.recommendedK, read.reason, read.seed, read.features]).toEqual([
      3,
      v1.reason,
      7,
      v1.features,
    ]);
  });

  it("an upgraded version 1 written again is a valid version 4 that reads back unchanged", () => {
    const read = parseSweep(toJson(v1), "old/sweep.json");
    const text = writeSweep(read);
    expect(JSON.parse(text).formatVersion).toBe(4);
    expect(parseSweep(text, "new/sweep.json")).toEqual(read);
  });

  it("a version 1 without knee keeps knee null in its votes", () => {
    const read = parseSweep(toJson({ ...v1, elbowK: null }), "old/sweep.json");
    expect(read.votes.knee).toBeNull();
  });
});

describe("sweep.json versions 2 and 3 → 4", () => {
  it("a version 2 (no jump method, no BIC) reads with both votes null and the rest as written", () => {
    const v4 = parseSweep(toJson(v1), "old/sweep.json");
    const { jump: _jump, bic: _bic, ...votesV2 } = v4.votes;
    const v2 = { ...v4, formatVersion: 2, votes: votesV2 };
    const read = parseSweep(toJson(v2), "v2/sweep.json");
    expect(read.formatVersion).toBe(4);
    expect([read.votes.jump, read.votes.bic]).toEqual([null, null]);
    expect(read).toEqual(v4);
  });

  it("a version 3 (no BIC) reads with the BIC vote null and its jump vote as written", () => {
    const v4 = parseSweep(toJson(v1), "old/sweep.json");
    const { bic: _bic, ...votesV3 } = v4.votes;
    const v3 = { ...v4, formatVersion: 3, votes: { ...votesV3, jump: 4 } };
    const read = parseSweep(toJson(v3), "v3/sweep.json");
    expect(read.formatVersion).toBe(4);
    expect(read.votes).toEqual({ ...v4.votes, jump: 4, bic: null });
  });

  it("a version 3 without the jump vote and a version 4 without the BIC vote are refused, naming the key", () => {
    const v4 = parseSweep(toJson(v1), "old/sweep.json");
    const { jump: _jump, bic: _bic, ...votes } = v4.votes;
    expect(() => parseSweep(toJson({ ...v4, formatVersion: 3, votes }), "old/sweep.json")).toThrow(
      /votes\.jump/,
    );
    const { bic: _b, ...noBic } = v4.votes;
    expect(() => parseSweep(toJson({ ...v4, votes: noBic }), "new/sweep.json")).toThrow(
      /votes\.bic/,
    );
  });
});
