/**
 * The grade workflow: a later client table assigned to a saved model's
 * clusters (nearest centroid after the model's own clip, log and scaling —
 * no refit), with the drift of every feature and cluster share.
 */
import { gradeDrift, gradeTable, type GradeDrift, type GradeResult } from "../grade/index.js";
import { loadTable } from "../load/index.js";
import type { LoadOptions, Table } from "../load/types.js";
import { writeAssignments } from "../artifacts/assignments.js";
import { gradeArtifact, writeGrade, type GradeArtifact } from "../artifacts/grade.js";
import type { SegworkModel } from "../artifacts/model.js";
import { isSegworkError } from "../shared/errors.js";
import * as msg from "../shared/messages/grade.js";
import * as notes from "../shared/messages/workflows.js";
import { progressOf, type ProgressCallback } from "../shared/progress.js";
import type { OutputFile } from "./files.js";
import { runContext, type RunOptions } from "./run.js";

/**
 * Loads only the model's features as numbers; a missing one is reported as
 * the model's need, naming both files.
 *
 * @throws SegworkError `grade.missing-feature`, or the load stage's errors.
 * @example
 * const table = await readTableForModel("later.csv", { id: "client_id" }, model, "model.json", onProgress);
 */
export async function readTableForModel(
  file: string,
  options: LoadOptions,
  model: SegworkModel,
  modelFile: string,
  onProgress?: ProgressCallback,
): Promise<Table> {
  let table: Table;
  try {
    table = await loadTable(file, { ...options, numeric: model.features });
  } catch (error) {
    if (
      isSegworkError(error) &&
      error.code === "load.unknown-column" &&
      error.location.key === "numeric"
    )
      throw msg.missingFeature(file, error.location.column ?? "", modelFile, model.features);
    throw error;
  }
  progressOf(onProgress).note(notes.loadedRows(table.rowCount, table.source));
  return table;
}

/** Options of {@link gradeWorkflow}. */
export interface GradeOptions extends RunOptions {
  model: SegworkModel;
  /** The model's file name, for messages and grade.json (default "model.json"). */
  modelFile?: string;
  table: Table;
}

/** What {@link gradeWorkflow} gives. */
export interface GradeWorkflowResult {
  result: GradeResult;
  drift: GradeDrift;
  /** grade.json. */
  artifact: GradeArtifact;
  summary: string[];
}

/**
 * Scores every row of `table` with the model. Rows that cannot be scored
 * keep an empty cluster and are counted, never dropped.
 *
 * @throws SegworkError when the model is invalid or the table lacks a model feature.
 * @example
 * const { result, drift } = gradeWorkflow({ model: readModelFile("runs/k4/model.json"), table });
 * result.cluster[0] // => e.g. 2
 */
export function gradeWorkflow(options: GradeOptions): GradeWorkflowResult {
  const context = runContext(options);
  const { model, table } = options;
  const modelFile = options.modelFile ?? "model.json";
  const result = gradeTable(model, table, modelFile);
  const { counts } = result;
  if (counts.unscored > 0) {
    context.progress.note(
      msg.unscoredRows(
        counts.unscored,
        counts.rows,
        counts.unscoredMissingOrNonNumeric,
        counts.unscoredLogInvalid,
      ),
    );
  }
  const drift = gradeDrift(model, table, result);
  return {
    result,
    drift,
    artifact: gradeArtifact(
      context.provenance,
      { file: table.source, rows: table.rowCount, idColumn: table.idColumn },
      model,
      modelFile,
      result,
      drift,
    ),
    summary: drift.clusters.map((c) =>
      notes.gradedClusterLine(c.cluster, c.label, c.nowCount, c.nowShare, c.fitShare),
    ),
  };
}

/** Names of the files {@link gradeFiles} gives. */
export const GRADE_OUTPUTS = ["assignments.csv", "grade.json"];

/**
 * The files of the grade command: assignments.csv and grade.json.
 *
 * @example
 * gradeFiles(result).map((f) => f.name) // => GRADE_OUTPUTS
 */
export function gradeFiles(graded: GradeWorkflowResult): OutputFile[] {
  const { result } = graded;
  return [
    {
      name: "assignments.csv",
      content: writeAssignments({
        ids: result.ids,
        cluster: result.cluster,
        label: result.label.map((l) => l ?? ""),
      }),
    },
    { name: "grade.json", content: writeGrade(graded.artifact) },
  ];
}
