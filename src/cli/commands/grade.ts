/**
 * `segwork grade`: assigns a later table to a saved model's clusters and
 * writes assignments.csv (unscored rows with an empty cluster) and
 * grade.json (counts, model summary, drift), all or nothing.
 */
import path from "node:path";
import { readModelFile } from "../../artifacts/model.js";
import {
  GRADE_OUTPUTS,
  gradeFiles,
  gradeWorkflow,
  readTableForModel,
} from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import { loadOptionsOf, type ReadCliOptions } from "../table-options.js";

export async function run(
  options: ReadCliOptions & { model: string; input: string },
  command: string,
): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  checkOutputTarget(options.out, GRADE_OUTPUTS, [options.input, options.model]);
  const model = readModelFile(options.model);
  const table = await readTableForModel(
    options.input,
    loadOptionsOf(options),
    model,
    options.model,
    onProgress,
  );
  const result = gradeWorkflow({ model, modelFile: options.model, table, command, onProgress });
  writeOutputsAtomically(options.out, gradeFiles(result));
  print([
    ...result.summary,
    `wrote ${GRADE_OUTPUTS.map((f) => path.join(options.out, f)).join(", ")}`,
  ]);
}
