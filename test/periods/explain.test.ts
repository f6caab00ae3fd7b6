/** Single-client explanations: a hand-worked client, and agreement with period grading. */
import { beforeAll, describe, expect, it } from "vitest";
import { explainClient, parseClientJson, type FrozenArtifacts } from "../../src/grade/index.js";
import * as msg from "../../src/shared/messages/periods.js";
import { handModel } from "../grade/hand-model.js";
import { gradedShippedPeriods, type GradedPeriods } from "./shipped.js";

describe("explainClient on hand-made artifacts", () => {
  const top = { name: "Top", recency: [3, 3], frequency: [2, 3], monetary: [2, 3] } as const;
  const artifacts: FrozenArtifacts = {
    model: {
      model: handModel(
        [
          [0, 0],
          [3, 4],
        ],
        {},
        ["near", "far"],
        ["recency_days", "frequency"],
      ),
      file: "model.json",
    },
    rfm: {
      file: "rfm.json",
      bins: 3,
      columns: { recency: "recency_days", frequency: "frequency", monetary: "monetary" },
      cuts: { recency: [30, 90], frequency: [2, 5], monetary: [100, 1000] },
      segments: {
        unmatched: "Others",
        segments: [{ ...top, recency: [3, 3], frequency: [2, 3], monetary: [2, 3] }],
      },
    },
    tiers: {
      file: "tiers.json",
      scorecard: {
        weights: { frequency: 0.5, monetary: 0.5 },
        normalization: {
          frequency: { method: "cap", cap: 10, direction: "higher" },
          monetary: { method: "minmax", min: 0, max: 1000, direction: "higher" },
        },
        tiers: [
          { name: "A", min: 60 },
          { name: "B", min: 0 },
        ],
        reference: { source: "hand", rows: 0 },
      },
    },
  };
  const client = { id: "17850", values: { recency_days: 3, frequency: 5, monetary: 100 } };

  it("gives the distance to every centroid, nearest first", () => {
    // (3, 5) against (0, 0): √34; against (3, 4): 1.
    expect(explainClient(artifacts, client).cluster).toEqual({
      cluster: 1,
      label: "far",
      scaled: { recency_days: 3, frequency: 5 },
      distances: [
        { cluster: 1, label: "far", distance: 1 },
        { cluster: 0, label: "near", distance: Math.sqrt(34) },
      ],
    });
  });

  it("gives the cut points each value fell between and the matching rule", () => {
    const rfm = explainClient(artifacts, client).rfm!;
    expect(rfm.measures.map((m) => [m.measure, m.value, m.score, m.lower, m.upper])).toEqual([
      ["recency", 3, 3, null, 30], // below the first cut: the most recent bin, score 3
      ["frequency", 5, 3, 5, null], // on the last cut: the top bin [5, ∞)
      ["monetary", 100, 2, 100, 1000],
    ]);
    expect(rfm.rfmScore).toBe(332);
    expect(rfm.segment).toEqual({
      name: "Top",
      index: 0,
      rule: artifacts.rfm!.segments!.segments[0],
    });
    const other = explainClient(artifacts, {
      id: "2",
      values: { recency_days: 200, frequency: 1, monetary: 5 },
    });
    expect(other.rfm!.segment).toEqual({ name: "Others", index: -1, rule: null });
  });

  it("breaks the score down by criterion", () => {
    // frequency 5 / cap 10 = 0.5 → 25 points; monetary (100 − 0) / 1000 = 0.1 → 5 points.
    const tier = explainClient(artifacts, client).tier!;
    expect(tier.criteria).toEqual([
      {
        feature: "frequency",
        value: 5,
        weight: 0.5,
        normalization: "cap",
        direction: "higher",
        level: 0.5,
        points: 25,
      },
      {
        feature: "monetary",
        value: 100,
        weight: 0.5,
        normalization: "minmax",
        direction: "higher",
        level: 0.1,
        points: 5,
      },
    ]);
    expect(tier).toMatchObject({
      score: 30,
      tier: "B",
      min: 0,
      next: { tier: "A", min: 60, pointsShort: 30 },
    });
  });

  it("names every value the artifacts need and the client lacks", () => {
    expect(() => explainClient(artifacts, { id: "9", values: { recency_days: 1 } })).toThrow(
      msg.missingColumns(
        "client 9",
        [
          { artifact: "the model", file: "model.json", missing: ["frequency"] },
          { artifact: "the RFM settings", file: "rfm.json", missing: ["frequency", "monetary"] },
          { artifact: "the scorecard", file: "tiers.json", missing: ["frequency", "monetary"] },
        ],
        ["id", "recency_days"],
      ).message,
    );
  });
});

describe("parseClientJson", () => {
  it("reads the --client JSON", () => {
    expect(
      parseClientJson('{"id":"17850","recency_days":3,"frequency":12,"monetary":5400}', "--client"),
    ).toEqual({
      id: "17850",
      values: { recency_days: 3, frequency: 12, monetary: 5400 },
    });
    expect(parseClientJson('{"id":42,"x":1}', "--client").id).toBe("42");
  });

  it("names the key of a bad value", () => {
    expect(() => parseClientJson('{"id":"1","monetary":"5400"}', "--client")).toThrow(
      msg.clientJson("--client", "monetary", "must be a number").message,
    );
    expect(() => parseClientJson('{"recency_days":3}', "--client")).toThrow(
      msg.clientJson("--client", "id", "must be the client id, as text or a number").message,
    );
    expect(() => parseClientJson("[1]", "--client")).toThrow(
      msg.clientJson("--client", null, "expected an object of column names and values").message,
    );
    expect(() => parseClientJson("{id: 1}", "--client")).toThrow(/^--client: not a client \(/);
  });
});

describe("explanations agree with period grading on the shipped log", () => {
  let run: GradedPeriods;
  beforeAll(async () => {
    run = await gradedShippedPeriods("quarter");
  }, 120_000);

  it("explains every 2011-Q2 client with the grades of the period", () => {
    const table = run.tables[1]!;
    const graded = run.graded[1]!;
    for (let i = 0; i < table.rowCount; i++) {
      const values = Object.fromEntries(Object.entries(table.columns).map(([k, v]) => [k, v[i]!]));
      const e = explainClient(run.artifacts, { id: table.ids[i]!, values });
      expect(e.cluster!.cluster).toBe(graded.cluster!.cluster[i]);
      if (e.cluster!.cluster >= 0) {
        expect(e.cluster!.distances[0]!.cluster).toBe(e.cluster!.cluster);
        expect(e.cluster!.distances[0]!.distance).toBeCloseTo(graded.cluster!.distance[i]!, 12);
      }
      expect(e.rfm!.rfmScore).toBe(graded.rfm!.scores.rfmScore[i]);
      expect(e.rfm!.segment!.name).toBe(graded.rfm!.segments!.segment[i]);
      for (const m of e.rfm!.measures) {
        if (m.lower !== null) expect(m.value).toBeGreaterThanOrEqual(m.lower);
        if (m.upper !== null) expect(m.value).toBeLessThan(m.upper);
      }
      expect(e.tier!.tier).toBe(graded.tiers!.tier[i]);
      expect(e.tier!.score).toBe(graded.tiers!.score[i]);
      // The points add up to the score (floating-point sums: 1e-9).
      const points = e.tier!.criteria.reduce((s, c) => s + c.points, 0);
      expect(Math.abs(points - e.tier!.score)).toBeLessThan(1e-9);
    }
  }, 60_000);
});
