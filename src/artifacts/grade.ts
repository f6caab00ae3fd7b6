/**
 * `grade.json`: a later table scored with a saved model — counts of scored
 * and unscored rows (and why), a summary of the model used, and the drift
 * of every feature and cluster share against fit time. `assignments.csv`
 * beside it holds the clusters.
 */
import { z } from "zod";
import type { GradeCounts, GradeDrift, GradeResult, SegworkModel } from "../grade/index.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import type { Provenance } from "./rule-output.js";
import { count, header } from "./schema.js";

/** The content of grade.json. */
export type GradeArtifact = ReturnType<typeof gradeArtifact>;

/**
 * The grade.json content of a grading run.
 *
 * @example
 * gradeArtifact(provenance, { file, rows, idColumn }, model, "model.json", result, drift).counts.scored // => 4338
 */
export function gradeArtifact(
  provenance: Provenance,
  input: { file: string; rows: number; idColumn: string | null },
  model: SegworkModel,
  modelFile: string,
  result: Pick<GradeResult, "counts">,
  drift: GradeDrift,
) {
  return {
    format: "segwork-grade" as const,
    formatVersion: 1 as const,
    segworkVersion: provenance.segworkVersion,
    command: provenance.command,
    input,
    model: {
      file: modelFile,
      segworkVersion: model.segworkVersion,
      fittedOn: model.fit.source,
      fitRows: model.fit.rows,
      k: model.k,
      features: model.features,
      scaling: {
        method: model.scaler.method,
        log: model.scaler.log,
        clipped: model.scaler.clip !== null,
      },
      clusters: [...model.clusters]
        .sort((a, b) => a.cluster - b.cluster)
        .map((c) => ({ cluster: c.cluster, label: c.label, fitSize: c.size, fitShare: c.share })),
    },
    counts: result.counts as GradeCounts,
    drift,
  };
}

const v1 = z.looseObject({
  ...header("segwork-grade", 1),
  segworkVersion: z.string(),
  command: z.string(),
  input: z.looseObject({ file: z.string(), rows: count }),
  model: z.looseObject({ file: z.string(), k: count, features: z.array(z.string()) }),
  counts: z.looseObject({ rows: count, scored: count, unscored: count }),
  drift: z.looseObject({
    features: z.array(z.looseObject({})),
    clusters: z.array(z.looseObject({})),
  }),
});

/** The grade.json format. */
export const GRADE_FORMAT: JsonArtifactFormat<GradeArtifact> = {
  format: "segwork-grade",
  version: 1,
  writtenBy: "segwork grade",
  schemas: { 1: v1 },
};

/** grade.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeGrade,
  parse: parseGrade,
  read: readGradeFile,
}: JsonArtifactIO<GradeArtifact> = jsonArtifactIO(GRADE_FORMAT);
