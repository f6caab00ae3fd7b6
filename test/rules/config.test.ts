/** Every config error, with its exact text: the file, the key path, the rule broken and the value found. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SegworkError } from "../../src/shared/errors.js";
import { cutsOnlyWithRRfm } from "../../src/shared/messages/rules.js";
import {
  parseAbcConfig,
  parseClvConfig,
  parseConfigText,
  parseRfmConfig,
  parseScorecardConfig,
  parseSegmentTableConfig,
  parseThresholdConfig,
  parseValueActivityConfig,
  readConfigFile,
} from "../../src/rules/index.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The message of the SegworkError thrown by `f`. */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SegworkError);
    return (error as SegworkError).message;
  }
  throw new Error("expected an error");
}

// ── tiers.json ──────────────────────────────────────────────────────────────

const TIERS = "data/rules/tiers.json";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;
const card = (): Raw => ({
  weights: { recency_days: 0.3, frequency: 0.3, monetary: 0.4 },
  normalization: {
    recency_days: { method: "percentile", direction: "lower" },
    frequency: { method: "cap", cap: 20, direction: "higher" },
    monetary: { method: "percentile", direction: "higher" },
  },
  assign: "thresholds",
  tiers: [
    { name: "Diamond", min: 85 },
    { name: "Gold", min: 70 },
    { name: "Silver", min: 55 },
    { name: "Bronze", min: 0 },
  ],
});
const tiersError = (edit: (c: Raw) => void): string => {
  const c = card();
  edit(c);
  return errorOf(() => parseScorecardConfig(c, TIERS));
};

