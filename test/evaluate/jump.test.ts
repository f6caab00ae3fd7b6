import { describe, expect, it } from "vitest";
import { kmeans } from "../../src/cluster/kmeans.js";
import {
  jumpStatistic,
  sumOfSquaresAroundMean,
  sweepJump,
  type InertiaPoint,
} from "../../src/evaluate/jump.js";
import { fromRows, type DenseMatrix } from "../../src/shared/matrix.js";
import { blobs } from "./blobs.js";

/** Inertias of K-Means fits of `m` for k = 2..kMax. */
function curveOf(m: DenseMatrix, kMax: number): InertiaPoint[] {
  const curve: InertiaPoint[] = [];
  for (let k = 2; k <= kMax; k++) curve.push({ k, inertia: kmeans(m, { k, seed: 3 }).inertia });
  return curve;
}

describe("jumpStatistic (Sugar & James 2003)", () => {
  it("computes d(k) = W(k)/(n·p) and J(k) = d(k)^−p/2 − d(k−1)^−p/2 as worked by hand", () => {
    // n = 4, p = 1: W(1) = 101, W(2) = 1, W(3) = 0.5 → d = 25.25, 0.25, 0.125;
    // Y = 1/2 → d^−Y = 0.19901, 2, 2.82843; J = 0.19901, 1.80099, 0.82843.
    const result = jumpStatistic(
      [
        { k: 2, inertia: 1 },
        { k: 3, inertia: 0.5 },
      ],
      { rows: 4, features: 1, totalSumOfSquares: 101 },
    );
    expect(result.k).toEqual([1, 2, 3]);
    expect(result.distortion).toEqual([25.25, 0.25, 0.125]);
    expect(result.power).toBe(0.5);
    // J is reported scaled by the largest d^−Y (2.82843): the argmax is unchanged.
    const scale = 0.125 ** -0.5;
    const expected = [25.25 ** -0.5, 0.25 ** -0.5 - 25.25 ** -0.5, 0.125 ** -0.5 - 0.25 ** -0.5];
    result.jump.forEach((j, i) => expect(j * scale).toBeCloseTo(expected[i]!, 12));
    expect(result.bestK).toBe(2);
  });

  it("takes the power as given and only the k that follow k = 1 without a gap", () => {
    const curve = [
      { k: 2, inertia: 10 },
      { k: 4, inertia: 1 },
    ];
    const result = jumpStatistic(curve, { rows: 10, features: 2, totalSumOfSquares: 40, power: 3 });
    expect(result.k).toEqual([1, 2]);
    expect(result.power).toBe(3);
  });

  it("does not overflow with many features", () => {
    const result = jumpStatistic(
      [
        { k: 2, inertia: 100 },
        { k: 3, inertia: 20 },
      ],
      { rows: 10, features: 600, totalSumOfSquares: 6000 },
    );
    expect(result.jump.every(Number.isFinite)).toBe(true);
    expect(result.bestK).toBe(3);
  });

  it("names the bad option", () => {
    expect(() => jumpStatistic([], { rows: 0, features: 1, totalSumOfSquares: 1 })).toThrow(/rows/);
    expect(() => jumpStatistic([], { rows: 3, features: 1, totalSumOfSquares: 0 })).toThrow(
      /totalSumOfSquares/,
    );
  });
});

describe("sweepJump on K-Means fits", () => {
  it("finds three well-separated blobs in four dimensions", () => {
    const m = blobs(
      [
        [0, 0, 0, 0],
        [8, 0, 0, 0],
        [0, 8, 0, 0],
      ],
      60,
      11,
    );
    expect(sweepJump(m, curveOf(m, 8))?.bestK).toBe(3);
  });

  it("finds five blobs and, moved together, fewer", () => {
    const far = [0, 10, 20, 30, 40].map((x, i) => [x, (i % 2) * 10, 0]);
    const m = blobs(far, 50, 5);
    expect(sweepJump(m, curveOf(m, 9))?.bestK).toBe(5);
    const merged = blobs([[0, 0, 0]], 250, 5);
    expect(sweepJump(merged, curveOf(merged, 9))?.bestK).toBe(1);
  });

  it("W(1) is the sum of squares around the column means", () => {
    expect(
      sumOfSquaresAroundMean(
        fromRows([
          [0, 1],
          [2, 1],
          [4, 4],
        ]),
      ),
    ).toBeCloseTo(8 + 6, 12);
  });

  it("abstains when the sweep does not start at k = 2 or the rows are all the same", () => {
    const m = blobs([[0, 0]], 20, 1);
    expect(sweepJump(m, [{ k: 3, inertia: 5 }])).toBeUndefined();
    const same = fromRows([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(sweepJump(same, [{ k: 2, inertia: 0 }])).toBeUndefined();
  });
});
