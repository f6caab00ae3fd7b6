/**
 * `segwork periods`: a transaction log re-graded at every month or quarter
 * end (or --at days) with the saved model, RFM cut points and scorecard;
 * writes periods.json, migration.json, kpis.json, assignments-<period>.csv,
 * one report per period and index.html, all or nothing.
 */
import path from "node:path";
import type { PeriodScheme } from "../../compare/period-schemes.js";
import type { PeriodSpec } from "../../features/index.js";
import type { Lang } from "../../report/i18n/locale.js";
import * as msg from "../../shared/messages/periods.js";
import {
  periodsFiles,
  periodsSummary,
  periodsWroteLine,
  periodsWorkflow,
  readPeriodsInputs,
  type PeriodsInputFiles,
} from "../../workflows/index.js";
import { parseList } from "../parse.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import { featuresOptionsOf, type TransactionCliOptions } from "../table-options.js";

/** The options of `segwork periods`. */
export type PeriodsCliOptions = TransactionCliOptions &
  Omit<PeriodsInputFiles, "idColumn"> & {
    every?: "month" | "quarter";
    at?: string;
    from?: string;
    to?: string;
    refit?: boolean;
    rebin?: boolean;
    targetsOn?: PeriodScheme;
    inactiveDays: number;
    seed: number;
    showIds?: boolean;
    /** --lang: language of the reports and the printed summary. */
    lang?: Lang;
    interactive?: boolean;
    quiet?: boolean;
    out: string;
  };

/** --every/--from/--to or --at as a period spec. */
function periodSpecOf(options: PeriodsCliOptions): PeriodSpec {
  if (options.at !== undefined && options.every === undefined)
    return {
      at: parseList(options.at),
      ...(options.from === undefined ? {} : { from: options.from }),
    };
  if (
    options.every === undefined ||
    options.at !== undefined ||
    options.from === undefined ||
    options.to === undefined
  )
    throw msg.periodsSpec();
  return { every: options.every, from: options.from, to: options.to };
}

export async function run(options: PeriodsCliOptions, command: string): Promise<void> {
  if (options.asOf !== undefined) throw msg.periodsAsOf();
  const periods = periodSpecOf(options);
  if (options.model === undefined && options.rfm === undefined && options.tiers === undefined)
    throw msg.periodsNothingToGrade();
  const { asOf: _unused, ...log } = featuresOptionsOf(options, "periods");
  const files: PeriodsInputFiles = {
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.rfm === undefined ? {} : { rfm: options.rfm }),
    ...(options.tiers === undefined ? {} : { tiers: options.tiers }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
    ...(options.targets === undefined ? {} : { targets: options.targets }),
    ...(options.campaign === undefined ? {} : { campaign: options.campaign }),
  };
  const inputs_ = [log.transactions, ...Object.values(files)] as string[];
  checkOutputTarget(options.out, ["periods.json", "migration.json", "kpis.json"], inputs_);
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const inputs = await readPeriodsInputs(files);
  const result = await periodsWorkflow(
    {
      log,
      periods,
      clusters: options.refit ? "refit" : "frozen",
      rebin: Boolean(options.rebin),
      inactiveDays: options.inactiveDays,
      ...(options.targetsOn === undefined ? {} : { targetsOn: options.targetsOn }),
      seed: options.seed,
      command,
      onProgress,
      ...(options.lang === undefined ? {} : { lang: options.lang }),
    },
    inputs,
  );
  const outputs = await periodsFiles(result, {
    showIds: Boolean(options.showIds),
    interactive: options.interactive === true,
  });
  writeOutputsAtomically(options.out, outputs);
  print([
    ...periodsSummary(result),
    periodsWroteLine(result, outputs.length, path.resolve(options.out)),
  ]);
}
