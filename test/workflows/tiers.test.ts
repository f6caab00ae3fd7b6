/**
 * The tiers workflow with the shipped scorecard (data/rules/tiers.json:
 * recency and monetary by percentile, frequency capped at 20; tiers from
 * score 85 / 70 / 55) on the shipped clients: the score is the weighted sum
 * of its components, and each client's tier is the one its score falls in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseTiers, writeTiers } from "../../src/artifacts/tiers.js";
import type { Table } from "../../src/load/types.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  readScorecard,
  tiersFiles,
  tiersWorkflow,
  TIERS_OUTPUTS,
  type TiersResult,
} from "../../src/workflows/index.js";
import { shippedClients } from "./fixtures.js";

describe("tiersWorkflow: the shipped scorecard on the shipped clients", () => {
  let table: Table;
  let result: TiersResult;

  beforeAll(async () => {
    table = await shippedClients();
    result = tiersWorkflow({ table, scorecard: readScorecard() });
  });

  it("score = 100 · Σ weight · component; frequency's component is min(f / 20, 1)", () => {
    const { score, components } = result.result;
    const frequency = table.columns.frequency!;
    for (let i = 0; i < score.length; i++) {
      expect(components.frequency![i]).toBe(Math.min(frequency[i]! / 20, 1));
      const sum =
        0.3 * components.recency_days![i]! +
        0.3 * components.frequency![i]! +
        0.4 * components.monetary![i]!;
      // Same terms, perhaps another order: 1e-12 on a 0–100 scale.
      expect(Math.abs(score[i]! - 100 * sum)).toBeLessThan(1e-12);
    }
  });

  it("each client's tier is the one its score falls in; counts and target shares as summarized", () => {
    const { score, tier, tiers } = result.result;
    const expected = Array.from(score, (s) =>
      s >= 85 ? "Diamond" : s >= 70 ? "Gold" : s >= 55 ? "Silver" : "Bronze",
    );
    expect(tier).toEqual(expected);
    expect(tiers.map((t) => [t.name, t.count])).toEqual([
      ["Diamond", 180],
      ["Gold", 305],
      ["Silver", 639],
      ["Bronze", 3214],
    ]);
    expect(result.summary[0]).toBe(notes.tierLine("Diamond", 180, 180 / 4338, 0.05));
  });

  it("tiers.json reads back; the files are the command's", async () => {
    expect(parseTiers(writeTiers(result.artifact), "tiers.json")).toEqual(
      JSON.parse(writeTiers(result.artifact)),
    );
    expect((await tiersFiles(result)).map((f) => f.name)).toEqual(TIERS_OUTPUTS);
  });
});
