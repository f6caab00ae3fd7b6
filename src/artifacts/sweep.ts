/**
 * `sweep.json`: the K-Means sweep over a range of k — the quality indices
 * per k and the recommendation with its reason. Read by notebooks, the
 * quarterly run and anyone choosing k from a saved sweep.
 *
 * ```json
 * { "format": "segwork-sweep", "formatVersion": 1, "rows": 4338, "features": ["recency_days", …],
 *   "scaling": { "method": "zscore", "log": [...], "clip": null }, "restarts": 10, "seed": 7,
 *   "silhouetteSampleSize": 4338,
 *   "k": [{ "k": 2, "inertia": …, "silhouette": …, "calinskiHarabasz": …, "daviesBouldin": …, "iterations": … }, …],
 *   "elbowK": 4, "silhouetteK": 2, "recommendedK": 4, "reason": "…" }
 * ```
 */
import { z } from "zod";
import type { Recommendation, SweepRow } from "../evaluate/types.js";
import type { Prepared, ScalerParameters } from "../prepare/types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { count, header, numberOrNaN, positiveWhole, scalingSchema } from "./schema.js";

/** The content of sweep.json. */
export interface SweepArtifact {
  format: "segwork-sweep";
  formatVersion: 1;
  rows: number;
  features: string[];
  scaling: Pick<ScalerParameters, "method" | "log" | "clip">;
  restarts: number;
  seed: number;
  silhouetteSampleSize: number;
  k: SweepRow[];
  elbowK: number | null;
  silhouetteK: number;
  recommendedK: number;
  reason: string;
}

const rowSchema = z.looseObject({
  k: positiveWhole,
  inertia: numberOrNaN,
  silhouette: numberOrNaN,
  calinskiHarabasz: numberOrNaN,
  daviesBouldin: numberOrNaN,
  iterations: count,
});

const v1 = z.looseObject({
  ...header("segwork-sweep", 1),
  rows: count,
  features: z.array(z.string()).min(1),
  scaling: scalingSchema,
  restarts: positiveWhole,
  seed: z.number().int(),
  silhouetteSampleSize: count,
  k: z.array(rowSchema).min(1),
  elbowK: z.union([positiveWhole, z.null()]),
  silhouetteK: positiveWhole,
  recommendedK: positiveWhole,
  reason: z.string(),
});

/** The sweep.json format: versions read and the command that writes it. */
export const SWEEP_FORMAT: JsonArtifactFormat<SweepArtifact> = {
  format: "segwork-sweep",
  version: 1,
  writtenBy: "segwork sweep",
  schemas: { 1: v1 },
};

/**
 * The sweep.json content of a finished sweep.
 *
 * @example
 * sweepArtifact(prepared, { rows, recommendation, silhouetteSampleSize }, { restarts: 10, seed: 7 }).recommendedK // => 4
 */
export function sweepArtifact(
  prepared: Pick<Prepared, "ids" | "features" | "scaler">,
  sweep: { rows: SweepRow[]; recommendation: Recommendation; silhouetteSampleSize: number },
  settings: { restarts: number; seed: number },
): SweepArtifact {
  const { recommendation } = sweep;
  return {
    format: "segwork-sweep",
    formatVersion: 1,
    rows: prepared.ids.length,
    features: prepared.features,
    scaling: {
      method: prepared.scaler.method,
      log: prepared.scaler.log,
      clip: prepared.scaler.clip,
    },
    restarts: settings.restarts,
    seed: settings.seed,
    silhouetteSampleSize: sweep.silhouetteSampleSize,
    k: sweep.rows,
    elbowK: recommendation.elbowK,
    silhouetteK: recommendation.silhouetteK,
    recommendedK: recommendation.recommendedK,
    reason: recommendation.reason,
  };
}

/** sweep.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeSweep,
  parse: parseSweep,
  read: readSweepFile,
}: JsonArtifactIO<SweepArtifact> = jsonArtifactIO(SWEEP_FORMAT);
