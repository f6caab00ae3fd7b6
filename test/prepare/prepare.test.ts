import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepare, applyScaler } from "../../src/prepare/index.js";
import { tableFrom } from "../helpers/table.js";

describe("prepare: scaling", () => {
  it("z-scores with the population sd, as scikit-learn's StandardScaler", () => {
    // x = 1, 2, 3, 4: mean 2.5; population variance (2.25+0.25+0.25+2.25)/4 = 1.25.
    const p = prepare(tableFrom({ x: [1, 2, 3, 4] }), { features: ["x"] });
    expect(p.scaler.center[0]).toBe(2.5);
    expect(p.scaler.scale[0]).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(Array.from(p.scaled.data)).toEqual([1, 2, 3, 4].map((v) => (v - 2.5) / Math.sqrt(1.25)));
  });

  it("robust scaling uses the median and the type-7 IQR", () => {
    // x = 1..5: median 3; q25 = 2, q75 = 4 (type 7) → IQR 2.
    const p = prepare(tableFrom({ x: [5, 1, 4, 2, 3] }), { features: ["x"], scale: "robust" });
    expect(p.scaler.center).toEqual([3]);
    expect(p.scaler.scale).toEqual([2]);
    expect(Array.from(p.scaled.data)).toEqual([1, -1, 0.5, -0.5, 0]);
  });

  it("min-max maps to [0, 1]", () => {
    const p = prepare(tableFrom({ x: [10, 20, 30] }), { features: ["x"], scale: "minmax" });
    expect(Array.from(p.scaled.data)).toEqual([0, 0.5, 1]);
  });

  it("applies log1p before scaling and keeps original units aside", () => {
    const p = prepare(tableFrom({ m: [0, Math.E - 1, Math.E ** 2 - 1] }), {
      features: ["m"],
      log: ["m"],
      scale: "none",
    });
    // log1p(e^j − 1) = j exactly up to rounding.
    expect(Array.from(p.scaled.data).map((v) => Number(v.toFixed(12)))).toEqual([0, 1, 2]);
    expect(p.original.data[1]).toBeCloseTo(Math.E - 1, 15);
    expect(p.scaler.log).toEqual(["m"]);
  });

  it("property: z-scored columns have mean 0 and sd 1 (to 1e-9)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000),
          { minLength: 3, maxLength: 200 },
        ),
        (values) => {
          fc.pre(new Set(values).size > 1);
          const p = prepare(tableFrom({ x: values }), { features: ["x"] });
          const z = Array.from(p.scaled.data);
          const m = z.reduce((a, b) => a + b, 0) / z.length;
          const sd = Math.sqrt(z.reduce((a, b) => a + (b - m) ** 2, 0) / z.length);
          expect(Math.abs(m)).toBeLessThan(1e-9);
          expect(Math.abs(sd - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it("applyScaler reproduces the fitted transform on a later table", () => {
    const p = prepare(tableFrom({ a: [1, 5, 9, 2], b: [100, 0, 40, 3] }), {
      features: ["a", "b"],
      log: ["b"],
    });
    const again = applyScaler(p.scaler, p.original);
    expect(Array.from(again.data)).toEqual(Array.from(p.scaled.data));
  });
});

describe("prepare: cleaning", () => {
  it("drops rows with missing or non-numeric values and counts them", () => {
    const t = tableFrom({ a: [1, null, 3, 4, 5], b: [1, 2, 3, "x", 5] });
    const p = prepare(t, { features: ["a", "b"] });
    expect(p.ids).toEqual(["1", "3", "5"]);
    expect(p.summary.droppedMissing).toBe(1);
    expect(p.summary.droppedNonNumeric).toBe(1);
    expect(p.summary.columns.map((c) => [c.name, c.missing, c.nonNumeric])).toEqual([
      ["a", 1, 0],
      ["b", 0, 1],
    ]);
  });

  it("imputes the median when asked", () => {
    const p = prepare(tableFrom({ a: [1, null, 3, 10] }), {
      features: ["a"],
      impute: "median",
      scale: "none",
    });
    expect(Array.from(p.original.data)).toEqual([1, 3, 3, 10]);
    expect(p.summary.columns[0]!.imputed).toBe(1);
  });

  it("winsorizes at type-7 quantiles", () => {
    // 0..100: q(0.1) = 10, q(0.9) = 90.
    const values = Array.from({ length: 101 }, (_, i) => i);
    const p = prepare(tableFrom({ x: values }), {
      features: ["x"],
      clip: [0.1, 0.9],
      scale: "none",
    });
    expect(p.scaler.clip).toEqual({ lower: [10], upper: [90] });
    expect(p.summary.columns[0]!.clipped).toBe(20);
    expect(Math.min(...p.original.data)).toBe(10);
  });

  it("resolves duplicate ids: first, last, or error naming both lines", () => {
    const t = tableFrom({ x: [1, 2, 3] }, ["a", "b", "a"]);
    expect(prepare(t, { features: ["x"], scale: "none" }).original.data).toEqual(
      Float64Array.of(1, 2),
    );
    expect(prepare(t, { features: ["x"], scale: "none", dedupe: "last" }).original.data).toEqual(
      Float64Array.of(2, 3),
    );
    expect(() => prepare(t, { features: ["x"], dedupe: "error" })).toThrow(
      'test.csv: id "a" in column "id" appears on line 2 and line 4; use --dedupe first or --dedupe last to keep one',
    );
  });

  it("drops rows where log1p is undefined", () => {
    const p = prepare(tableFrom({ m: [-2, 0, 5, 9] }), { features: ["m"], log: ["m"] });
    expect(p.ids).toEqual(["2", "3", "4"]);
    expect(p.summary.droppedLogInvalid).toBe(1);
  });

  it("does not mutate the input table", () => {
    const t = tableFrom({ a: [1, null, 3] });
    const before = Array.from(t.columns.a!);
    prepare(t, { features: ["a"], impute: "median" });
    expect(Array.from(t.columns.a!)).toEqual(before);
  });
});

describe("prepare: errors", () => {
  it("names an unknown feature and lists the columns", () => {
    expect(() => prepare(tableFrom({ a: [1, 2] }), { features: ["zz"] })).toThrow(
      'test.csv: no column named "zz" (columns: a)',
    );
  });
  it("refuses a constant column by name", () => {
    expect(() =>
      prepare(tableFrom({ a: [1, 2, 3], c: [7, 7, 7] }), { features: ["a", "c"] }),
    ).toThrow(
      'test.csv: column "c" is constant (every kept row is 7); it cannot be scaled and cannot separate clusters: drop it from --features',
    );
  });
  it("refuses an all-missing column", () => {
    expect(() => prepare(tableFrom({ a: [null, null] }), { features: ["a"] })).toThrow(
      'test.csv: column "a" has no values (all 2 rows are empty or missing)',
    );
  });
  it("refuses a text column, quoting the first offender", () => {
    expect(() => prepare(tableFrom({ name: ["ann", "bob", 3] }), { features: ["name"] })).toThrow(
      'test.csv: column "name" is not numeric: 2 of 3 values are not numbers (line 2: "ann"); choose numeric --features',
    );
  });
  it("refuses a zero IQR for robust scaling", () => {
    expect(() =>
      prepare(tableFrom({ a: [0, 0, 0, 0, 0, 9] }), { features: ["a"], scale: "robust" }),
    ).toThrow(
      'test.csv: column "a" has zero interquartile range, so --scale robust would divide by zero; use --scale zscore or drop the column',
    );
  });
  it("rejects --log on a non-feature", () => {
    expect(() => prepare(tableFrom({ a: [1, 2] }), { features: ["a"], log: ["b"] })).toThrow(
      '--log names "b", which is not one of the features (a)',
    );
  });
});

describe("prepare: summary", () => {
  it("says per feature where log1p was undefined", () => {
    const p = prepare(tableFrom({ a: [1, 2, 3, 4], m: [-2, 0, 5, 9] }), {
      features: ["a", "m"],
      log: ["a", "m"],
    });
    expect(p.summary.columns.map((c) => c.logInvalid)).toEqual([0, 1]);
    expect(p.summary.columns[1]!.action).toBe("1 ≤ −1 → rows dropped; log1p; z-score scaled");
    expect(p.summary.notes).toContain(
      "Dropped 1 rows where log1p is undefined (value ≤ −1): 1 in m.",
    );
  });
});
