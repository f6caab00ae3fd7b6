import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  gapFromLogW,
  gapStatistic,
  logDispersions,
  type GapResult,
} from "../../src/evaluate/gap.js";
import {
  drawReference,
  referenceFrame,
  type GapReferenceSpace,
  type ReferenceFrame,
} from "../../src/evaluate/gap-reference.js";
import { GAP_RULES, maxSE, type GapRule } from "../../src/evaluate/gap-rules.js";
import { withinDispersion } from "../../src/evaluate/within-dispersion.js";
import { type DenseMatrix, fromRows } from "../../src/shared/matrix.js";
import {
  badEvaluateOption,
  maxSEBadValue,
  maxSELengthMismatch,
  tooFewRowsForK,
} from "../../src/shared/messages/evaluate.js";
import { Random } from "../../src/shared/random.js";
import { errorOf } from "../helpers/errors.js";
import { blobs, uniformRows } from "./blobs.js";

interface RRun {
  space: GapReferenceSpace;
  dPower: number;
  V: number[] | null;
  ranges: number[];
  uniforms: number[][];
  observedLabels: number[][];
  referenceLabels: number[][][];
  logW: number[];
  expectedLogW: number[];
  gap: number[];
  se: number[];
  maxSE: Record<GapRule, number>;
}
interface RFixture {
  x: number[];
  rows: number;
  cols: number;
  kMax: number;
  references: number;
  maxSEHelpPage: { f: number[]; "SE.f": number[]; SEfactor1: number[]; SEfactor2: number[] };
  runs: RRun[];
}

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/gap/clusgap.json", import.meta.url), "utf8"),
) as RFixture;
const x: DenseMatrix = {
  data: Float64Array.from(fixture.x),
  rows: fixture.rows,
  cols: fixture.cols,
};

/** Brute force R's W.k: ½ Σ_r Σ_{i<j∈r} d^p / n_r. */
function bruteW(m: DenseMatrix, labels: Int32Array, k: number, p: number): number {
  let w = 0;
  for (let c = 0; c < k; c++) {
    const members = [...labels.keys()].filter((i) => labels[i] === c);
    let sum = 0;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        let s = 0;
        for (let f = 0; f < m.cols; f++) {
          const t = m.data[members[a]! * m.cols + f]! - m.data[members[b]! * m.cols + f]!;
          s += t * t;
        }
        sum += Math.sqrt(s) ** p;
      }
    }
    if (members.length > 0) w += sum / members.length;
  }
  return 0.5 * w;
}

/** TS's frame with each rotated column signed as R's V (LAPACK's signs are arbitrary). */
function alignedToR(frame: ReferenceFrame, rV: number[]): ReferenceFrame {
  const d = frame.mean.length;
  const rotation = Float64Array.from(frame.rotation!);
  const min = Float64Array.from(frame.min);
  const max = Float64Array.from(frame.max);
  for (let j = 0; j < d; j++) {
    let dot = 0;
    for (let f = 0; f < d; f++) dot += rotation[f * d + j]! * rV[j * d + f]!; // R: column-major
    if (dot < 0) {
      for (let f = 0; f < d; f++) rotation[f * d + j] = -rotation[f * d + j]!;
      [min[j], max[j]] = [-frame.max[j]!, -frame.min[j]!];
    }
  }
  return { ...frame, rotation, min, max };
}

