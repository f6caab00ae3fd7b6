import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyThresholdRules,
  compileThresholdRules,
  describeThresholdAssignment,
  parseThresholdConfig,
} from "../../src/rules/index.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const COLUMNS = ["recency_days", "frequency", "monetary"];

function table(rows: [number, number, number][]): Record<string, Float64Array> {
  return {
    recency_days: Float64Array.from(rows, (r) => r[0]),
    frequency: Float64Array.from(rows, (r) => r[1]),
    monetary: Float64Array.from(rows, (r) => r[2]),
  };
}

describe("the shipped data/rules/thresholds.json at exact boundaries", () => {
  const file = path.join(repoRoot, "data/rules/thresholds.json");
  const set = parseThresholdConfig(JSON.parse(readFileSync(file, "utf8")), file, COLUMNS);
  // [recency_days, frequency, monetary] → expected label
  const cases: [[number, number, number], string][] = [
    [[30, 5, 2000], "high value"], // ≤ 30, ≥ 5, ≥ 2000 all inclusive
    [[31, 5, 2000], "Others"], // 31 > 30
    [[30, 5, 1999.99], "Others"], // below 2000, and frequency 5 is outside 2..4
    [[30, 4, 1999], "potential"], // between is inclusive at the top…
    [[30, 2, 500], "potential"], // …and at the bottom
    [[30, 1, 500], "Others"], // frequency 1 < 2
    [[30, 2, 499], "Others"], // monetary 499 < 500
    [[90, 1, 10], "churn risk"], // ≥ 90 and ≤ 1
    [[89, 1, 10], "Others"],
    [[90, 2, 10], "Others"],
  ];
  const result = applyThresholdRules(set, table(cases.map((c) => c[0])), cases.length);

  it("labels each client with the first rule it satisfies", () => {
    expect(result.label).toEqual(cases.map((c) => c[1]));
    expect(Array.from(result.ruleIndex)).toEqual([0, -1, -1, 1, 1, -1, -1, 2, -1, -1]);
  });

  it("counts first matches, own matches, and finds no overlap between these three rules", () => {
    expect(result.counts.map((c) => [c.name, c.count])).toEqual([
      ["high value", 1],
      ["potential", 2],
      ["churn risk", 1],
      ["Others", 6],
    ]);
    expect(result.matches).toEqual([1, 2, 1]);
    expect(result.overlaps).toEqual([]);
    expect(result.matchingNobody).toEqual([]);
  });
});

describe("overlaps and dead rules", () => {
  const set = compileThresholdRules({
    rules: [
      { name: "regular", when: "frequency >= 3" },
      { name: "big spender", when: "monetary > 100" },
      { name: "time traveller", when: "recency_days < 0" },
      { name: "very regular", when: "frequency >= 5" },
    ],
  });
  // frequency 1, 3, 5, 8 with monetary 50, 150, 150, 50.
  const r = applyThresholdRules(
    set,
    table([
      [1, 1, 50],
      [1, 3, 150],
      [1, 5, 150],
      [1, 8, 50],
    ]),
    4,
  );

  it("reports pairs whose match sets intersect, with counts, though first match decides", () => {
    // regular = {2,3,4}, big spender = {2,3}, very regular = {3,4}:
    // regular∩big = 2, regular∩very = 2, big∩very = 1.
    expect(r.overlaps).toEqual([
      { first: "regular", second: "big spender", count: 2 },
      { first: "regular", second: "very regular", count: 2 },
      { first: "big spender", second: "very regular", count: 1 },
    ]);
  });

  it("names rules that match nobody and rules that match but never win", () => {
    expect(r.matchingNobody).toEqual(["time traveller"]);
    expect(r.winningNobody).toEqual(["big spender", "very regular"]);
    expect(r.label).toEqual(["Others", "regular", "regular", "regular"]);
  });

  it("says it in sentences for the report", () => {
    expect(describeThresholdAssignment(r)).toEqual([
      'rule "time traveller" matches no client',
      'rule "big spender" matches 2 clients but earlier rules take all of them',
      'rule "very regular" matches 2 clients but earlier rules take all of them',
      'rules "regular" and "big spender" both match 2 clients; first match wins, so they are "regular"',
      'rules "regular" and "very regular" both match 2 clients; first match wins, so they are "regular"',
      'rules "big spender" and "very regular" both match 1 client; first match wins, so they are "big spender"',
      '1 of 4 clients (25.0%) match no rule and are labelled "Others"',
    ]);
  });
});

