import { existsSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  deriveClientFeatures,
  formatClientFeaturesCsv,
  type FeaturesOptions,
} from "../../features/index.js";
import type { TransactionCleaningSummary } from "../../features/types.js";
import { cliMessages as msg } from "../../shared/messages/index.js";
import { parseChoice, parseList } from "../options.js";
import { toJson } from "../output.js";
import { createProgress, type Progress } from "../progress.js";

/** Transaction options shared by `features` and `rfm --transactions`. */
export interface TransactionCliOptions {
  transactions?: string;
  id?: string;
  date?: string;
  amount?: string;
  invoice?: string;
  asOf?: string;
  dateFormat?: string;
  excludeReturns?: boolean;
  keep?: string;
  encoding?: string;
  delimiter?: string;
}

export function featuresOptionsFrom(
  options: TransactionCliOptions,
  command: string,
): FeaturesOptions {
  for (const [value, flag] of [
    [options.transactions, "--transactions <file>"],
    [options.id, "--id <column>"],
    [options.date, "--date <column>"],
    [options.amount, '--amount <column or "A*B">'],
  ] as const) {
    if (value === undefined) throw msg.missingOption(flag, command);
  }
  const encoding = parseChoice(
    "--encoding",
    options.encoding,
    ["auto", "utf8", "gbk"] as const,
    "auto",
  );
  return {
    transactions: options.transactions!,
    id: options.id!,
    date: options.date!,
    amount: options.amount!,
    invoice: options.invoice,
    asOf: options.asOf,
    dateFormat: options.dateFormat,
    excludeReturns: Boolean(options.excludeReturns),
    keep: parseList(options.keep),
    encoding: encoding === "auto" ? undefined : encoding,
    delimiter: options.delimiter,
  };
}

/** One line per cleaning rule, for stderr and the report. */
export function describeTransactionCleaning(s: TransactionCleaningSummary): string[] {
  const n = (x: number): string => x.toLocaleString("en-US");
  return [
    `read ${n(s.linesRead)} transaction lines from ${s.source}`,
    `${n(s.missingClientId)} without a client id (dropped)`,
    `${n(s.duplicateLines)} exact duplicate lines (dropped)`,
    `${n(s.nonPositivePrice)} with a zero or negative price (dropped)`,
    `${n(s.unparseableAmount)} with an unreadable amount (dropped)`,
    `${n(s.afterAsOf)} after the as-of date ${s.asOf} (ignored)`,
    `${n(s.cancellations)} cancellations/returns (${s.returnsPolicy === "net" ? "netted against spend" : "excluded"})`,
    `${n(s.cancellationOnlyClients)} clients with only cancellations (dropped)`,
    `${n(s.linesUsed)} lines used → ${n(s.clients)} clients`,
  ];
}

/** Derives the client table, reporting progress and the cleaning summary. */
export async function deriveWithProgress(options: FeaturesOptions, progress: Progress) {
  progress.note(`deriving client features from ${options.transactions}`);
  const derived = await deriveClientFeatures(options);
  for (const line of describeTransactionCleaning(derived.summary)) progress.note(`  ${line}`);
  return derived;
}

export interface FeaturesCliOptions extends TransactionCliOptions {
  out?: string;
  quiet?: boolean;
}

/** `segwork features`: transaction log → one row per client (CSV) + cleaning summary (JSON). */
export async function featuresCommand(options: FeaturesCliOptions): Promise<void> {
  if (!options.out) throw msg.missingOption("--out <clients.csv>", "features");
  const out = options.out;
  if (existsSync(out) && statSync(out).isDirectory()) throw msg.outIsDirectory(out);
  if (options.transactions && path.resolve(options.transactions) === path.resolve(out)) {
    throw msg.outWouldOverwriteInput(path.resolve(out));
  }
  const progress = createProgress(Boolean(options.quiet));
  const derived = await deriveWithProgress(featuresOptionsFrom(options, "features"), progress);
  const summaryPath = out.replace(/(\.csv)?$/i, ".cleaning.json");
  const suffix = `.tmp-${process.pid}`;
  writeFileSync(out + suffix, formatClientFeaturesCsv(derived.clients));
  writeFileSync(summaryPath + suffix, toJson(derived.summary));
  renameSync(out + suffix, out);
  renameSync(summaryPath + suffix, summaryPath);
  progress.note(`wrote ${out} and ${summaryPath}`);
}