describe("maxSE, as R's cluster::maxSE", () => {
  const { f, "SE.f": se, SEfactor1, SEfactor2 } = fixture.maxSEHelpPage;

  it("the ?clusGap help-page vector, SE.factor 1 and 2 (R 4.2.2, cluster 2.1.4)", () => {
    expect(GAP_RULES.map((rule) => maxSE(f, se, rule, 1))).toEqual([3, 3, 5, 3, 6]);
    expect(GAP_RULES.map((rule) => maxSE(f, se, rule, 2))).toEqual([2, 1, 3, 3, 6]);
    // the same numbers as R printed into the fixture
    expect([3, 3, 5, 3, 6]).toEqual(SEfactor1);
    expect([2, 1, 3, 3, 6]).toEqual(SEfactor2);
  });

  it("hand-worked edge cases: a falling curve gives 1, a rising one K", () => {
    const zero = [0, 0, 0];
    expect(GAP_RULES.map((rule) => maxSE([3, 2, 1], zero, rule))).toEqual([1, 1, 1, 1, 1]);
    expect(GAP_RULES.map((rule) => maxSE([1, 2, 3], zero, rule))).toEqual([3, 3, 3, 3, 3]);
    // rising but every step within one SE: the 1-SE rules fall back to k = 1
    expect(GAP_RULES.map((rule) => maxSE([1, 1.1, 1.2], [0.5, 0.5, 0.5], rule))).toEqual([
      1, 1, 1, 3, 3,
    ]);
    expect(maxSE([5], [1])).toBe(1);
  });

  it("refuses bad input with the catalogue's messages", () => {
    expect(errorOf(() => maxSE([1, 2], [1]))).toEqual(maxSELengthMismatch(2, 1));
    expect(errorOf(() => maxSE([], []))).toEqual(maxSELengthMismatch(0, 0));
    expect(errorOf(() => maxSE([1, NaN], [1, 1]))).toEqual(maxSEBadValue("f", 1, NaN));
    expect(errorOf(() => maxSE([1, 2], [1, -1]))).toEqual(maxSEBadValue("SE.f", 1, -1));
    expect(errorOf(() => maxSE([1, 2], [1, 1], "firstSEmax", -1))).toEqual(
      badEvaluateOption("maxSE", "SE.factor", "-1", "a finite number ≥ 0"),
    );
    expect(errorOf(() => maxSE([1, 2], [1, 1], "best" as GapRule))).toEqual(
      badEvaluateOption("maxSE", "method", "best", GAP_RULES.join(", ")),
    );
  });
});

describe("withinDispersion: R's W.k", () => {
  it("hand-worked: rows 0, 1, 3 | 10, 14", () => {
    const m = fromRows([[0], [1], [3], [10], [14]]);
    const labels = Int32Array.of(0, 0, 0, 1, 1);
    // cluster 0: pairs 1 + 3 + 2 = 6, / 3 = 2; cluster 1: 4 / 2 = 2; W = ½ (2 + 2) = 2
    // squared: (1 + 9 + 4) / 3 + 16 / 2 = 14/3 + 8; W = ½ · 38/3 = 19/3
    expect(withinDispersion(m, [{ labels, k: 2 }], 1)[0]).toBe(2);
    expect(withinDispersion(m, [{ labels, k: 2 }], 2)[0]).toBeCloseTo(19 / 3, 14);
  });

  it("agrees with brute force across tiles, powers and an empty cluster (1e-12 relative)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 1, max: 11 }),
        fc.constantFrom(1, 1.5, 2, 3),
        fc.integer({ min: 0, max: 1000 }),
        (n, d, p, seed) => {
          const rng = new Random(seed);
          const m = {
            data: Float64Array.from({ length: n * d }, () => rng.normal()),
            rows: n,
            cols: d,
          };
          const labelings = [1, 2, 5].map((k) => ({
            k: k + 1, // label k never used: an empty cluster
            labels: Int32Array.from({ length: n }, () => rng.int(k)),
          }));
          const w = withinDispersion(m, labelings, p);
          labelings.forEach(({ labels, k }, l) => {
            const expected = bruteW(m, labels, k, p);
            expect(Math.abs(w[l]! - expected)).toBeLessThanOrEqual(1e-12 * expected + 1e-300);
          });
        },
      ),
      { seed: 13, numRuns: 25 },
    );
  });
});

