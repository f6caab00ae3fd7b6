/**
 * What a K-Means report shows of a clustering beyond its numbers: the
 * profiles, a seeded sample of silhouettes for the knife plot and a seeded
 * sample of points on the first two principal components. Sampling for
 * display lives here, so the report layer only renders what it is given.
 */
import type { Clustering } from "../cluster/types.js";
import { silhouetteSamples } from "../evaluate/metrics.js";
import { samplePcaPoints } from "../evaluate/pca.js";
import {
  defaultClusterOrder,
  profileClusters,
  type ClusterOrder,
  type ProfiledClustering,
} from "../evaluate/profiles.js";
import type { Prepared } from "../prepare/types.js";
import type { ClusterReportData } from "../report/types.js";
import { takeRows } from "../shared/matrix.js";
import { cliMessages as msg } from "../shared/messages/index.js";
import { Random, sampleIndices } from "../shared/random.js";

/** Rows in the silhouette knife plot at most. */
export const KNIFE_SAMPLE = 2_000;
/** Points on the PCA map at most. */
export const PCA_SAMPLE = 3_000;

/**
 * The cluster order named by "feature" or "feature:asc" (descending by
 * default), or the default order (the monetary-looking feature, descending).
 *
 * @throws SegworkError when the feature is not one of `features`.
 * @example
 * clusterOrderOf("recency_days:asc", ["recency_days", "monetary"]) // => { feature: "recency_days", descending: false }
 */
export function clusterOrderOf(text: string | undefined, features: string[]): ClusterOrder {
  if (text === undefined) return defaultClusterOrder(features);
  const [feature, direction] = text.split(":");
  if (!feature || !features.includes(feature)) throw msg.unknownOrderBy(feature ?? "", features);
  return { feature, descending: direction !== "asc" };
}

/**
 * Profiles a clustering and gathers the report's silhouette and PCA samples
 * (seeded from `seed`, so the same run draws the same points).
 *
 * @example
 * const { profiled, report } = describeClustering(prepared, clustering, { seed: 7, showIds: false });
 * report.silhouette.sampleSize // => min(2000, rows)
 */
export function describeClustering(
  prepared: Prepared,
  clustering: Clustering,
  options: { seed: number; orderBy?: string; showIds: boolean },
): { profiled: ProfiledClustering; report: ClusterReportData } {
  const profiled = profileClusters(
    prepared,
    clustering,
    clusterOrderOf(options.orderBy, prepared.features),
  );
  const n = prepared.ids.length;
  const knifeRows = sampleIndices(n, KNIFE_SAMPLE, new Random(options.seed ^ 0x6b6e));
  const sampleLabels = Int32Array.from(knifeRows, (i) => profiled.labels[i]!);
  const distinctInSample = new Set(sampleLabels).size;
  const values =
    distinctInSample >= 2 && distinctInSample < knifeRows.length
      ? silhouetteSamples(takeRows(prepared.scaled, knifeRows), sampleLabels, clustering.k)
      : new Float64Array(knifeRows.length);
  let sum = 0;
  for (const v of values) sum += v;
  return {
    profiled,
    report: {
      k: clustering.k,
      inertia: clustering.inertia,
      profiles: profiled.profiles,
      silhouette: {
        values: Array.from(values, (silhouette, r) => ({ cluster: sampleLabels[r]!, silhouette })),
        sampleSize: knifeRows.length,
        totalRows: n,
        average: values.length > 0 ? sum / values.length : 0,
      },
      pca: samplePcaPoints(prepared.scaled, profiled.labels, {
        sampleSize: PCA_SAMPLE,
        rng: new Random(options.seed ^ 0x9ca),
      }),
      exampleIds: options.showIds ? exampleIds(prepared.ids, profiled.labels) : undefined,
    },
  };
}

/** The first five ids of each reported cluster. */
function exampleIds(ids: readonly string[], labels: Int32Array): Record<number, string[]> {
  const examples: Record<number, string[]> = {};
  for (let i = 0; i < ids.length; i++) {
    const list = (examples[labels[i]!] ??= []);
    if (list.length < 5) list.push(ids[i]!);
  }
  return examples;
}
