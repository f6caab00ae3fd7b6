/**
 * profiles.json version 2: each cluster's bootstrap stability (mean Jaccard,
 * Hennig's reading) when it was measured, the resampling it came from, and
 * version 1 files still read.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../src/artifacts/json.js";
import { parseProfiles, writeProfiles } from "../../src/artifacts/profiles.js";
import type { Table } from "../../src/load/types.js";
import { clusterWorkflow, type ClusterResult } from "../../src/workflows/index.js";
import { tableOf } from "../workflows/fixtures.js";

/** Three tight groups of 20 clients far apart (spend 10 / 500 / 1,000; frequency 1 / 10 / 20). */
function threeGroups(): string {
  const lines = ["client_id,monetary,frequency"];
  [
    [1000, 20],
    [500, 10],
    [10, 1],
  ].forEach(([monetary, frequency], g) => {
    for (let i = 0; i < 20; i++) {
      const wobble = ((i * 7) % 5) - 2; // −2..2, the same in every group
      lines.push(`g${g}-${i},${monetary! + wobble},${frequency! + wobble / 10}`);
    }
  });
  return lines.join("\n") + "\n";
}

describe("profiles.json version 2", () => {
  let table: Table;
  let judged: ClusterResult;
  let plain: ClusterResult;
  const prepare = { features: ["monetary", "frequency"], scale: "zscore" as const };

  beforeAll(async () => {
    table = await tableOf(threeGroups(), { id: "client_id" });
    judged = clusterWorkflow({ table, prepare, k: 3, fit: { seed: 5, restarts: 3 } });
    plain = clusterWorkflow({
      table,
      prepare,
      k: 3,
      fit: { seed: 5, restarts: 3 },
      stability: false,
    });
  });

  it("carries each cluster's stability as the profile table shows it, with the resampling", () => {
    const { profiles } = judged;
    expect(profiles.formatVersion).toBe(2);
    expect(profiles.stability).toEqual({ resamples: 20, rows: 60, sampled: false });
    const shown = judged.report.cluster!.stability!.clusters;
    expect(profiles.clusters.map((c) => ({ cluster: c.cluster, ...c.stability }))).toEqual(shown);
    // three groups 100 sd apart: every resample finds them again
    for (const c of profiles.clusters)
      expect(c.stability).toEqual({ jaccard: 1, verdict: "highly-stable" });
  });

  it("has no stability keys when stability was switched off, and the same profiles otherwise", () => {
    expect(plain.profiles.stability).toBeUndefined();
    expect(plain.profiles.clusters.every((c) => c.stability === undefined)).toBe(true);
    const { stability: _s, clusters, ...rest } = judged.profiles;
    expect(plain.profiles).toEqual({
      ...rest,
      clusters: clusters.map(({ stability: _c, ...profile }) => profile),
    });
  });

  it("reads back what it writes", () => {
    const text = writeProfiles(judged.profiles);
    expect(parseProfiles(text, "profiles.json")).toEqual(JSON.parse(text));
  });

  it("reads a version 1 file as version 2 without stability", () => {
    const { stability: _s, clusters, ...rest } = JSON.parse(writeProfiles(judged.profiles));
    const v1 = {
      ...rest,
      formatVersion: 1,
      clusters: clusters.map(({ stability: _c, ...profile }: { stability: unknown }) => profile),
    };
    const read = parseProfiles(toJson(v1), "old/profiles.json");
    expect(read.formatVersion).toBe(2);
    expect(read.stability).toBeUndefined();
    expect(read).toEqual({ ...v1, formatVersion: 2 });
    expect(parseProfiles(writeProfiles(read), "again/profiles.json")).toEqual(read);
  });

  it("refuses a Jaccard outside 0..1 or an unknown verdict, naming the key", () => {
    const bad = JSON.parse(writeProfiles(judged.profiles));
    bad.clusters[1].stability.jaccard = 1.5;
    expect(() => parseProfiles(toJson(bad), "bad/profiles.json")).toThrow(
      /bad\/profiles\.json.*clusters\.1\.stability\.jaccard|clusters\[1\]\.stability\.jaccard/,
    );
    bad.clusters[1].stability = { jaccard: 0.9, verdict: "solid" };
    expect(() => parseProfiles(toJson(bad), "bad/profiles.json")).toThrow(/verdict/);
  });
});