describe("the gap statistic agrees with R's clusGap (same clusterings, same reference draws)", () => {
  for (const run of fixture.runs) {
    it(`spaceH0 = ${run.space}, d.power = ${run.dPower}: logW, E.logW, gap, SE.sim to 1e-9 and every maxSE rule`, () => {
      const kMax = fixture.kMax;
      const B = fixture.references;
      const frame = referenceFrame(x, run.space);
      if (run.space === "scaledPCA") {
        // V equals R's up to the sign of each column (measured |Δ| ≈ 1e-15)
        const d = x.cols;
        for (let j = 0; j < d; j++) {
          let dot = 0;
          for (let f = 0; f < d; f++) dot += frame.rotation![f * d + j]! * run.V![j * d + f]!;
          const sign = Math.sign(dot);
          for (let f = 0; f < d; f++) {
            expect(Math.abs(sign * frame.rotation![f * d + j]! - run.V![j * d + f]!)).toBeLessThan(
              1e-12,
            );
          }
        }
      }
      const aligned = run.space === "scaledPCA" ? alignedToR(frame, run.V!) : frame;
      for (let j = 0; j < x.cols; j++) {
        expect(Math.abs(aligned.min[j]! - run.ranges[2 * j]!)).toBeLessThan(1e-12);
        expect(Math.abs(aligned.max[j]! - run.ranges[2 * j + 1]!)).toBeLessThan(1e-12);
      }
      const observed = logDispersions(x, kMax, run.dPower, (k) =>
        Int32Array.from(run.observedLabels[k - 2]!),
      );
      const referenceLogW = new Float64Array(B * kMax);
      for (let b = 0; b < B; b++) {
        const u = run.uniforms[b]!.values(); // column-major n × p, the order drawReference takes
        const z = drawReference(aligned, x.rows, () => u.next().value!);
        referenceLogW.set(
          logDispersions(z, kMax, run.dPower, (k) =>
            Int32Array.from(run.referenceLabels[b]![k - 2]!),
          ),
          b * kMax,
        );
      }
      const results = GAP_RULES.map((rule) =>
        gapFromLogW(observed, referenceLogW, {
          references: B,
          rule,
          seFactor: 1,
          dPower: run.dPower,
          space: run.space,
          rows: x.rows,
          sampled: false,
        }),
      );
      const result = results[0]!;
      for (let k = 0; k < kMax; k++) {
        // measured differences are ≤ 1e-14; 1e-9 is the bound
        expect(Math.abs(result.logW[k]! - run.logW[k]!)).toBeLessThan(1e-9);
        expect(Math.abs(result.expectedLogW[k]! - run.expectedLogW[k]!)).toBeLessThan(1e-9);
        expect(Math.abs(result.gap[k]! - run.gap[k]!)).toBeLessThan(1e-9);
        expect(Math.abs(result.se[k]! - run.se[k]!)).toBeLessThan(1e-9);
      }
      expect(results.map((r) => r.bestK)).toEqual(GAP_RULES.map((rule) => run.maxSE[rule]));
    });
  }

  it("gapStatistic with R's clusterings of the data gives R's logW", () => {
    const run = fixture.runs[0]!;
    const result = gapStatistic(x, {
      kMax: fixture.kMax,
      seed: 1,
      references: 5,
      cluster: (m, k, set) =>
        set === 0
          ? Int32Array.from(run.observedLabels[k - 2]!)
          : Int32Array.from({ length: m.rows }, (_, i) => i % k),
    });
    for (let k = 0; k < fixture.kMax; k++)
      expect(Math.abs(result.logW[k]! - run.logW[k]!)).toBeLessThan(1e-12);
  });
});

