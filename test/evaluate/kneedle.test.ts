import { describe, expect, it } from "vitest";
import { kneedle, type KneedleOptions } from "../../src/evaluate/metrics.js";
import { errorOf } from "../helpers/errors.js";

const convexDecreasing: KneedleOptions = { curve: "convex", direction: "decreasing" };
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/*
 * Expected knees from the kneed package's own tests and data generator
 * (github.com/arvkevi/kneed, tests/test_sample.py and kneed/data_generator.py,
 * v0.8): figure2, concave/convex × increasing/decreasing, their truncated
 * versions, bumpy (interp1d 26, polynomial 28), flat maxima (S=0 → 1,
 * S=1 → 8), sine with online=True, y_no_knee, x_equals_y.
 */
describe("kneedle agrees with kneed's test suite", () => {
  const x10 = range(0, 9);
  const convexIncreasing = [1, 2, 3, 4, 5, 10, 15, 20, 40, 100];
  const convexDecreasingY = [100, 40, 20, 15, 10, 5, 4, 3, 2, 1];
  const concaveDecreasing = [99, 98, 97, 96, 95, 90, 85, 80, 60, 0];
  const concaveIncreasing = [0, 60, 80, 85, 90, 95, 96, 97, 98, 99];

  for (const interpolation of ["none", "polynomial"] as const) {
    it(`figure 2 of the paper (y = 5 − 1/(x + 0.1)): knee 0.22 within 5% (${interpolation})`, () => {
      const x = Array.from({ length: 10 }, (_, i) => i / 9); // np.linspace(0, 1, 10)
      const y = x.map((v) => 5 - 1 / (v + 0.1));
      const result = kneedle(x, y, { curve: "concave", direction: "increasing", interpolation });
      expect(Math.abs(result.knee! - 0.22) / 0.22).toBeLessThanOrEqual(0.05);
      expect(result.kneeIndex).toBe(2);
    });

    it(`the four shapes: concave inc 2, concave dec 7, convex inc 7, convex dec 2 (${interpolation})`, () => {
      expect(
        kneedle(x10, concaveIncreasing, {
          curve: "concave",
          direction: "increasing",
          interpolation,
        }).knee,
      ).toBe(2);
      expect(
        kneedle(x10, concaveDecreasing, {
          curve: "concave",
          direction: "decreasing",
          interpolation,
        }).knee,
      ).toBe(7);
      expect(
        kneedle(x10, convexIncreasing, { curve: "convex", direction: "increasing", interpolation })
          .knee,
      ).toBe(7);
      expect(kneedle(x10, convexDecreasingY, { ...convexDecreasing, interpolation }).knee).toBe(2);
    });

    it(`truncated shapes (x[:-3]/10, y[:-3]/10): 0.2, 0.4, 0.4, 0.2 (${interpolation})`, () => {
      const cut = (v: number[]): number[] => v.slice(0, -3).map((a) => a / 10);
      const x = cut(x10);
      const knee = (y: number[], options: KneedleOptions): number | null =>
        kneedle(x, cut(y), { ...options, interpolation }).knee;
      expect(knee(concaveIncreasing, { curve: "concave", direction: "increasing" })).toBe(0.2);
      expect(knee(concaveDecreasing, { curve: "concave", direction: "decreasing" })).toBe(0.4);
      expect(knee(convexIncreasing, { curve: "convex", direction: "increasing" })).toBe(0.4);
      expect(knee(convexDecreasingY, convexDecreasing)).toBe(0.2);
    });
  }

  const bumpy = [
    7305.0, 6979.0, 6666.6, 6463.2, 6326.5, 6048.8, 6032.8, 5762.0, 5742.8, 5398.2, 5256.8, 5227.0,
    5001.7, 4942.0, 4854.2, 4734.6, 4558.7, 4491.1, 4411.6, 4333.0, 4234.6, 4139.1, 4056.8, 4022.5,
    3868.0, 3808.3, 3745.3, 3692.3, 3645.6, 3618.3, 3574.3, 3504.3, 3452.4, 3401.2, 3382.4, 3340.7,
    3301.1, 3247.6, 3190.3, 3180.0, 3154.2, 3089.5, 3045.6, 2989.0, 2993.6, 2941.3, 2875.6, 2866.3,
    2834.1, 2785.1, 2759.7, 2763.2, 2720.1, 2660.1, 2690.2, 2635.7, 2632.9, 2574.6, 2556.0, 2545.7,
    2513.4, 2491.6, 2496.0, 2466.5, 2442.7, 2420.5, 2381.5, 2388.1, 2340.6, 2335.0, 2318.9, 2319.0,
    2308.2, 2262.2, 2235.8, 2259.3, 2221.0, 2202.7, 2184.3, 2170.1, 2160.0, 2127.7, 2134.7, 2102.0,
    2101.4, 2066.4, 2074.3, 2063.7, 2048.1, 2031.9,
  ];

  it("bumpy convex decreasing curve: 26 without smoothing, 28 with the degree-7 polynomial", () => {
    const x = range(0, 89);
    expect(kneedle(x, bumpy, convexDecreasing).knee).toBe(26);
    expect(kneedle(x, bumpy, { ...convexDecreasing, interpolation: "polynomial" }).knee).toBe(28);
  });

  it("bumpy in online mode collects every knee it passes (kneed: {26, 31, 41, 46, 53}) and returns the last", () => {
    const result = kneedle(range(0, 89), bumpy, { ...convexDecreasing, online: true });
    expect([...result.allKnees].sort((a, b) => a - b)).toEqual([26, 31, 41, 46, 53]);
    expect(result.knee).toBe(result.allKnees.at(-1));
  });

  it("flat maxima: S=0 takes the first local maximum (1), S=1 the global one (8)", () => {
    const y = [
      1, 0.787701317715959, 0.7437774524158126, 0.6559297218155198, 0.5065885797950219,
      0.36749633967789164, 0.2547584187408492, 0.16251830161054173, 0.10395314787701318,
      0.06734992679355783, 0.043923865300146414, 0.027818448023426062, 0.01903367496339678,
      0.013177159590043924, 0.010248901903367497, 0.007320644216691069, 0.005856515373352855,
      0.004392386530014641,
    ];
    const x = range(0, 17);
    expect(kneedle(x, y, { ...convexDecreasing, sensitivity: 0 }).knee).toBe(1);
    expect(kneedle(x, y, { ...convexDecreasing, sensitivity: 1 }).knee).toBe(8);
  });

  it("sine over [0, 10) in online mode: 4.5, 4.9, 7.7, 1.8 for the four shapes", () => {
    const x = Array.from({ length: 100 }, (_, i) => i * 0.1); // np.arange(0, 10, 0.1)
    const y = x.map(Math.sin);
    const combos: [KneedleOptions["direction"], KneedleOptions["curve"], number][] = [
      ["decreasing", "convex", 4.5],
      ["increasing", "convex", 4.9],
      ["increasing", "concave", 7.7],
      ["decreasing", "concave", 1.8],
    ];
    for (const [direction, curve, expected] of combos) {
      expect(kneedle(x, y, { curve, direction, online: true }).knee).toBeCloseTo(expected, 10);
    }
  });

  it("three points of exp(−x/10) have no knee; a constant y has none", () => {
    expect(
      kneedle([1, 2, 3], [0.90483742, 0.81873075, 0.74081822], convexDecreasing).knee,
    ).toBeNull();
    expect(
      kneedle(range(0, 9), new Array(10).fill(1), { curve: "concave", direction: "increasing" }),
    ).toMatchObject({
      knee: null,
      kneeIndex: null,
      normalizedKnee: null,
      allKnees: [],
    });
  });
});

