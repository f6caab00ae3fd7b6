/**
 * The indices on scikit-learn's own K-Means labels (k = 2..10, n_init=50,
 * random_state=0) equal scikit-learn 1.2.1's silhouette_score (exact),
 * calinski_harabasz_score and davies_bouldin_score.
 *
 * Tolerances: about 10 × the largest gap measured (2026-12, in brackets).
 * Real tables, relative: silhouette 5e-14 [3.2e-15], Calinski–Harabasz 5e-14
 * [5.4e-15], Davies–Bouldin 4e-8 [4.0e-9]; silhouette samples 1e-14 absolute
 * [8.9e-16]. Edge cases: 1e-14 for all [≤ 1.9e-15]. scikit-learn's
 * `pairwise_distances` uses ‖x‖² − 2x·y + ‖y‖², which loses about
 * sqrt(eps)·‖x‖ on a point close to its centroid; on Wholesale (outliers with
 * ‖x‖ ≈ 20) that moves Davies–Bouldin by up to 4e-9 relative (k=5). NumPy with
 * direct differences agrees with segwork's value exactly, so the gap is
 * sklearn's rounding, not a difference in definition.
 */
import { describe, expect, it } from "vitest";
import {
  calinskiHarabasz,
  daviesBouldin,
  silhouetteSamples,
  silhouetteScore,
} from "../../src/evaluate/metrics.js";
import {
  edgeCase,
  loadEdgeCases,
  loadReal,
  relativeError,
  scaledMatrix,
} from "./sklearn-fixtures.js";

const RELATIVE = 5e-14;
const DB_RELATIVE = 4e-8;
const SAMPLES = 1e-14;
const EDGE = 1e-14;

for (const name of ["wholesale", "online-retail"] as const) {
  describe(`agreement with scikit-learn on ${name}`, () => {
    const fixture = loadReal(name);
    const m = scaledMatrix(fixture);

    it("fixture is the full scaled table with sklearn's versions recorded", () => {
      expect(m.rows).toBe(name === "wholesale" ? 440 : 4330);
      expect(fixture.versions.sklearn).toBe("1.2.1");
      expect(fixture.sweep.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    for (const row of fixture.sweep) {
      it(`k=${row.k}: silhouette, Calinski–Harabasz and Davies–Bouldin within 5e-14 / 5e-14 / 4e-8 relative`, () => {
        const labels = Int32Array.from(row.labels);
        const silhouette = silhouetteScore(m, labels, row.k);
        expect(silhouette.exact).toBe(true);
        expect(silhouette.sampleSize).toBe(m.rows);
        expect(relativeError(silhouette.score, row.silhouette)).toBeLessThanOrEqual(RELATIVE);
        expect(
          relativeError(calinskiHarabasz(m, labels, row.k), row.calinskiHarabasz),
        ).toBeLessThanOrEqual(RELATIVE);
        expect(
          relativeError(daviesBouldin(m, labels, row.k), row.daviesBouldin),
        ).toBeLessThanOrEqual(DB_RELATIVE);
      });
    }

    it(`silhouette samples for k=${fixture.silhouetteSamples.k} within 1e-14 absolute per row`, () => {
      const k = fixture.silhouetteSamples.k;
      const labels = Int32Array.from(fixture.sweep.find((r) => r.k === k)!.labels);
      const ours = silhouetteSamples(m, labels, k);
      let worst = 0;
      for (let i = 0; i < m.rows; i++)
        worst = Math.max(worst, Math.abs(ours[i]! - fixture.silhouetteSamples.values[i]!));
      expect(worst).toBeLessThanOrEqual(SAMPLES);
    });
  });
}

describe("agreement with scikit-learn on the edge cases", () => {
  for (const c of loadEdgeCases()) {
    it(`${c.name}: samples within 1e-14 absolute, indices within 1e-14 relative (${c.note})`, () => {
      const { m, labels, k } = edgeCase(c.name);
      const samples = silhouetteSamples(m, labels, k);
      for (let i = 0; i < m.rows; i++)
        expect(Math.abs(samples[i]! - c.silhouetteSamples[i]!)).toBeLessThanOrEqual(EDGE);
      expect(relativeError(silhouetteScore(m, labels, k).score, c.silhouette)).toBeLessThanOrEqual(
        EDGE,
      );
      expect(relativeError(calinskiHarabasz(m, labels, k), c.calinskiHarabasz)).toBeLessThanOrEqual(
        EDGE,
      );
      expect(relativeError(daviesBouldin(m, labels, k), c.daviesBouldin)).toBeLessThanOrEqual(EDGE);
    });
  }

  it("singleton: the lone point scores exactly 0", () => {
    const { m, labels, k } = edgeCase("singleton");
    expect(silhouetteSamples(m, labels, k)[11]).toBe(0);
  });

  it("coincident centroids: Davies–Bouldin is exactly 0; zero within-dispersion: Calinski–Harabasz is exactly 1", () => {
    const a = edgeCase("coincident-centroids");
    expect(daviesBouldin(a.m, a.labels, a.k)).toBe(0);
    const b = edgeCase("zero-within-dispersion");
    expect(calinskiHarabasz(b.m, b.labels, b.k)).toBe(1);
  });
});