describe("gapStatistic finds the structure", () => {
  it("three well-separated blobs → 3 by both 1-SE rules", () => {
    const m = blobs(
      [
        [0, 0],
        [10, 0],
        [5, 9],
      ],
      60,
      3,
    );
    const firstSE = gapStatistic(m, { kMax: 8, seed: 11 });
    const tibs = gapStatistic(m, { kMax: 8, seed: 11, rule: "Tibs2001SEmax" });
    expect(firstSE.bestK).toBe(3);
    expect(tibs.bestK).toBe(3);
    expect(firstSE.gap).toEqual(tibs.gap); // the rule only reads the curve
  });

  it("uniform noise → 1 by both 1-SE rules", () => {
    const m = uniformRows(300, 3, 5);
    expect(gapStatistic(m, { kMax: 8, seed: 2 }).bestK).toBe(1);
    expect(gapStatistic(m, { kMax: 8, seed: 2, rule: "Tibs2001SEmax" }).bestK).toBe(1);
  });

  it("d.power = 2 and the original space find the blobs too", () => {
    const m = blobs(
      [
        [0, 0, 0],
        [8, 0, 0],
        [0, 8, 0],
        [0, 0, 8],
      ],
      40,
      9,
    );
    expect(gapStatistic(m, { kMax: 7, seed: 4, dPower: 2 }).bestK).toBe(4);
    expect(gapStatistic(m, { kMax: 7, seed: 4, space: "original" }).bestK).toBe(4);
  });
});

describe("gapStatistic: seeds, sampling, progress, options", () => {
  const m = blobs(
    [
      [0, 0],
      [6, 0],
      [3, 5],
    ],
    100,
    1,
  );

  it("the same seed gives identical results; another seed other draws", () => {
    const a = gapStatistic(m, { kMax: 5, seed: 3, references: 10 });
    const b = gapStatistic(m, { kMax: 5, seed: 3, references: 10 });
    const c = gapStatistic(m, { kMax: 5, seed: 4, references: 10 });
    expect(a).toEqual(b);
    expect(c.referenceLogW).not.toEqual(a.referenceLogW);
  });

  it("samples above sampleSize, seeded, and says so", () => {
    const a: GapResult = gapStatistic(m, { kMax: 4, seed: 3, references: 4, sampleSize: 120 });
    expect(a).toMatchObject({ rows: 120, sampled: true });
    expect(gapStatistic(m, { kMax: 4, seed: 3, references: 4, sampleSize: 120 })).toEqual(a);
    expect(gapStatistic(m, { kMax: 4, seed: 3, references: 4, sampleSize: null })).toMatchObject({
      rows: 300,
      sampled: false,
    });
  });

  it("reports progress after the data and each reference set", () => {
    const seen: string[] = [];
    gapStatistic(m, {
      kMax: 3,
      seed: 1,
      references: 3,
      onProgress: (d, t) => seen.push(`${d}/${t}`),
    });
    expect(seen).toEqual(["1/4", "2/4", "3/4", "4/4"]);
  });

  it("refuses bad options with the catalogue's messages", () => {
    expect(errorOf(() => gapStatistic(m, { kMax: 1, seed: 1 }))).toEqual(
      badEvaluateOption("gap", "kMax", "1", "an integer ≥ 2"),
    );
    expect(errorOf(() => gapStatistic(m, { kMax: 3, seed: 1, references: 1 }))).toEqual(
      badEvaluateOption("gap", "references", "1", "an integer ≥ 2"),
    );
    expect(errorOf(() => gapStatistic(m, { kMax: 3, seed: 1, dPower: 0 }))).toEqual(
      badEvaluateOption("gap", "dPower", "0", "a finite number > 0"),
    );
    expect(errorOf(() => gapStatistic(m, { kMax: 3, seed: 1.5 }))).toEqual(
      badEvaluateOption("gap", "seed", "1.5", "an integer"),
    );
    expect(
      errorOf(() => gapStatistic(m, { kMax: 3, seed: 1, space: "pca" as GapReferenceSpace })),
    ).toEqual(badEvaluateOption("gap", "space", "pca", '"scaledPCA" or "original"'));
    expect(errorOf(() => gapStatistic(fromRows([[1], [2]]), { kMax: 3, seed: 1 }))).toEqual(
      tooFewRowsForK("the gap statistic", 2, 3),
    );
  });
});
