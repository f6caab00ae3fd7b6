import { mean, median } from "simple-statistics";
import type { Clustering } from "../cluster/types.js";
import type { Prepared, ScalerParameters } from "../prepare/types.js";
import { labelClusters } from "./labels.js";
import type { ClusterProfile, Profiles } from "./profile-types.js";

/** How clusters are ordered in reports and outputs. */
export interface ClusterOrder {
  feature: string;
  descending: boolean;
}

/** Profiles plus the renumbering that puts cluster 0 on top. */
export interface ProfiledClustering {
  profiles: Profiles;
  /** Reported cluster of each row (after ordering). */
  labels: Int32Array;
  /** `renumber[fitted] = reported`. */
  renumber: Int32Array;
  /** Centroids in reported order, scaled space, k × d row-major. */
  centroidsScaled: Float64Array;
  /** Centroids in reported order, original units (inverse of the scaler), k × d. */
  centroidsOriginal: Float64Array;
}

// "消费" alone is not enough: it also appears in recency names such as 最近消费天数.
const MONETARY = /monet|revenue|spend|amount|sales|value|clv|金额|收入|营收|销售额/i;

/**
 * The default ordering key: the first monetary-looking feature, descending
 * (so cluster 0 is the most valuable); otherwise the first feature, descending.
 */
export function defaultClusterOrder(features: string[]): ClusterOrder {
  return { feature: features.find((f) => MONETARY.test(f)) ?? features[0]!, descending: true };
}

/**
 * Describes each cluster (size, share, mean and median per feature in original
 * units, centroid in scaled units and as z-scores of the transformed feature),
 * orders clusters by `order` (ties broken by size, then fitted number) and
 * labels them uniquely.
 *
 * @example
 * const { profiles, labels } = profileClusters(prepared, clustering);
 * profiles.clusters[0].label // => e.g. "Very high spend · Frequent · Recent"
 */
export function profileClusters(
  prepared: Prepared,
  clustering: Clustering,
  order: ClusterOrder = defaultClusterOrder(prepared.features),
): ProfiledClustering {
  const { k } = clustering;
  const features = prepared.features;
  const d = features.length;
  const n = prepared.ids.length;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[clustering.labels[i]!]!.push(i);

  const orderColumn = features.indexOf(order.feature);
  const column = (m: { data: Float64Array }, rows: number[], j: number): number[] =>
    rows.map((i) => m.data[i * d + j]!);
  const overallScaled = features.map((_, j) => columnMoments(prepared.scaled.data, d, j));

  const fitted = members.map((rows, c) => {
    const meanOf: Record<string, number> = {};
    const medianOf: Record<string, number> = {};
    const centroidScaled: Record<string, number> = {};
    const zCentroid: Record<string, number> = {};
    features.forEach((f, j) => {
      const values = column(prepared.original, rows, j);
      meanOf[f] = rows.length > 0 ? mean(values) : NaN;
      medianOf[f] = rows.length > 0 ? median(values) : NaN;
      centroidScaled[f] = clustering.centroids[c * d + j]!;
      const scaledMean = rows.length > 0 ? mean(column(prepared.scaled, rows, j)) : NaN;
      const { mean: m, sd } = overallScaled[j]!;
      zCentroid[f] = sd > 0 ? (scaledMean - m) / sd : 0;
    });
    return { fittedCluster: c, size: rows.length, meanOf, medianOf, centroidScaled, zCentroid };
  });

  const renumber = renumberClusters(
    fitted.map((p) => ({ mean: p.meanOf[features[orderColumn]!]!, size: p.size })),
    order.descending,
  );
  const sorted = [...fitted].sort(
    (a, b) => renumber[a.fittedCluster]! - renumber[b.fittedCluster]!,
  );
  const names = labelClusters(sorted.map((p) => p.zCentroid));

  const clusters: ClusterProfile[] = sorted.map((p, reported) => ({
    cluster: reported,
    label: names[reported]!,
    size: p.size,
    share: p.size / n,
    mean: p.meanOf,
    median: p.medianOf,
    centroidScaled: p.centroidScaled,
    zCentroid: p.zCentroid,
  }));

  const labels = clustering.labels.map((c) => renumber[c]!);
  const centroidsScaled = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    centroidsScaled.set(clustering.centroids.subarray(c * d, c * d + d), renumber[c]! * d);
  }
  return {
    profiles: {
      k,
      features: [...features],
      orderedBy: `mean ${order.feature}, ${order.descending ? "descending" : "ascending"}`,
      clusters,
    },
    labels,
    renumber,
    centroidsScaled,
    centroidsOriginal: inverseScale(prepared.scaler, centroidsScaled),
  };
}

/**
 * The reported number of each fitted cluster (`renumber[fitted] = reported`):
 * clusters sorted by the mean of the ordering feature, ties broken by size
 * (larger first), then by fitted number.
 *
 * @example
 * renumberClusters([{ mean: 10, size: 5 }, { mean: 30, size: 2 }], true); // => Int32Array [1, 0]
 */
export function renumberClusters(
  clusters: readonly { mean: number; size: number }[],
  descending: boolean,
): Int32Array {
  const sign = descending ? -1 : 1;
  const fittedOrder = clusters
    .map((c, fitted) => ({ ...c, fitted }))
    .sort((a, b) => sign * (a.mean - b.mean) || b.size - a.size || a.fitted - b.fitted);
  const renumber = new Int32Array(clusters.length);
  fittedOrder.forEach((c, reported) => (renumber[c.fitted] = reported));
  return renumber;
}

/**
 * The reported numbering of any clustering of `prepared`'s rows, as
 * {@link profileClusters} numbers clusters (mean of `order.feature` in
 * original units), without profiling them.
 *
 * @example
 * clusterRenumber(prepared, clustering.labels, 4).length; // => 4
 */
export function clusterRenumber(
  prepared: Prepared,
  labels: Int32Array,
  k: number,
  order: ClusterOrder = defaultClusterOrder(prepared.features),
): Int32Array {
  const d = prepared.features.length;
  const j = prepared.features.indexOf(order.feature);
  const values: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++)
    values[labels[i]!]!.push(prepared.original.data[i * d + j]!);
  return renumberClusters(
    values.map((v) => ({ mean: v.length > 0 ? mean(v) : NaN, size: v.length })),
    order.descending,
  );
}

/** Maps scaled values back to original units: x = scale·z + center, then expm1 for log features. */
export function inverseScale(scaler: ScalerParameters, scaled: Float64Array): Float64Array {
  const d = scaler.features.length;
  const logged = scaler.features.map((f) => scaler.log.includes(f));
  const out = new Float64Array(scaled.length);
  for (let i = 0; i < scaled.length; i++) {
    const j = i % d;
    const t = scaled[i]! * scaler.scale[j]! + scaler.center[j]!;
    out[i] = logged[j] ? Math.expm1(t) : t;
  }
  return out;
}

function columnMoments(data: Float64Array, d: number, j: number): { mean: number; sd: number } {
  const n = data.length / d;
  let sum = 0;
  for (let i = j; i < data.length; i += d) sum += data[i]!;
  const m = sum / n;
  let ss = 0;
  for (let i = j; i < data.length; i += d) ss += (data[i]! - m) ** 2;
  return { mean: m, sd: Math.sqrt(ss / n) };
}
