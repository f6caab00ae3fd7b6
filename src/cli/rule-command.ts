/**
 * The shape `thresholds`, `tiers` and `abc` share: read the config (before
 * any data), check the output target, read the client table (ids unique),
 * run the workflow, write every file, print the summary.
 */
import type { Table } from "../load/types.js";
import * as msg from "../shared/messages/cli-rules.js";
import type { ProgressCallback } from "../shared/progress.js";
import { readAndJoin, readRuleClients, type OutputFile } from "../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "./output.js";
import { terminalProgress } from "./progress.js";
import { loadOptionsOf, type ReadCliOptions } from "./table-options.js";
import { checkPdf, withPdf } from "./pdf.js";

/** How commander hands over a rule command's options. */
export interface RuleCliOptions extends ReadCliOptions {
  input: string;
  config?: string;
  revenue?: string;
  dropMissing?: boolean;
  /** A per-client table (e.g. clv.csv) whose numeric columns are added by id. */
  join?: string;
  /** Its id column (default id). */
  joinId?: string;
}

/** What a rule command does between reading the table and writing the files. */
export interface RuleCommand<R extends { summary: string[] }> {
  outputs: readonly string[];
  /** The config file read (an input that no output may replace). */
  configFile: string;
  run(table: Table, options: { command: string; onProgress: ProgressCallback }): R;
  files(result: R): Promise<OutputFile[]>;
}

/**
 * Runs a rule command.
 *
 * @example
 * await runRuleCommand(options, line, { outputs: ABC_OUTPUTS, configFile: config.file, run: …, files: abcFiles });
 */
export async function runRuleCommand<R extends { summary: string[] }>(
  options: RuleCliOptions,
  command: string,
  spec: RuleCommand<R>,
): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const inputs = [options.input, spec.configFile, ...(options.join ? [options.join] : [])];
  checkOutputTarget(options.out, spec.outputs, inputs);
  await checkPdf(options.pdf);
  const base = await readRuleClients(options.input, loadOptionsOf(options), onProgress);
  const table =
    options.join === undefined
      ? base
      : (await readAndJoin(base, options.join, joinLoadOptions(options), onProgress)).table;
  const result = spec.run(table, { command, onProgress });
  writeOutputsAtomically(options.out, await withPdf(await spec.files(result), options.pdf));
  print([...result.summary, msg.wrote(spec.outputs.map((f) => `${options.out}/${f}`))]);
}

/** How the `--join` table is read: its own id column, the same encoding and delimiter. */
function joinLoadOptions(options: RuleCliOptions) {
  return {
    id: options.joinId ?? "id",
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  };
}

/** The options every rule workflow takes from its command line. */
export function ruleWorkflowOptions(options: RuleCliOptions) {
  return {
    ...(options.revenue === undefined ? {} : { revenue: options.revenue }),
    dropMissing: Boolean(options.dropMissing),
    showIds: Boolean(options.showIds),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  };
}