describe("scorecard config errors", () => {
  it("a weight that is not a number, or not in 0..1", () => {
    expect(tiersError((c) => (c.weights.monetary = "0.5x"))).toBe(
      'data/rules/tiers.json: weights.monetary must be a number between 0 and 1 (got "0.5x")',
    );
    expect(tiersError((c) => (c.weights.monetary = 1.4))).toBe(
      "data/rules/tiers.json: weights.monetary must be a number between 0 and 1 (got 1.4)",
    );
  });

  it("weights that do not sum to 1 (within 1e-9), naming the sum and its parts", () => {
    expect(tiersError((c) => (c.weights.monetary = 0.3))).toBe(
      "data/rules/tiers.json: weights must sum to 1 (got 0.9 = recency_days 0.3 + frequency 0.3 + monetary 0.3)",
    );
    // 0.1 + 0.2 + 0.7 = 0.9999999999999999 in doubles: inside the tolerance.
    expect(() =>
      parseScorecardConfig(
        { ...card(), weights: { recency_days: 0.1, frequency: 0.2, monetary: 0.7 } },
        TIERS,
      ),
    ).not.toThrow();
    expect(tiersError((c) => (c.weights.monetary = 0.400001))).toBe(
      "data/rules/tiers.json: weights must sum to 1 (got 1.000001 = recency_days 0.3 + frequency 0.3 + monetary 0.400001)",
    );
  });

  it("normalizations missing, without weight, or malformed", () => {
    expect(tiersError((c) => delete c.normalization.frequency)).toBe(
      'data/rules/tiers.json: normalization.frequency is missing: feature "frequency" has a weight, so it needs a normalization',
    );
    expect(
      tiersError((c) => (c.normalization.tenure_days = { method: "minmax", direction: "higher" })),
    ).toBe(
      "data/rules/tiers.json: normalization.tenure_days has no weight: add weights.tenure_days or remove normalization.tenure_days",
    );
    expect(tiersError((c) => delete c.normalization.frequency.cap)).toBe(
      'data/rules/tiers.json: normalization.frequency.cap is missing: method "cap" needs a cap (a number greater than 0)',
    );
    expect(tiersError((c) => (c.normalization.monetary.cap = 5))).toBe(
      'data/rules/tiers.json: normalization.monetary.cap is only used with method "cap"',
    );
    expect(tiersError((c) => (c.normalization.frequency.cap = 0))).toBe(
      "data/rules/tiers.json: normalization.frequency.cap must be a number greater than 0 (got 0)",
    );
    expect(tiersError((c) => (c.normalization.frequency.direction = "up"))).toBe(
      'data/rules/tiers.json: normalization.frequency.direction must be one of "higher", "lower" (got "up")',
    );
    expect(tiersError((c) => delete c.normalization.frequency.direction)).toBe(
      'data/rules/tiers.json: normalization.frequency.direction is missing: it must be one of "higher", "lower"',
    );
    expect(tiersError((c) => (c.normalization.frequency.method = "zscore"))).toBe(
      'data/rules/tiers.json: normalization.frequency.method must be one of "cap", "percentile", "minmax" (got "zscore")',
    );
  });

  it("tier bounds out of order, a last tier above 0, a missing min, a repeated name", () => {
    expect(tiersError((c) => (c.tiers[2].min = 75))).toBe(
      "data/rules/tiers.json: tiers[2].min must be below tiers[1].min (70), tiers are listed best first (got 75)",
    );
    expect(tiersError((c) => (c.tiers[3].min = 10))).toBe(
      "data/rules/tiers.json: tiers[3].min must be 0 so that every score from 0 to 100 gets a tier (got 10)",
    );
    expect(tiersError((c) => delete c.tiers[1].min)).toBe(
      'data/rules/tiers.json: tiers[1].min is missing: with assign "thresholds" every tier needs a min score',
    );
    expect(tiersError((c) => (c.tiers[1].name = "Diamond"))).toBe(
      'data/rules/tiers.json: tiers[1].name repeats the name "Diamond" already used at tiers[0].name',
    );
    expect(tiersError((c) => (c.tiers[0].min = 101))).toBe(
      "data/rules/tiers.json: tiers[0].min must be a number between 0 and 100 (got 101)",
    );
  });

  it("shares that do not sum to 1, are missing in share mode, or are given to some tiers only", () => {
    expect(
      tiersError((c) => {
        c.assign = "shares";
        c.tiers.forEach((t: Raw, i: number) => (t.share = [0.05, 0.15, 0.3, 0.4][i]));
      }),
    ).toBe(
      "data/rules/tiers.json: tiers must have shares summing to 1 (got 0.9); shares are listed best tier first",
    );
    expect(
      tiersError((c) => {
        c.assign = "shares";
        c.tiers = c.tiers.slice(0, 2);
      }),
    ).toBe(
      'data/rules/tiers.json: tiers[0].share is missing: with assign "shares" every tier needs a share\n' +
        'data/rules/tiers.json: tiers[1].share is missing: with assign "shares" every tier needs a share',
    );
    expect(tiersError((c) => (c.tiers[0].share = 0.1))).toBe(
      "data/rules/tiers.json: tiers must give a share to every tier or to none (shares are the targets compared with the actual shares)",
    );
  });

  it("unknown keys, wrong kinds, empty lists, missing sections", () => {
    expect(tiersError((c) => (c.weigths = {}))).toBe(
      'data/rules/tiers.json: the file has unknown key "weigths" (allowed: weights, normalization, assign, tiers)',
    );
    expect(tiersError((c) => (c.assign = "share"))).toBe(
      'data/rules/tiers.json: assign must be one of "thresholds", "shares" (got "share")',
    );
    expect(errorOf(() => parseScorecardConfig([], TIERS))).toBe(
      "data/rules/tiers.json: the file must be an object (got [])",
    );
    expect(tiersError((c) => (c.tiers = []))).toBe(
      "data/rules/tiers.json: tiers must be a non-empty list (got [])",
    );
    expect(tiersError((c) => delete c.weights)).toBe(
      "data/rules/tiers.json: weights is missing: it must be an object",
    );
  });

  it("reads YAML the same way", () => {
    const yaml =
      "weights:\n  monetary: 0.5x\nnormalization:\n  monetary: { method: minmax, direction: higher }\ntiers:\n  - { name: All, min: 0 }\n";
    expect(
      errorOf(() => parseScorecardConfig(parseConfigText(yaml, "tiers.yaml"), "tiers.yaml")),
    ).toBe('tiers.yaml: weights.monetary must be a number between 0 and 1 (got "0.5x")');
  });
});

// ── rfm-segments.json ───────────────────────────────────────────────────────

