/** `segwork abc`: ABC classes by share of revenue, with the Lorenz curve and the Gini coefficient. */
import { ABC_OUTPUTS, abcFiles, abcWorkflow, readAbcConfig } from "../../workflows/index.js";
import { ruleWorkflowOptions, runRuleCommand, type RuleCliOptions } from "../rule-command.js";

export async function run(options: RuleCliOptions, command: string): Promise<void> {
  const config = readAbcConfig(options.config);
  await runRuleCommand(options, command, {
    outputs: ABC_OUTPUTS,
    configFile: config.file,
    run: (table, run) => abcWorkflow({ table, config, ...ruleWorkflowOptions(options), ...run }),
    files: abcFiles,
  });
}
