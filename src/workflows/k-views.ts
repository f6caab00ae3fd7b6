/**
 * The data of the sweep report's per-k views, drawn from the sweep's own
 * silhouette sample (no new sampling, no new randomness): per k, each
 * cluster's silhouettes as a few sorted quantiles and the sample's rows on
 * the first two principal components coloured by that k's clusters.
 */
import { pca2 } from "../evaluate/pca.js";
import { clusterRenumber, type ClusterOrder } from "../evaluate/profiles.js";
import type { SweepResult } from "../evaluate/sweep.js";
import type { Prepared } from "../prepare/types.js";
import type { KView, KViewCluster, KViewsData } from "../report/sections/k-views.js";
import { thinPoints } from "../report/specs/pca.js";
import { takeRows } from "../shared/matrix.js";
import { evenQuantiles } from "../shared/stats.js";

/**
 * Points per k's PCA map at most. Each circle is about 125 bytes of SVG: nine
 * maps of 600 points added 1.05 MB to the demo report (1.96 MB in all, 2.27 MB
 * interactive, over the 2 MB budget); 300 uniformly drawn rows still show the
 * clusters' layout on the plane.
 */
export const K_VIEW_POINTS = 300;

/**
 * Knife bars of the largest cluster at most; the other clusters get bars in
 * proportion to their sample rows (at least one), so the knives keep their
 * relative thickness, as in scikit-learn's example, at ≤ 60 bars a cluster.
 */
export const K_VIEW_BARS = 60;

/**
 * Per-k views of a sweep: one entry per swept k, from the sweep's silhouette
 * sample, clusters numbered as the cluster report numbers them (`order`).
 *
 * @example
 * const views = kViewsOf(prepared, sweep, defaultClusterOrder(prepared.features), 4);
 * views.views.map((v) => v.k); // => [2, 3, …, 10]
 */
export function kViewsOf(
  prepared: Prepared,
  sweep: SweepResult,
  order: ClusterOrder,
  recommendedK: number,
): KViewsData {
  const { indices, values } = sweep.silhouetteSample;
  const n = prepared.scaled.rows;
  const sampleRows = indices ?? Int32Array.from({ length: n }, (_, i) => i);
  const sample = indices === null ? prepared.scaled : takeRows(prepared.scaled, indices);
  const pca = pca2(sample);
  // Positions within the sample: the sample is uniform, so an even stride is too.
  const shown = Int32Array.from(
    thinPoints(
      Array.from({ length: sampleRows.length }, (_, p) => p),
      K_VIEW_POINTS,
    ),
  );
  const projected = pca.project(takeRows(sample, shown));
  const views = sweep.rows.map((row): KView => {
    const clustering = sweep.clusterings.get(row.k)!;
    const renumber = clusterRenumber(prepared, clustering.labels, row.k, order);
    const clusterAt = (position: number): number =>
      renumber[clustering.labels[sampleRows[position]!]!]!;
    return {
      k: row.k,
      silhouette: row.silhouette,
      clusters: clusterSummaries(values.get(row.k)!, clusterAt, row.k),
      points: Array.from(shown, (position, r) => ({
        x: projected.data[2 * r]!,
        y: projected.data[2 * r + 1]!,
        cluster: clusterAt(position),
      })),
    };
  });
  return {
    sampleRows: sampleRows.length,
    totalRows: n,
    explained: pca.explained,
    views,
    recommendedK,
  };
}

/** Each non-empty cluster's sample silhouettes: count, mean, share below zero, thinned bars. */
function clusterSummaries(
  silhouettes: Float64Array,
  clusterAt: (position: number) => number,
  k: number,
): KViewCluster[] {
  const byCluster: number[][] = Array.from({ length: k }, () => []);
  silhouettes.forEach((s, position) => byCluster[clusterAt(position)]!.push(s));
  const largest = Math.max(...byCluster.map((list) => list.length));
  const scale = Math.min(1, K_VIEW_BARS / largest);
  return byCluster.flatMap((list, cluster) => {
    if (list.length === 0) return [];
    const sorted = [...list].sort((a, b) => b - a);
    return [
      {
        cluster,
        rows: list.length,
        mean: list.reduce((a, b) => a + b, 0) / list.length,
        negativeShare: list.filter((s) => s < 0).length / list.length,
        bars: evenQuantiles(sorted, Math.max(1, Math.round(list.length * scale))),
      },
    ];
  });
}