describe("segment table config errors", () => {
  const S = "data/rules/rfm-segments.json";
  const seg = (extra: Raw): Raw => ({ name: "A", recency: 1, frequency: 1, monetary: 1, ...extra });
  const error = (raw: Raw): string => errorOf(() => parseSegmentTableConfig(raw, S));

  it("ranges reversed, above bins, or missing", () => {
    expect(error({ segments: [seg({ recency: [4, 3] })] })).toBe(
      "data/rules/rfm-segments.json: segments[0].recency must be a score 1–9 or a range [min, max] of scores with min ≤ max (got [4,3])",
    );
    expect(error({ bins: 4, segments: [seg({ recency: [4, 5] })] })).toBe(
      "data/rules/rfm-segments.json: segments[0].recency goes up to 5 but scores run from 1 to bins = 4",
    );
    const missing = seg({});
    delete missing.monetary;
    expect(error({ segments: [missing] })).toBe(
      "data/rules/rfm-segments.json: segments[0].monetary is missing: it must be a score 1–9 or a range [min, max] of scores with min ≤ max",
    );
  });

  it("repeated names, a misspelt key, bad strategy, bins, empty name", () => {
    expect(error({ segments: [seg({}), seg({ recency: 2 })] })).toBe(
      'data/rules/rfm-segments.json: segments[1].name repeats the name "A" already used at segments[0].name',
    );
    const misspelt = seg({ r: 1 });
    delete misspelt.recency;
    expect(error({ segments: [misspelt] })).toBe(
      "data/rules/rfm-segments.json: segments[0].recency is missing: it must be a score 1–9 or a range [min, max] of scores with min ≤ max\n" +
        'data/rules/rfm-segments.json: segments[0] has unknown key "r" (allowed: name, nameZh, description, descriptionZh, strategy, owner, strategyZh, ownerZh, recency, frequency, monetary)',
    );
    expect(error({ segments: [seg({ strategy: "reward" })] })).toBe(
      'data/rules/rfm-segments.json: segments[0].strategy must be a list of texts (got "reward")',
    );
    expect(error({ segments: [seg({ strategyZh: "回馈" })] })).toBe(
      'data/rules/rfm-segments.json: segments[0].strategyZh must be a list of texts (got "回馈")',
    );
    expect(error({ bins: 12, segments: [seg({})] })).toBe(
      "data/rules/rfm-segments.json: bins must be a whole number from 2 to 9 (got 12)",
    );
    expect(error({ segments: [seg({ name: " " })] })).toBe(
      'data/rules/rfm-segments.json: segments[0].name must be a non-empty text (got " ")',
    );
  });
});

// ── thresholds.json ─────────────────────────────────────────────────────────

describe("threshold config errors", () => {
  const T = "data/rules/thresholds.json";
  it("empty expression, no rules, repeated names, unknown column", () => {
    expect(errorOf(() => parseThresholdConfig({ rules: [{ name: "a", when: "" }] }, T))).toBe(
      'data/rules/thresholds.json: rules[0].when must be a non-empty text (got "")',
    );
    expect(errorOf(() => parseThresholdConfig({ rules: [] }, T))).toBe(
      "data/rules/thresholds.json: rules must be a non-empty list (got [])",
    );
    expect(
      errorOf(() =>
        parseThresholdConfig(
          {
            rules: [
              { name: "a", when: "frequency > 1" },
              { name: "a", when: "frequency > 2" },
            ],
          },
          T,
        ),
      ),
    ).toBe(
      'data/rules/thresholds.json: rules[1].name repeats the name "a" already used at rules[0].name',
    );
    expect(
      errorOf(() =>
        parseThresholdConfig({ rules: [{ name: "a", when: "frequncy > 1" }] }, T, [
          "recency_days",
          "frequency",
        ]),
      ),
    ).toBe(
      'data/rules/thresholds.json: rule "a" (rules[0].when) at position 1: unknown column "frequncy" (columns: recency_days, frequency)\n' +
        "  frequncy > 1\n" +
        "  ^",
    );
  });
});

// ── rfm.json, abc.json, clv.json, value-activity.json ───────────────────────

