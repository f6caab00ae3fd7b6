/**
 * Commander's option values → the typed options of the load stage and the
 * workflows. Only text is turned into values here; the stages check them.
 */
import type { Encoding } from "../load/options.js";
import type { LoadOptions } from "../load/types.js";
import type { Lang } from "../report/i18n/locale.js";
import type {
  DedupeMethod,
  ImputeMethod,
  PrepareOptions,
  ScalingMethod,
} from "../prepare/types.js";
import { missingOption } from "../shared/messages/options.js";
import type { DropRule, FeaturesOptions } from "../features/types.js";
import { parseClip, parseList } from "./parse.js";

/** How commander hands over the options of a command that reads a client table. */
export interface ReadCliOptions {
  input?: string;
  id?: string;
  encoding?: Encoding;
  delimiter?: string;
  sheet?: string;
  quiet?: boolean;
  /** Also write report.pdf (--pdf). */
  pdf?: boolean;
  showIds?: boolean;
  /** --lang: report language. */
  lang?: Lang;
  /** --interactive: add the interactive layer to the report. */
  interactive?: boolean;
  out: string;
}

/** The loader options of a command (--id, --encoding, --delimiter, --sheet). */
export function loadOptionsOf(options: ReadCliOptions, numeric?: string[]): LoadOptions {
  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(numeric === undefined ? {} : { numeric }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
  };
}

/** How commander hands over sweep's and cluster's options. */
export interface KMeansCliOptions extends ReadCliOptions {
  input: string;
  features?: string;
  scale: ScalingMethod;
  log?: string;
  impute: ImputeMethod;
  dedupe: DedupeMethod;
  clip?: string;
  k?: string;
  restarts: number;
  seed: number;
  maxIter: number;
  tol: number;
  threads: number;
  silhouetteSample: number;
  sample?: number;
  orderBy?: string;
}

/** The preparation options of sweep and cluster; --features is required. */
export function prepareOptionsOf(options: KMeansCliOptions, command: string): PrepareOptions {
  const features = parseList(options.features);
  if (features.length === 0) throw missingOption("--features col1,col2,…", command);
  return {
    features,
    scale: options.scale,
    log: parseList(options.log),
    impute: options.impute,
    dedupe: options.dedupe,
    ...(options.clip === undefined ? {} : { clip: parseClip(options.clip) }),
  };
}

/** The workflow options sweep and cluster share. */
export function kmeansWorkflowOptions(options: KMeansCliOptions) {
  return {
    fit: {
      restarts: options.restarts,
      seed: options.seed,
      maxIterations: options.maxIter,
      tolerance: options.tol,
      threads: options.threads,
      silhouetteSampleSize: options.silhouetteSample,
    },
    ...(options.sample === undefined ? {} : { sample: options.sample }),
    ...(options.orderBy === undefined ? {} : { orderBy: options.orderBy }),
    showIds: Boolean(options.showIds),
  };
}

/** How commander hands over the options that describe a transaction log. */
export interface TransactionCliOptions {
  transactions?: string;
  id?: string;
  date?: string;
  amount?: string;
  invoice?: string;
  asOf?: string;
  dateFormat?: string;
  excludeReturns?: boolean;
  keepDuplicates?: boolean;
  keepZero?: boolean;
  countReturns?: boolean;
  allowDropped?: boolean | string;
  decimal?: "." | ",";
  keep?: string;
  encoding?: Encoding;
  delimiter?: string;
}

/** The features stage's options; --transactions, --id, --date and --amount are required. */
export function featuresOptionsOf(
  options: TransactionCliOptions,
  command: string,
): FeaturesOptions {
  for (const [value, flag] of [
    [options.transactions, "--transactions <file>"],
    [options.id, "--id <column>"],
    [options.date, "--date <column>"],
    [options.amount, '--amount <column or "A*B">'],
  ] as const) {
    if (value === undefined) throw missingOption(flag, command);
  }
  return {
    transactions: options.transactions!,
    id: options.id!,
    date: options.date!,
    amount: options.amount!,
    ...(options.invoice === undefined ? {} : { invoice: options.invoice }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
    excludeReturns: Boolean(options.excludeReturns),
    keepDuplicates: Boolean(options.keepDuplicates),
    keepZero: Boolean(options.keepZero),
    countReturns: Boolean(options.countReturns),
    ...(options.allowDropped === undefined
      ? {}
      : {
          allowDropped:
            typeof options.allowDropped === "string"
              ? (parseList(options.allowDropped) as DropRule[])
              : options.allowDropped,
        }),
    ...(options.decimal === undefined ? {} : { decimal: options.decimal }),
    keep: parseList(options.keep),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  };
}
