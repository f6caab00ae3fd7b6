/**
 * tiers-frozen.json: a scorecard frozen on a hand-made table writes and
 * reads back unchanged; the reader refuses frozen parts that disagree with
 * the scorecard (tier names, a missing feature, levels and values of
 * different lengths), naming the key; a plain scorecard config is not taken
 * for one.
 */
import { describe, expect, it } from "vitest";
import {
  frozenTiersArtifact,
  type FrozenTiersArtifact,
  isFrozenTiers,
  parseFrozenTiers,
  writeFrozenTiers,
} from "../../src/artifacts/frozen-tiers.js";
import { freezeScorecard, scoreFrozenScorecard } from "../../src/grade/index.js";
import { readScorecard } from "../../src/workflows/index.js";
import { errorOf } from "../helpers/errors.js";

function expectRefused(text: string, code: string, key: RegExp): void {
  const e = errorOf(() => parseFrozenTiers(text, "f.json"));
  expect(e.code).toBe(code);
  expect(e.message).toMatch(key);
}

const config = readScorecard();
const columns = {
  recency_days: [1, 5, 10, 20, 40, 80],
  frequency: [9, 1, 4, 2, 6, 3],
  monetary: [1600.5, 50, 800, 400, 100, 200],
};
const ids = ["C1", "0042", "C3", "C4", "C5", "C6"];
const frozen = freezeScorecard(config.card, columns, ids, "six.csv");
const provenance = { command: "segwork periods (test)", segworkVersion: "0.0.0" };
const text = writeFrozenTiers(frozenTiersArtifact(provenance, config, frozen, "2011-03-31"));

describe("tiers-frozen.json", () => {
  it("reads back what was written, and scores as the frozen scorecard does", () => {
    const back = parseFrozenTiers(text, "tiers-frozen.json");
    expect(back.frozen).toEqual(frozen);
    expect(back.scorecard.tiers.map((t) => t.name)).toEqual([
      "Diamond",
      "Gold",
      "Silver",
      "Bronze",
    ]);
    expect(back.asOf).toBe("2011-03-31");
    // zod puts the schema keys first: the same content, not the same key order.
    expect(JSON.parse(writeFrozenTiers(back))).toEqual(JSON.parse(text));
    expect(scoreFrozenScorecard(back.frozen, columns, ids).tier).toEqual(
      scoreFrozenScorecard(frozen, columns, ids).tier,
    );
    expect(isFrozenTiers(JSON.parse(text))).toBe(true);
    expect(isFrozenTiers(config.card)).toBe(false);
  });

  it("refuses frozen parts that disagree with the scorecard, naming the key", () => {
    type Raw = FrozenTiersArtifact & {
      frozen: { normalization: Record<string, { levels: number[] }> };
    };
    const edit = (change: (raw: Raw) => void): string => {
      const raw = JSON.parse(text) as Raw;
      change(raw);
      return JSON.stringify(raw);
    };
    const renamed = edit((r) => (r.frozen.tiers[0]!.name = "Platinum"));
    expectRefused(renamed, "artifact.bad-key", /"frozen\.tiers"/);
    const missing = edit((r) => delete r.frozen.normalization["monetary"]);
    expectRefused(missing, "artifact.missing-key", /frozen\.normalization\.monetary/);
    const short = edit((r) => r.frozen.normalization["monetary"]!.levels.pop());
    expectRefused(short, "artifact.bad-key", /frozen\.normalization\.monetary\.levels/);
  });
});