describe("kneedle on planted knees", () => {
  it("piecewise-linear with its break at x=4", () => {
    // slope −20 up to x=4, then −2: y = 100, 80, 60, 40, 38, 36, …, 28
    const x = range(1, 10);
    const y = x.map((v) => (v <= 4 ? 100 - 20 * (v - 1) : 40 - 2 * (v - 4)));
    expect(kneedle(x, y, convexDecreasing).knee).toBe(4);
    // the mirror image (increasing, concave) has the same break
    expect(
      kneedle(
        x,
        y.map((v) => -v),
        { curve: "concave", direction: "increasing" },
      ).knee,
    ).toBe(4);
  });

  it("y = 1/x on 1..10: knee at 3", () => {
    // normalised: x' = (x−1)/9, y' = (1/x − 0.1)/0.9; slope dy'/dx' = −10/x² = −1 at x = √10 ≈ 3.16.
    // Difference curve 1 − y' − x': x=3 → 0.5185, x=4 → 0.5, x=5 → 0.4444, x=6 → 0.3704.
    // Threshold 0.5185 − 1/9 = 0.4074 is crossed at x=6 with no minimum before → knee 3.
    const x = range(1, 10);
    const result = kneedle(
      x,
      x.map((v) => 1 / v),
      convexDecreasing,
    );
    expect(result.knee).toBe(3);
    expect(result.differenceCurve[2]).toBeCloseTo(1 - (1 / 3 - 0.1) / 0.9 - 2 / 9, 14);
  });

  it("exponential decay e^(−x) on 0..10: knee at 2 (continuous knee at ln 10 ≈ 2.30)", () => {
    const x = range(0, 10);
    expect(
      kneedle(
        x,
        x.map((v) => Math.exp(-v)),
        convexDecreasing,
      ).knee,
    ).toBe(2);
  });

  it("an elbow at k=5 planted in an inertia-like curve over k=2..10", () => {
    // inertia falls by 1000, 800, 600 to k=5, then by 60 per step
    const k = range(2, 10);
    const inertia = [5000, 4000, 3200, 2600, 2540, 2480, 2420, 2360, 2300];
    expect(kneedle(k, inertia, convexDecreasing).knee).toBe(5);
  });

  it("a straight line has no knee, for both curve shapes, even with /9 rounding", () => {
    // 1 − 8/9 ≠ 1/9 in binary: without the tie tolerance the difference curve would dip below 0
    const x = range(1, 10);
    const cases = [
      { y: x.map((v) => 3 * v + 1), direction: "increasing" as const },
      { y: x.map((v) => 50 - 0.7 * v), direction: "decreasing" as const },
    ];
    for (const { y, direction } of cases) {
      for (const curve of ["convex", "concave"] as const) {
        const result = kneedle(x, y, { curve, direction });
        expect(result.knee).toBeNull();
        for (const v of result.differenceCurve) expect(Math.abs(v)).toBeLessThanOrEqual(1e-15);
      }
    }
  });

  it("three points: no knee with S=1, the middle point with S=0", () => {
    // x' = [0, 0.5, 1], y' = [1, 0.25, 0] → 1 − y' = [0, 0.75, 1]; difference = [0, 0.25, 0]
    // maximum at index 1; threshold 0.25 − S·0.5: S=1 → −0.25 (never crossed), S=0 → 0.25 (crossed at index 2)
    const result = kneedle([0, 1, 2], [4, 1, 0], convexDecreasing);
    expect(result.differenceCurve).toEqual([0, 0.25, 0]);
    expect(result.knee).toBeNull();
    expect(kneedle([0, 1, 2], [4, 1, 0], { ...convexDecreasing, sensitivity: 0 }).knee).toBe(1);
  });

  it("reports normalised curves and the knee's position on them", () => {
    const result = kneedle([0, 1, 2, 3, 4], [16, 4, 1, 0.5, 0], convexDecreasing);
    expect(result.normalizedX).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(result.normalizedY).toEqual([0, 0.75, 0.9375, 0.96875, 1]); // 1 − y/16
    expect(result.differenceCurve).toEqual([0, 0.5, 0.4375, 0.21875, 0]);
    expect(result).toMatchObject({ knee: 1, kneeIndex: 1, normalizedKnee: 0.25, allKnees: [1] });
  });
});