describe("small config errors", () => {
  it("rfm.json: binning, cut counts, cut order, cuts with ntile, unknown measure", () => {
    const R = "data/rules/rfm.json";
    expect(errorOf(() => parseRfmConfig({ binning: "quintile" }, R))).toBe(
      'data/rules/rfm.json: binning must be one of "r-rfm", "ntile", "mean", "median" (got "quintile")',
    );
    expect(errorOf(() => parseRfmConfig({ bins: 4, cuts: { recency: [1, 2, 3, 4] } }, R))).toBe(
      "data/rules/rfm.json: cuts.recency must have 3 cut points for 4 bins (got 4)",
    );
    expect(errorOf(() => parseRfmConfig({ cuts: { recency: [1, 3, 2, 4] } }, R))).toBe(
      "data/rules/rfm.json: cuts.recency must be a list of numbers in ascending order (got [1,3,2,4])",
    );
    expect(
      errorOf(() => parseRfmConfig({ binning: "ntile", cuts: { monetary: [1, 2, 3, 4] } }, R)),
    ).toBe(`data/rules/rfm.json: cuts.monetary ${cutsOnlyWithRRfm()}`);
    expect(errorOf(() => parseRfmConfig({ cuts: { recency_days: [1, 2, 3, 4] } }, R))).toBe(
      'data/rules/rfm.json: cuts has unknown key "recency_days" (allowed: recency, frequency, monetary)',
    );
    expect(parseRfmConfig({ cuts: { recency: [115, 181, 297, 482] } }, R)).toEqual({
      cuts: { recency: [115, 181, 297, 482] },
    });
  });

  it("abc.json: shares above 1 together, a zero A share, a percentage instead of a share", () => {
    const A = "data/rules/abc.json";
    expect(errorOf(() => parseAbcConfig({ aShare: 0.9, bShare: 0.2 }, A))).toBe(
      "data/rules/abc.json: bShare plus aShare must be at most 1 (got 0.9 + 0.2 = 1.1)",
    );
    expect(errorOf(() => parseAbcConfig({ aShare: 0 }, A))).toBe(
      "data/rules/abc.json: aShare must be above 0 (class A needs some revenue)",
    );
    expect(errorOf(() => parseAbcConfig({ aShare: 80 }, A))).toBe(
      "data/rules/abc.json: aShare must be a number between 0 and 1 (got 80)",
    );
  });

  it("clv.json: every field out of range at once, and missing fields", () => {
    const C = "data/rules/clv.json";
    expect(
      errorOf(() =>
        parseClvConfig(
          { periodDays: 0, margin: 30, discountRate: -0.1, retention: 1.2, horizon: 2.5 },
          C,
        ),
      ),
    ).toBe(
      [
        "data/rules/clv.json: periodDays must be a number greater than 0 (got 0)",
        "data/rules/clv.json: margin must be a number between 0 and 1 (got 30)",
        "data/rules/clv.json: discountRate must be a number between 0 and 10 (got -0.1)",
        "data/rules/clv.json: retention must be a number between 0 and 1 (got 1.2)",
        "data/rules/clv.json: horizon must be a whole number from 1 to 100 (got 2.5)",
      ].join("\n"),
    );
    expect(
      errorOf(() =>
        parseClvConfig({ periodDays: 30, margin: 0.3, discountRate: 0.01, retention: 0.9 }, C),
      ),
    ).toBe("data/rules/clv.json: horizon is missing: it must be a whole number from 1 to 100");
  });

  it("value-activity.json: a cut that is neither median nor a number, an unknown quadrant", () => {
    expect(
      errorOf(() =>
        parseValueActivityConfig(
          { valueCut: "mean", names: { stars: "x" } },
          "data/rules/value-activity.json",
        ),
      ),
    ).toBe(
      'data/rules/value-activity.json: valueCut must be "median" or a number (got "mean")\n' +
        'data/rules/value-activity.json: names has unknown key "stars" (allowed: star, sleepingGiant, rising, dormant)',
    );
  });
});

// ── Syntax and files ────────────────────────────────────────────────────────

