import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { prepare, applyScaler } from "../../src/prepare/index.js";
import { tableFrom } from "../helpers/table.js";

const bytes = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe("prepare: original units built on first use", () => {
  it("scaled is applyScaler(original) bit for bit, with impute, clip, log and dropped rows", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.option(fc.double({ min: -0.5, max: 1e6, noNaN: true }), { nil: null }),
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          ),
          { minLength: 6, maxLength: 60 },
        ),
        fc.constantFrom("zscore", "robust", "minmax") as fc.Arbitrary<
          "zscore" | "robust" | "minmax"
        >,
        (rows, scale) => {
          const a = rows.map(([x]) => x ?? Number.NaN);
          const b = rows.map(([, y]) => y);
          const spread = (v: number[]): boolean =>
            new Set(v.filter((x) => !Number.isNaN(x))).size >= 3;
          fc.pre(spread(a) && spread(b));
          const p = prepare(tableFrom({ a, b }), {
            features: ["a", "b"],
            log: ["a"],
            impute: "median",
            clip: [0.1, 0.9],
            scale,
          });
          const again = applyScaler(p.scaler, p.original);
          expect(bytes(p.scaled.data).equals(bytes(again.data))).toBe(true);
          expect(p.original).toBe(p.original); // built once
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it("holds the kept rows' values after imputing and clipping (before log)", () => {
    // a: 1, NaN, 3, 100 → median of {1, 3, 100} = 3 fills the gap; clip at the
    // type-7 0.25/0.75 quantiles of {1, 3, 3, 100}: 2.5 and 27.25.
    const p = prepare(tableFrom({ a: [1, Number.NaN, 3, 100] }), {
      features: ["a"],
      impute: "median",
      clip: [0.25, 0.75],
    });
    expect(Array.from(p.original.data)).toEqual([2.5, 3, 3, 27.25]);
  });

  it("scaled data lives on shared memory (worker threads read it without a copy)", () => {
    const p = prepare(tableFrom({ x: [1, 2, 3, 4] }), { features: ["x"] });
    expect(p.scaled.data.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