describe("kneedle errors", () => {
  it("lengths, too few points, non-finite values, unsorted x", () => {
    expect(errorOf(() => kneedle([1, 2, 3], [1, 2], convexDecreasing)).message).toBe(
      "knee detection needs as many x values as y values (got 3 x and 2 y)",
    );
    expect(errorOf(() => kneedle([1, 2], [1, 2], convexDecreasing)).message).toBe(
      "knee detection needs at least 3 points (got 2); sweep more values of k",
    );
    expect(errorOf(() => kneedle([1, 2, 3], [1, Number.NaN, 2], convexDecreasing)).message).toBe(
      "knee detection got y[1] = NaN; every value must be a finite number",
    );
    expect(errorOf(() => kneedle([1, Infinity, 3], [1, 2, 3], convexDecreasing)).message).toBe(
      "knee detection got x[1] = Infinity; every value must be a finite number",
    );
    expect(errorOf(() => kneedle([1, 3, 3], [3, 2, 1], convexDecreasing)).message).toBe(
      "knee detection needs strictly increasing x values, but x[2] = 3 follows 3; sort the points by x",
    );
  });

  it("invalid options", () => {
    const x = [1, 2, 3];
    const y = [3, 2, 1];
    const bad = (options: object): string =>
      errorOf(() => kneedle(x, y, { ...convexDecreasing, ...options } as KneedleOptions)).message;
    expect(bad({ curve: "wavy" })).toBe(
      'knee option curve must be "convex" or "concave" (got wavy)',
    );
    expect(bad({ direction: "up" })).toBe(
      'knee option direction must be "increasing" or "decreasing" (got up)',
    );
    expect(bad({ sensitivity: -1 })).toBe(
      "knee option sensitivity must be a finite number ≥ 0 (got -1)",
    );
    expect(bad({ interpolation: "spline" })).toBe(
      'knee option interpolation must be "none" or "polynomial" (got spline)',
    );
    expect(bad({ polynomialDegree: 0 })).toBe(
      "knee option polynomialDegree must be an integer ≥ 1 (got 0)",
    );
  });
});
