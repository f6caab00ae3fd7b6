/**
 * How far a later table has moved from the one the model was fitted on: per
 * feature, the new table's statistics beside the saved scaler's, and per
 * cluster, today's share beside the share at fit time.
 */
import type { Table } from "../load/types.js";
import { applyScaler } from "../prepare/scaler.js";
import type { ScalingMethod } from "../prepare/types.js";
import { quantileType7 } from "../shared/stats.js";
import { clusterLabels, type SegworkModel } from "./model.js";
import { RowStatus, type GradeResult } from "./grade.js";

/** One feature of the new table against the saved scaler (all in the transformed space: after clip and log1p). */
export interface FeatureDrift {
  feature: string;
  /** The transform before scaling, e.g. "clip, log1p". */
  transform: string;
  method: ScalingMethod;
  /** The saved scaler: mean and sd (zscore), median and IQR (robust), min and range (minmax), 0 and 1 (none). */
  model: { center: number; scale: number };
  /** The scored rows of the new table: mean and population sd, and center and scale of the model's kind (null for `none`). */
  now: { mean: number; sd: number; center: number | null; scale: number | null };
  /** (now.center − model.center) / model.scale: how many fit-time scales the center moved (null for `none`). */
  centerShift: number | null;
  /** now.scale / model.scale (null for `none`). */
  scaleRatio: number | null;
}

/** One cluster's share of the scored rows now and at fit time. */
export interface ClusterShareDrift {
  cluster: number;
  label: string;
  fitShare: number;
  nowCount: number;
  /** Share of the scored rows (NaN when no row was scored). */
  nowShare: number;
  /** nowShare − fitShare. */
  change: number;
}

/** Drift of a graded table. */
export interface GradeDrift {
  features: FeatureDrift[];
  clusters: ClusterShareDrift[];
}

/**
 * Compares the scored rows of `table` with the model. Feature statistics are
 * taken after the model's clip and log1p (before scaling), where the saved
 * center and scale live, so for a z-score model `centerShift` is the move of
 * the mean in fit-time standard deviations and `scaleRatio` the ratio of sds.
 *
 * @example
 * const drift = gradeDrift(model, table, gradeTable(model, table));
 * drift.features[0].centerShift // => e.g. 0.12
 */
export function gradeDrift(model: SegworkModel, table: Table, result: GradeResult): GradeDrift {
  const { features, scaler } = model;
  const d = features.length;
  const scored: number[] = [];
  for (let i = 0; i < result.status.length; i++)
    if (result.status[i] === RowStatus.scored) scored.push(i);
  const original = new Float64Array(scored.length * d);
  features.forEach((f, j) => {
    const column = table.columns[f]!;
    scored.forEach((i, r) => (original[r * d + j] = column[i]!));
  });
  // The saved clip and log1p with a neutral scale: exactly the values the scaler centred and scaled.
  const transformed = applyScaler(
    { ...scaler, center: new Array<number>(d).fill(0), scale: new Array<number>(d).fill(1) },
    { data: original, rows: scored.length, cols: d },
  );

  const featureDrift = features.map((feature, j): FeatureDrift => {
    const values = new Float64Array(scored.length);
    for (let r = 0; r < scored.length; r++) values[r] = transformed.data[r * d + j]!;
    const { mean, sd } = moments(values);
    const center = scaler.center[j]!;
    const scale = scaler.scale[j]!;
    const now = scaler.method === "none" ? null : centerAndScale(values, scaler.method, mean, sd);
    const steps = [
      ...(scaler.clip ? ["clip"] : []),
      ...(scaler.log.includes(feature) ? ["log1p"] : []),
    ];
    return {
      feature,
      transform: steps.length > 0 ? steps.join(", ") : "none",
      method: scaler.method,
      model: { center, scale },
      now: { mean, sd, center: now?.center ?? null, scale: now?.scale ?? null },
      centerShift: now ? (now.center - center) / scale : null,
      scaleRatio: now ? now.scale / scale : null,
    };
  });

  const labels = clusterLabels(model);
  const counts = new Array<number>(model.k).fill(0);
  for (const c of result.cluster) if (c >= 0) counts[c]!++;
  const clusters = [...model.clusters]
    .sort((a, b) => a.cluster - b.cluster)
    .map((c): ClusterShareDrift => {
      const nowShare = scored.length > 0 ? counts[c.cluster]! / scored.length : Number.NaN;
      return {
        cluster: c.cluster,
        label: labels[c.cluster]!,
        fitShare: c.share,
        nowCount: counts[c.cluster]!,
        nowShare,
        change: nowShare - c.share,
      };
    });
  return { features: featureDrift, clusters };
}

/** Mean and population standard deviation (NaN for no values). */
function moments(values: Float64Array): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(squares / n) };
}

/** The scaler's own kind of center and scale, so drift compares like with like. */
function centerAndScale(
  values: Float64Array,
  method: Exclude<ScalingMethod, "none">,
  mean: number,
  sd: number,
): { center: number; scale: number } {
  if (values.length === 0) return { center: Number.NaN, scale: Number.NaN };
  if (method === "zscore") return { center: mean, scale: sd };
  const sorted = Float64Array.from(values).sort();
  if (method === "robust") {
    return {
      center: quantileType7(sorted, 0.5),
      scale: quantileType7(sorted, 0.75) - quantileType7(sorted, 0.25),
    };
  }
  return { center: sorted[0]!, scale: sorted[sorted.length - 1]! - sorted[0]! };
}
