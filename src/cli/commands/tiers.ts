/** `segwork tiers`: a weighted scorecard 0–100 and tiers by score or by target shares. */
import { readScorecard, TIERS_OUTPUTS, tiersFiles, tiersWorkflow } from "../../workflows/index.js";
import { ruleWorkflowOptions, runRuleCommand, type RuleCliOptions } from "../rule-command.js";

export async function run(options: RuleCliOptions, command: string): Promise<void> {
  const scorecard = readScorecard(options.config);
  await runRuleCommand(options, command, {
    outputs: TIERS_OUTPUTS,
    configFile: scorecard.file,
    run: (table, run) =>
      tiersWorkflow({ table, scorecard, ...ruleWorkflowOptions(options), ...run }),
    files: tiersFiles,
  });
}
