/**
 * `segwork grade`: assigns a later table to a saved model's clusters and
 * writes assignments.csv (unscored rows with an empty cluster) and
 * grade.json (counts, model summary, drift), all or nothing. With
 * `--client '<json>'` it prints one client's cluster (distance to every
 * centroid), RFM scores (the cut points around each value, the segment
 * rule) and tier (points per criterion) instead, as JSON with `--json`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readModelFile } from "../../artifacts/model.js";
import { toJson } from "../../artifacts/json.js";
import { parseClientJson } from "../../grade/index.js";
import { loadTable } from "../../load/index.js";
import { explanationLines } from "../../shared/messages/explain.js";
import * as msg from "../../shared/messages/grade.js";
import {
  explainClientWorkflow,
  GRADE_OUTPUTS,
  gradeFiles,
  gradeWorkflow,
  readPeriodsInputs,
  readTableForModel,
} from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import { loadOptionsOf, type ReadCliOptions } from "../table-options.js";

/** Options of `segwork grade`. */
export type GradeCliOptions = Omit<ReadCliOptions, "out"> & {
  model?: string;
  out?: string;
  client?: string;
  rfm?: string;
  tiers?: string;
  reference?: string;
  json?: boolean;
};

async function explain(options: GradeCliOptions & { client: string }): Promise<void> {
  const inputs = await readPeriodsInputs({
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.rfm === undefined ? {} : { rfm: options.rfm }),
    ...(options.tiers === undefined ? {} : { tiers: options.tiers }),
  });
  const text = options.client.startsWith("@")
    ? readFileSync(options.client.slice(1), "utf8")
    : options.client;
  // A reference table only serves to freeze a scorecard: refuse it where it would be silently ignored.
  if (options.reference !== undefined && (inputs.tiers === undefined || inputs.tiers.frozen))
    throw msg.referenceUnused(options.reference, inputs.tiers?.file);
  const reference =
    options.reference === undefined
      ? undefined
      : await loadTable(options.reference, loadOptionsOf({ ...options, out: "" }));
  const e = explainClientWorkflow(
    { ...inputs, ...(reference ? { reference } : {}) },
    parseClientJson(text, "--client"),
    msg.tiersReference,
  );
  process.stdout.write(options.json ? toJson(e) : explanationLines(e).join("\n") + "\n");
}

export async function run(options: GradeCliOptions, command: string): Promise<void> {
  if (options.client !== undefined) return explain({ ...options, client: options.client });
  if (options.input === undefined || options.model === undefined || options.out === undefined)
    throw msg.inputOrClient();
  const { input, out } = options;
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  checkOutputTarget(out, GRADE_OUTPUTS, [input, options.model]);
  const model = readModelFile(options.model);
  const table = await readTableForModel(
    input,
    loadOptionsOf({ ...options, out }),
    model,
    options.model,
    onProgress,
  );
  const result = gradeWorkflow({ model, modelFile: options.model, table, command, onProgress });
  writeOutputsAtomically(out, gradeFiles(result));
  print([...result.summary, `wrote ${GRADE_OUTPUTS.map((f) => path.join(out, f)).join(", ")}`]);
}