describe("expression language", () => {
  const rows: [number, number, number][] = [
    [10, 1, 100],
    [10, 3, 100],
    [10, 3, 101],
    [10, Number.NaN, 101],
  ];
  const evaluate = (when: string): boolean[] => {
    const set = compileThresholdRules({ rules: [{ name: "r", when }] }, { columns: COLUMNS });
    return applyThresholdRules(set, table(rows), rows.length).label.map((l) => l === "r");
  };

  it("distinguishes < from <= and > from >=", () => {
    expect(evaluate("monetary < 101")).toEqual([true, true, false, false]);
    expect(evaluate("monetary <= 101")).toEqual([true, true, true, true]);
    expect(evaluate("monetary > 100")).toEqual([false, false, true, true]);
    expect(evaluate("monetary >= 100")).toEqual([true, true, true, true]);
  });

  it("compares with == and !=, and a missing value (NaN) satisfies neither", () => {
    expect(evaluate("frequency == 3")).toEqual([false, true, true, false]);
    expect(evaluate("frequency != 3")).toEqual([true, false, false, false]);
  });

  it("binds and tighter than or; parentheses and not work; keywords are case-insensitive", () => {
    expect(evaluate("frequency == 1 or frequency == 3 and monetary > 100")).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(evaluate("(frequency == 1 or frequency == 3) and monetary > 100")).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(evaluate("not (monetary > 100)")).toEqual([true, true, false, false]);
    expect(evaluate("frequency BETWEEN 1 AND 2 Or monetary == 101")).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it("reads numbers with signs, decimals and exponents, and columns in backticks", () => {
    expect(evaluate("monetary >= 1.005e2 and recency_days > -1")).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(evaluate("`monetary` == 100")).toEqual([true, true, false, false]);
  });
});

describe("expression errors name the file, the rule, the key path and the position", () => {
  const compile =
    (when: string): (() => unknown) =>
    () =>
      compileThresholdRules(
        {
          rules: [
            { name: "ok", when: "frequency >= 1" },
            { name: "churn risk", when },
          ],
        },
        { file: "data/rules/thresholds.json", columns: COLUMNS },
      );

  it("an unknown column, with the known ones", () => {
    expect(compile("recency >= 90 and frequency <= 1")).toThrow(
      'data/rules/thresholds.json: rule "churn risk" (rules[1].when) at position 1: unknown column "recency" (columns: recency_days, frequency, monetary)\n' +
        "  recency >= 90 and frequency <= 1\n" +
        "  ^",
    );
  });

  it("a single =, a missing and, a missing parenthesis, a stray character, trailing words", () => {
    expect(compile("monetary = 5")).toThrow(
      'data/rules/thresholds.json: rule "churn risk" (rules[1].when) at position 10: "=" is not an operator (use "==" to compare)\n  monetary = 5\n           ^',
    );
    expect(compile("frequency between 2 4")).toThrow(
      'at position 21: expected "and" (between … and …) but found "4"',
    );
    expect(compile("recency_days <= 30 and (frequency >= 5")).toThrow(
      'at position 39: expected ")" but the expression ended',
    );
    expect(compile("monetary >= 5 $")).toThrow('at position 15: unexpected character "$"');
    expect(compile("frequency >= 5 monetary")).toThrow(
      'at position 16: expected "and", "or" or the end but found "monetary"',
    );
    expect(compile("frequency")).toThrow(
      "at position 10: expected a comparison (<=, <, >=, >, ==, !=, between) but the expression ended",
    );
    expect(compile("and frequency > 1")).toThrow(
      'at position 1: expected a column or a number but found "and"',
    );
    expect(compile("   ")).toThrow("at position 1: the expression is empty");
  });

  it("a column missing from the data when rules were compiled without a column list", () => {
    const set = compileThresholdRules({ rules: [{ name: "r", when: "tenure_days > 3" }] });
    expect(() => applyThresholdRules(set, table([[1, 1, 1]]), 1)).toThrow(
      'rule "r" needs column "tenure_days", which the client table does not have (columns: recency_days, frequency, monetary)',
    );
  });
});
