/**
 * `segwork rfm`: RFM scores and named segments from a client table
 * (--input) or a transaction log (--transactions); writes segments.csv,
 * rfm.json, the segment table, value-activity.csv, clv.csv (with --clv) and
 * report.html, all or nothing.
 */
import type { RfmBinning } from "../../rules/types.js";
import * as msg from "../../shared/messages/cli-rules.js";
import {
  readRuleClients,
  rfmClientsFromTable,
  rfmClientsFromTransactions,
  rfmFiles,
  rfmNumericColumns,
  rfmOutputs,
  rfmSettings,
  rfmWorkflow,
} from "../../workflows/index.js";
import { checkOutputTarget, writeOutputsAtomically } from "../output.js";
import { terminalProgress } from "../progress.js";
import {
  featuresOptionsOf,
  loadOptionsOf,
  type ReadCliOptions,
  type TransactionCliOptions,
} from "../table-options.js";
import { checkPdf, withPdf } from "../pdf.js";

type RfmCliOptions = ReadCliOptions &
  Omit<TransactionCliOptions, "encoding"> & {
    dropMissing?: boolean;
    recency?: string;
    frequency?: string;
    monetary?: string;
    tenure?: string;
    binning?: RfmBinning;
    bins?: number;
    config?: string;
    segments?: string;
    valueActivity?: string;
    clv?: string;
  };

const TRANSACTION_ONLY = [
  "date",
  "amount",
  "invoice",
  "asOf",
  "dateFormat",
  "excludeReturns",
  "keep",
] as const;
const TABLE_ONLY = ["recency", "frequency", "monetary", "tenure", "sheet", "dropMissing"] as const;
const flag = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Checks that the options name one input and only options that apply to it. */
function sourceOf(options: RfmCliOptions): "table" | "transactions" {
  if (options.input !== undefined && options.transactions !== undefined)
    throw msg.rfmBothInputs(options.input, options.transactions);
  if (options.input === undefined && options.transactions === undefined) throw msg.rfmNeedsInput();
  const kind = options.input !== undefined ? "table" : "transactions";
  for (const key of kind === "table" ? TRANSACTION_ONLY : TABLE_ONLY) {
    if (options[key] !== undefined && options[key] !== false)
      throw msg.optionNeeds(flag(key), kind === "table" ? "--transactions" : "--input");
  }
  return kind;
}

export async function run(options: RfmCliOptions, command: string): Promise<void> {
  const { onProgress, print } = terminalProgress(Boolean(options.quiet));
  const kind = sourceOf(options);
  const features =
    kind === "transactions"
      ? featuresOptionsOf(options as TransactionCliOptions, "rfm")
      : undefined;
  const settings = rfmSettings(options);
  const outputs = rfmOutputs(settings.clv !== null);
  const input = options.input ?? options.transactions!;
  checkOutputTarget(options.out, outputs, [input, settings.configFile, settings.segmentsFile]);
  await checkPdf(options.pdf);
  const withTenure = settings.clv !== null;
  const clients = features
    ? await rfmClientsFromTransactions({ ...features, onProgress })
    : rfmClientsFromTable(
        await readRuleClients(
          input,
          loadOptionsOf(options, rfmNumericColumns(options, withTenure)),
          onProgress,
        ),
        options,
        { withTenure, dropMissing: Boolean(options.dropMissing), onProgress },
      );
  const result = rfmWorkflow({
    clients,
    settings,
    showIds: Boolean(options.showIds),
    command,
    onProgress,
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.interactive === true ? { interactive: true } : {}),
  });
  writeOutputsAtomically(options.out, await withPdf(await rfmFiles(result), options.pdf));
  print([...result.summary, msg.wrote(outputs.map((f) => `${options.out}/${f}`))]);
}
