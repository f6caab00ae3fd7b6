import path from "node:path";
import {
  gradeDrift,
  gradeTable,
  readModelFile,
  type GradeResult,
  type SegworkModel,
} from "../../grade/index.js";
import { loadTable } from "../../load/index.js";
import type { Table } from "../../load/types.js";
import { isSegworkError } from "../../shared/errors.js";
import * as msg from "../../shared/messages/grade.js";
import { loadOptionsFrom } from "../pipeline.js";
import { checkOutputTarget, toCsv, toJson, writeOutputsAtomically } from "../output.js";
import { packageVersion } from "../package-info.js";
import { createProgress } from "../progress.js";

/** Options of `segwork grade` as commander hands them over. */
export interface GradeCliOptions {
  model: string;
  input: string;
  id?: string;
  out: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  quiet?: boolean;
}

const OUTPUTS = ["assignments.csv", "grade.json"];

/**
 * `segwork grade`: assigns a later table to a saved model's clusters and
 * writes assignments.csv (id, cluster, label; unscored rows with an empty
 * cluster) and grade.json (counts, model summary, drift), all or nothing.
 */
export async function gradeCommand(options: GradeCliOptions, command: string): Promise<void> {
  const progress = createProgress(Boolean(options.quiet));
  checkOutputTarget(options.out, OUTPUTS, [options.input, options.model]);
  const model = readModelFile(options.model);
  const table = await loadForModel(options, model);
  progress.note(`loaded ${table.rowCount.toLocaleString("en-US")} rows from ${table.source}`);
  const result = gradeTable(model, table, options.model);
  const { counts } = result;
  if (counts.unscored > 0) {
    progress.note(
      msg.unscoredRows(
        counts.unscored,
        counts.rows,
        counts.unscoredMissingOrNonNumeric,
        counts.unscoredLogInvalid,
      ),
    );
  }
  const drift = gradeDrift(model, table, result);
  writeOutputsAtomically(options.out, [
    { name: "assignments.csv", content: assignmentsCsv(result) },
    {
      name: "grade.json",
      content: toJson(gradeSummary(model, options, table, result, drift, command)),
    },
  ]);
  for (const c of drift.clusters) {
    progress.note(
      `cluster ${c.cluster}: ${c.label} — ${c.nowCount} rows (${(c.nowShare * 100).toFixed(1)}% now, ${(c.fitShare * 100).toFixed(1)}% at fit)`,
    );
  }
  progress.note(`wrote ${OUTPUTS.map((f) => path.join(options.out, f)).join(", ")}`);
}

/** Loads only the model's features as numbers; a missing one is reported as the model's need. */
async function loadForModel(options: GradeCliOptions, model: SegworkModel): Promise<Table> {
  try {
    return await loadTable(options.input, loadOptionsFrom(options, { numeric: model.features }));
  } catch (error) {
    if (
      isSegworkError(error) &&
      error.code === "load.unknown-column" &&
      error.location.key === "numeric"
    ) {
      throw msg.missingFeature(
        options.input,
        error.location.column ?? "",
        options.model,
        model.features,
      );
    }
    throw error;
  }
}

function assignmentsCsv(result: GradeResult): string {
  return toCsv(
    ["id", "cluster", "label"],
    result.ids.map((id, i) => {
      const c = result.cluster[i]!;
      return [id, c < 0 ? "" : c, result.label[i] ?? ""];
    }),
  );
}

function gradeSummary(
  model: SegworkModel,
  options: GradeCliOptions,
  table: Table,
  result: GradeResult,
  drift: ReturnType<typeof gradeDrift>,
  command: string,
): object {
  return {
    format: "segwork-grade",
    formatVersion: 1,
    segworkVersion: packageVersion(),
    command,
    input: { file: table.source, rows: table.rowCount, idColumn: table.idColumn },
    model: {
      file: options.model,
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
    counts: result.counts,
    drift,
  };
}
