/** `segwork thresholds`: every client labelled with the first threshold rule it satisfies. */
import {
  readThresholdConfig,
  THRESHOLDS_OUTPUTS,
  thresholdsFiles,
  thresholdsWorkflow,
} from "../../workflows/index.js";
import { ruleWorkflowOptions, runRuleCommand, type RuleCliOptions } from "../rule-command.js";

export async function run(options: RuleCliOptions, command: string): Promise<void> {
  const config = readThresholdConfig(options.config);
  await runRuleCommand(options, command, {
    outputs: THRESHOLDS_OUTPUTS,
    configFile: config.file,
    run: (table, run) =>
      thresholdsWorkflow({ table, config, ...ruleWorkflowOptions(options), ...run }),
    files: thresholdsFiles,
  });
}