describe("config syntax errors name the line and column", () => {
  it("JSON: a trailing comma, a missing comma, an unclosed object, trailing text", () => {
    expect(
      errorOf(() => parseConfigText('{\n  "bins": 5,\n  "x": [1, 2,]\n}', "data/rules/rfm.json")),
    ).toBe(
      'data/rules/rfm.json: not valid JSON at line 3, column 14: expected a value but found "]"',
    );
    expect(
      errorOf(() => parseConfigText('{\n  "bins": 5\n  "x": 1\n}', "data/rules/rfm.json")),
    ).toBe(
      'data/rules/rfm.json: not valid JSON at line 3, column 3: expected "," or "}" but found "\\""',
    );
    expect(errorOf(() => parseConfigText('{"bins": 5', "rfm.json"))).toBe(
      'rfm.json: not valid JSON at line 1, column 11: expected "," or "}" but found the end of the file',
    );
    expect(errorOf(() => parseConfigText('{"bins": 5} x', "rfm.json"))).toBe(
      'rfm.json: not valid JSON at line 1, column 13: expected the end of the file but found "x"',
    );
    expect(errorOf(() => parseConfigText("{bins: 5}", "rfm.json"))).toBe(
      'rfm.json: not valid JSON at line 1, column 2: expected a quoted key but found "b"',
    );
  });

  it("YAML: bad indentation and repeated keys", () => {
    expect(
      errorOf(() => parseConfigText("weights:\n  a: 1\n b: 2\n", "data/rules/tiers.yaml")),
    ).toBe(
      "data/rules/tiers.yaml: not valid YAML at line 3, column 1: All mapping items must start at the same column",
    );
    expect(
      errorOf(() => parseConfigText("weights:\n  a: 1\n  a: 2\n", "data/rules/tiers.yaml")),
    ).toBe("data/rules/tiers.yaml: not valid YAML at line 3, column 3: Map keys must be unique");
  });

  it("a missing file", () => {
    expect(errorOf(() => readConfigFile("data/rules/nope.json"))).toBe(
      "data/rules/nope.json: no such file",
    );
  });

  it("reads a byte-order mark and parses every shipped config", () => {
    expect(parseConfigText('\uFEFF{"bins": 5}', "rfm.json")).toEqual({ bins: 5 });
    const dir = path.join(repoRoot, "data/rules");
    const parsers: Record<string, (raw: unknown, file: string) => unknown> = {
      "rfm.json": parseRfmConfig,
      "rfm-segments.json": parseSegmentTableConfig,
      "rfm-types.json": parseSegmentTableConfig,
      "thresholds.json": (raw, file) =>
        parseThresholdConfig(raw, file, ["recency_days", "frequency", "monetary"]),
      "tiers.json": parseScorecardConfig,
      "tiers-shares.yaml": parseScorecardConfig,
      "abc.json": parseAbcConfig,
      "clv.json": parseClvConfig,
      "value-activity.json": parseValueActivityConfig,
    };
    const shipped = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f));
    expect(shipped.sort()).toEqual(Object.keys(parsers).sort());
    for (const name of shipped) {
      const file = path.join(dir, name);
      expect(
        () => parsers[name]!(parseConfigText(readFileSync(file, "utf8"), file), file),
        name,
      ).not.toThrow();
    }
  });
});

// ── strategy and owner (the report summary's "what to do") ──────────────────

describe("strategy keywords and owner on threshold rules and tiers", () => {
  const T = "data/rules/thresholds.json";
  const rule = { name: "churn risk", when: "frequency <= 1" };

  it("are carried through when given and absent when not", () => {
    const withBoth = parseThresholdConfig(
      { rules: [{ ...rule, strategy: ["win back", "survey"], owner: "CRM" }] },
      T,
    );
    expect(withBoth.rules[0]!.strategy).toEqual(["win back", "survey"]);
    expect(withBoth.rules[0]!.owner).toBe("CRM");
    const without = parseThresholdConfig({ rules: [rule] }, T);
    expect("strategy" in without.rules[0]!).toBe(false);
    expect("owner" in without.rules[0]!).toBe(false);

    const c = card();
    c.tiers[0].strategy = ["dedicated manager"];
    c.tiers[0].owner = "Key accounts";
    const tiers = parseScorecardConfig(c, TIERS).tiers;
    expect(tiers[0]).toMatchObject({ strategy: ["dedicated manager"], owner: "Key accounts" });
    expect("strategy" in tiers[1]!).toBe(false);
  });

  it("refuse a strategy that is not a list of texts and an owner that is not a text", () => {
    expect(
      errorOf(() => parseThresholdConfig({ rules: [{ ...rule, strategy: "win back" }] }, T)),
    ).toBe(
      'data/rules/thresholds.json: rules[0].strategy must be a list of texts (got "win back")',
    );
    expect(tiersError((c) => (c.tiers[0].owner = 7))).toBe(
      "data/rules/tiers.json: tiers[0].owner must be a non-empty text (got 7)",
    );
  });
});
