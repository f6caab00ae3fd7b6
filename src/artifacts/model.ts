/**
 * `model.json`: a fitted clustering saved for grading later tables — the
 * scaler parameters, the centroids in scaled and original units, the
 * cluster labels, and how it was fitted. Written by `segwork cluster` (and
 * the demo), read by `grade`, `export-sql`, the quarterly run and notebooks.
 *
 * The shape is the grade stage's `SegworkModel`; its content checks live
 * there (`validateModel`), so a model built in memory is checked the same way
 * as one read from a file. This module adds the file: syntax, format and
 * version first, with the artifact readers' messages.
 */
import { z } from "zod";
import type { Clustering } from "../cluster/types.js";
import type { ProfiledClustering } from "../evaluate/profiles.js";
import { validateModel, type SegworkModel } from "../grade/model.js";
import type { Prepared } from "../prepare/types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { header } from "./schema.js";

export type { SegworkModel };

/** The model.json format. Keys are checked by the grade stage's `validateModel`. */
export const MODEL_FORMAT: JsonArtifactFormat<SegworkModel> = {
  format: "segwork-model",
  version: 1,
  writtenBy: "segwork cluster",
  schemas: { 1: z.looseObject(header("segwork-model", 1)) },
  check: (model, file) => void validateModel(model, file),
};

/** How a model was fitted, as recorded in `fit`. */
export interface ModelProvenance {
  command: string;
  version: string;
  seed: number;
  restarts: number;
  maxIterations: number;
  tolerance: number;
}

/**
 * The model of a profiled clustering: scaler, reported clusters with their
 * labels and centroids in scaled and original units, and the fit settings.
 *
 * @example
 * const model = modelArtifact(prepared, clustering, profiled, { command, version: "0.1.0", seed: 7, restarts: 10, maxIterations: 300, tolerance: 1e-4 });
 * model.clusters[0].label // => "Very frequent · High spend · Recent"
 */
export function modelArtifact(
  prepared: Prepared,
  clustering: Clustering,
  profiled: ProfiledClustering,
  fit: ModelProvenance,
): SegworkModel {
  const d = prepared.features.length;
  const row = (values: Float64Array, c: number): number[] =>
    Array.from(values.subarray(c * d, c * d + d));
  return {
    format: "segwork-model",
    formatVersion: 1,
    segworkVersion: fit.version,
    fit: {
      command: fit.command,
      source: prepared.summary.source,
      rows: prepared.ids.length,
      seed: fit.seed,
      restarts: fit.restarts,
      maxIterations: fit.maxIterations,
      tolerance: fit.tolerance,
      inertia: clustering.inertia,
      iterations: clustering.iterations,
      converged: clustering.converged,
    },
    features: prepared.features,
    scaler: prepared.scaler,
    k: clustering.k,
    orderedBy: profiled.profiles.orderedBy,
    clusters: profiled.profiles.clusters.map((c) => ({
      cluster: c.cluster,
      label: c.label,
      size: c.size,
      share: c.share,
      centroidScaled: row(profiled.centroidsScaled, c.cluster),
      centroidOriginal: row(profiled.centroidsOriginal, c.cluster),
    })),
  };
}

/** model.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeModel,
  parse: parseModel,
  read: readModelFile,
}: JsonArtifactIO<SegworkModel> = jsonArtifactIO(MODEL_FORMAT);
