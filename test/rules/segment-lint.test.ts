import { describe, expect, it } from "vitest";
import {
  R_RFM_SEGMENT_TABLE,
  assignSegments,
  describeSegmentLint,
  lintSegmentRules,
  scoreRfm,
} from "../../src/rules/index.js";
import type { SegmentRule } from "../../src/rules/index.js";
import { handInput } from "./hand-fixture.js";

describe("lintSegmentRules on a crafted 3-bin table", () => {
  // Grid 3³ = 27 cells.
  const rules: SegmentRule[] = [
    { name: "Top", recency: [3, 3], frequency: [1, 3], monetary: [1, 3] }, // 9 cells, all won
    { name: "Shadowed", recency: [3, 3], frequency: [2, 3], monetary: [2, 3] }, // 4 cells, all inside Top
    { name: "Middle", recency: [2, 3], frequency: [1, 3], monetary: [1, 3] }, // 18 cells, 9 taken by Top
    { name: "Low", recency: [1, 1], frequency: [1, 2], monetary: [1, 3] }, // 6 cells
    { name: "Outside", recency: [4, 5], frequency: [1, 1], monetary: [1, 1] }, // no cell of a 3-bin grid
  ];
  const lint = lintSegmentRules(rules, 3);

  it("finds the fully shadowed rule and who shadows it", () => {
    expect(lint.fullyShadowed.map((r) => r.name)).toEqual(["Shadowed"]);
    const shadowed = lint.rules[1]!;
    expect([shadowed.cells, shadowed.wins, shadowed.shadowed, shadowed.shadowedShare]).toEqual([
      4, 0, 4, 1,
    ]);
    expect(shadowed.shadowedBy).toEqual([{ index: 0, name: "Top", cells: 4 }]);
  });

  it("reports the partially shadowed rule with its share of cells lost (9 of 18 = 0.5)", () => {
    expect(lint.partiallyShadowed.map((r) => [r.name, r.shadowed, r.shadowedShare])).toEqual([
      ["Middle", 9, 0.5],
    ]);
    expect(lint.rules[2]!.shadowedBy).toEqual([{ index: 0, name: "Top", cells: 9 }]);
  });

  it("marks a rule whose ranges lie outside the grid as empty, and clean rules as ok", () => {
    expect(lint.rules.map((r) => r.status)).toEqual([
      "ok",
      "fully-shadowed",
      "partially-shadowed",
      "ok",
      "empty",
    ]);
  });

  it("says it in sentences for the report", () => {
    expect(describeSegmentLint(lint, "Others")).toEqual([
      'segment "Shadowed" can never match: earlier segments (Top) take all its cells',
      'segment "Middle" loses 50.0% of its cells to earlier segments (Top)',
      'segment "Outside" covers no score cell: its ranges lie outside 1–3',
      '3 of 27 score cells match no segment (R1 F3 M1–3); clients there are labelled "Others"',
    ]);
  });

  it("lists the uncovered cells compactly: 27 − 9 − 9 − 6 = 3 cells = R1 F3 M1–3", () => {
    expect(lint.totalCells).toBe(27);
    expect(lint.uncoveredCells).toBe(3);
    expect(lint.uncovered).toEqual([
      { recency: [1, 1], frequency: [3, 3], monetary: [1, 3], label: "R1 F3 M1–3" },
    ]);
  });
});

describe("lintSegmentRules on the default R rfm table", () => {
  const lint = lintSegmentRules(R_RFM_SEGMENT_TABLE.segments, 5);

  it("leaves 10 of 125 cells uncovered → Others: R2 F1 M5, R2–5 F4–5 M1, R2 F5 M2", () => {
    expect(lint.uncoveredCells).toBe(10);
    expect(lint.uncovered.map((b) => b.label)).toEqual(["R2 F1 M5", "R2–5 F4–5 M1", "R2 F5 M2"]);
  });

  it("has no rule that can never match, but every rule after Champions loses cells to earlier ones", () => {
    expect(lint.fullyShadowed).toEqual([]);
    expect(lint.rules.map((r) => r.wins)).toEqual([1, 35, 15, 8, 15, 6, 7, 4, 10, 14]);
    expect(lint.rules.map((r) => r.cells)).toEqual([1, 36, 27, 18, 30, 8, 16, 27, 24, 25]);
    // Need Attention keeps 4 of 27 cells: 23/27 shadowed.
    expect(lint.rules[7]!.shadowedShare).toBeCloseTo(23 / 27, 12);
    expect(lint.rules[7]!.shadowedBy.map((s) => [s.name, s.cells])).toEqual([
      ["Potential Loyalist", 9],
      ["Loyal Customers", 4],
      ["Can't Lose Them", 6],
      ["At Risk", 4],
    ]);
    // wins + uncovered = all cells.
    expect(lint.rules.reduce((s, r) => s + r.wins, 0) + lint.uncoveredCells).toBe(125);
  });

  it("adds the size of Others after an assignment (hand fixture: 1 of 20)", () => {
    const a = assignSegments(scoreRfm(handInput()), R_RFM_SEGMENT_TABLE);
    const withClients = lintSegmentRules(R_RFM_SEGMENT_TABLE.segments, 5, a);
    expect([withClients.clients, withClients.unmatchedClients, withClients.unmatchedShare]).toEqual(
      [20, 1, 0.05],
    );
    expect(describeSegmentLint(withClients, "Others").slice(-2)).toEqual([
      '10 of 125 score cells match no segment (R2 F1 M5; R2–5 F4–5 M1; R2 F5 M2); clients there are labelled "Others"',
      '1 of 20 clients (5.0%) match no rule and are labelled "Others"',
    ]);
  });
});
