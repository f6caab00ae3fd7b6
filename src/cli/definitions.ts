/**
 * Every command's options. Defaults and choices come from the stages that
 * own them (`KMEANS_DEFAULTS`, `SCALING_METHODS`, `RFM_BINNINGS`, …), so the
 * help text shows what the library does. Only small modules are imported
 * here; each command's module is imported when it runs.
 */
import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { KMEANS_DEFAULTS } from "../cluster/defaults.js";
import { PERIOD_SCHEMES } from "../compare/period-schemes.js";
import { GAP_DEFAULTS } from "../evaluate/gap.js";
import { DEFAULT_SILHOUETTE_SAMPLE_SIZE } from "../evaluate/silhouette.js";
import { STABILITY_DEFAULTS } from "../evaluate/stability.js";
import { VOTE_GAP_SETTINGS } from "../evaluate/vote.js";
import { DROP_RULES, FEATURES_DEFAULTS } from "../features/types.js";
import { ENCODINGS } from "../load/options.js";
import {
  DEDUPE_METHODS,
  IMPUTE_METHODS,
  PREPARE_DEFAULTS,
  SCALING_METHODS,
} from "../prepare/options.js";
import { LIFETIME_VALUE_DEFAULTS } from "../clv/lifetime-value.js";
import { RFM_BINNINGS } from "../rules/rfm-scores.js";
import { LANGS } from "../report/i18n/locale.js";
import { integer, number } from "./parse.js";

/** What an action receives: the parsed options and the command line for reports. */
export type Action = (options: never, command: string) => Promise<void> | void;

function encodingOption(choices: readonly string[]): Option {
  return new Option("--encoding <name>", "text encoding").choices(choices).default("auto");
}

/**
 * --lang: the language of the report and the segment table (en or zh-CN).
 *
 * @example
 * cmd.addOption(langOption());
 */
export function langOption(): Option {
  return new Option("--lang <code>", "language of the report and segment table")
    .choices(LANGS)
    .default("en");
}

/** --id, --encoding, --delimiter, --sheet: how a client table is read. */
export function withReadOptions(cmd: Command): Command {
  return cmd
    .option("--id <column>", "id column (kept as text); default: 1-based row number")
    .addOption(encodingOption(ENCODINGS))
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .option("--sheet <name>", "XLSX sheet (default: the first)");
}

/** Options of the commands that read a client table and prepare features for K-Means. */
export function withTableOptions(cmd: Command): Command {
  return withReadOptions(
    cmd.requiredOption(
      "-i, --input <file>",
      "client table: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx",
    ),
  )
    .option("-f, --features <cols>", "comma-separated numeric feature columns")
    .addOption(
      new Option("--scale <method>", "scaling")
        .choices(SCALING_METHODS)
        .default(PREPARE_DEFAULTS.scale),
    )
    .option("--log <cols>", "features to transform with log1p before scaling")
    .addOption(
      new Option("--impute <method>", "rows with missing features")
        .choices(IMPUTE_METHODS)
        .default(PREPARE_DEFAULTS.impute),
    )
    .addOption(
      new Option("--dedupe <rule>", "duplicate ids")
        .choices(DEDUPE_METHODS)
        .default(PREPARE_DEFAULTS.dedupe),
    )
    .option("--clip <lo,hi>", "winsorize features at these quantiles, e.g. 0.01,0.99");
}

/** The K-Means settings of `sweep` and `cluster`. */
export function withFitOptions(cmd: Command): Command {
  const d = KMEANS_DEFAULTS;
  return cmd
    .option(
      "--restarts <n>",
      "k-means++ restarts per k; the lowest inertia is kept",
      integer("--restarts", 1),
      d.restarts,
    )
    .option("--seed <n>", "random seed (same seed, same result)", integer("--seed"), d.seed)
    .option(
      "--max-iter <n>",
      "Lloyd iterations per restart at most",
      integer("--max-iter", 1),
      d.maxIterations,
    )
    .option("--tol <x>", "relative tolerance on centroid movement", number("--tol"), d.tolerance)
    .option(
      "--threads <n>",
      "worker threads for K-Means, the gap's reference sets and the stability resamples (results are identical for any count)",
      integer("--threads", 1),
      Math.min(availableParallelism(), 8),
    )
    .option(
      "--silhouette-sample <n>",
      "rows for the silhouette (exact up to this many)",
      integer("--silhouette-sample", 2),
      DEFAULT_SILHOUETTE_SAMPLE_SIZE,
    )
    .option(
      "--sample <n>",
      "fit on a seeded random sample of n rows (score the rest with grade or export-sql)",
      integer("--sample", 2),
    )
    .option(
      "--order-by <feature[:asc]>",
      "order clusters by this feature's mean (default: monetary-like, descending)",
    )
    .option("--show-ids", "print example client ids in the report (hidden by default)")
    .addOption(langOption())
    .option(...PDF_OPTION)
    .option(...INTERACTIVE_OPTION)
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}

/** The evidence about k beyond the sweep's indices (`sweep`): gap statistic and stability. */
export function withChooseKOptions(cmd: Command): Command {
  cmd
    .option("--no-gap", "skip the gap statistic")
    .option(
      "--gap-b <n>",
      "reference sets of the gap statistic",
      integer("--gap-b", 2),
      GAP_DEFAULTS.references,
    )
    .option(
      "--gap-sample <n>",
      "rows for the gap statistic (a seeded sample above this many)",
      integer("--gap-sample", 2),
      GAP_DEFAULTS.sampleSize,
    )
    .option(
      "--gap-d-power <p>",
      `power of the distances in the gap's W(k) (${VOTE_GAP_SETTINGS.dPower}, Tibshirani's, is what the vote was tuned with; R's clusGap default is 1)`,
      number("--gap-d-power"),
      VOTE_GAP_SETTINGS.dPower,
    );
  return withStabilityOptions(cmd);
}

/** Bootstrap stability (`sweep` per k, `cluster` per cluster): resamples, sample size, or off. */
export function withStabilityOptions(cmd: Command): Command {
  return cmd
    .option("--no-stability", "skip bootstrap stability")
    .option(
      "--stability-b <n>",
      "bootstrap resamples for stability",
      integer("--stability-b", 2),
      STABILITY_DEFAULTS.resamples,
    )
    .option(
      "--stability-sample <n>",
      "rows for stability (a seeded sample above this many)",
      integer("--stability-sample", 2),
      STABILITY_DEFAULTS.sampleSize,
    );
}

/** Options that describe a transaction log. */
export function withTransactionOptions(cmd: Command, required: boolean): Command {
  const flag = "-t, --transactions <file>";
  const text = "transaction log: .csv, .csv.gz or whitespace-separated .txt";
  if (required) cmd.requiredOption(flag, text);
  else cmd.option(flag, text);
  return cmd
    .option("--date <column>", "transaction date column")
    .option(
      "--amount <expr>",
      'amount column, or a product of two columns such as "Quantity*UnitPrice"',
    )
    .option(
      "--invoice <column>",
      "invoice column (frequency = distinct invoices; default: one purchase per line)",
    )
    .option(
      "--as-of <YYYY-MM-DD>",
      "reference date for recency (default: the day after the last transaction)",
    )
    .option(
      "--date-format <fmt>",
      'strptime format when dates are ambiguous, e.g. "%d/%m/%Y %H:%M"',
    )
    .option("--exclude-returns", "drop cancellations instead of netting them against spend")
    .option("--keep-duplicates", "keep exact duplicate lines (dropped by default, with a count)")
    .option(
      "--keep-zero",
      "keep zero-price lines and clients whose spend is 0 (dropped by default, with a count)",
    )
    .option(
      "--count-returns",
      "count cancellations as transactions (as R rfm's rfm_table_order does on a raw log)",
    )
    .option(
      "--allow-dropped [rules]",
      `let cleaning rules drop more than ${FEATURES_DEFAULTS.maxDroppedShare * 100}% of the lines (all, or a list of ${DROP_RULES.join(", ")})`,
    )
    .addOption(
      new Option("--decimal <mark>", "decimal mark of the amounts (1,234.50 or 1.234,50)")
        .choices([".", ","])
        .default(FEATURES_DEFAULTS.decimal),
    )
    .option(
      "--keep <cols>",
      "text columns to carry through (latest value per client), e.g. Country",
    )
    .addOption(encodingOption(ENCODINGS))
    .option("--delimiter <char>", "field delimiter (default: detected)");
}

/** The client-table options of the rule commands (rules read raw values: no scaling options). */
export function withRuleTableOptions(cmd: Command, inputRequired: boolean): Command {
  const flag = "-i, --input <file>";
  const text = "client table: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx";
  if (inputRequired) cmd.requiredOption(flag, text);
  else cmd.option(flag, text);
  return cmd
    .option("--id <column>", "id column (kept as text); default: 1-based row number")
    .option("--sheet <name>", "XLSX sheet (default: the first)")
    .option(
      "--drop-missing",
      "leave out clients with a missing value in a column the rules read (default: stop with an error)",
    );
}

/** `--join`: add the numeric columns of another per-client table (e.g. clv.csv) by id. */
export function withJoinOptions(cmd: Command): Command {
  return cmd
    .option(
      "--join <file>",
      "add the numeric columns of another per-client table by id, e.g. clv.csv (clv, p_alive, expected_purchases, churn_risk_level)",
    )
    .option("--join-id <column>", "id column of the --join table", "id");
}

/** Text encoding and delimiter of the files a rule command reads. */
export function withTextOptions(cmd: Command): Command {
  return cmd
    .addOption(encodingOption(ENCODINGS))
    .option("--delimiter <char>", "CSV delimiter (default: detected)");
}

/** `--pdf`, on every command that writes report.html. */
export const PDF_OPTION = [
  "--pdf",
  "also write report.pdf, printed by headless Chromium (needs Chromium and playwright-core)",
] as const;

/**
 * `--interactive`, on every command that writes a report: chart tooltips and
 * legend selection, sortable and filterable tables, contents that follow the
 * reading (about 7 kB of inline script; the page still reads with JS off).
 */
export const INTERACTIVE_OPTION = [
  "--interactive",
  "add the interactive layer to the report: chart tooltips and legend selection, sortable tables (readable without JavaScript too)",
] as const;

/** Output options of the rule commands and compare. */
export function withRuleOutputOptions(cmd: Command): Command {
  return cmd
    .option("--show-ids", "show client ids in the report (masked by default)")
    .addOption(langOption())
    .option(...PDF_OPTION)
    .option(...INTERACTIVE_OPTION)
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}

/** `rfm`'s own options. */
export function withRfmOptions(cmd: Command): Command {
  return cmd
    .option("--recency <column>", "days since the last purchase (default: recency_days)")
    .option("--frequency <column>", "number of orders (default: frequency)")
    .option("--monetary <column>", "revenue (default: monetary)")
    .option("--tenure <column>", "days since the first purchase, for --clv (default: tenure_days)")
    .addOption(
      new Option(
        "--binning <method>",
        "r-rfm: as the R package rfm; ntile: equal-sized bins on ranks (default: from --config)",
      ).choices(RFM_BINNINGS),
    )
    .option(
      "--bins <n>",
      "scores per measure, 2–9 (default: from --config, else 5)",
      integer("--bins"),
    )
    .option("--config <file>", "RFM binning config (default: the shipped data/rules/rfm.json)")
    .option(
      "--segments <file>",
      "named segment table (default: the shipped data/rules/rfm-segments.json)",
    )
    .option(
      "--value-activity <file>",
      "value × activity config (default: the shipped data/rules/value-activity.json)",
    )
    .option(
      "--clv <file>",
      "also compute customer lifetime value with this config, e.g. data/rules/clv.json",
    );
}

/** `compare`'s own options. */
export function withCompareOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      "--a <file>",
      "segmentation A, e.g. runs/k4/assignments.csv (plays scikit-learn's labels_true)",
    )
    .requiredOption("--b <file>", "segmentation B, e.g. runs/rfm/segments.csv")
    .option(
      "--label-a <column>",
      "label column of A (default: segment, cluster, tier, label, group, class, abc_class or quadrant)",
    )
    .option("--label-b <column>", "label column of B (default: as for A)")
    .option("--id-a <column>", "id column of A (default: id)")
    .option("--id-b <column>", "id column of B (default: id)")
    .option("--name-a <text>", "display name of A (default: its file name)")
    .option("--name-b <text>", "display name of B (default: its file name)")
    .option(
      "--clients <file>",
      "client table with the raw features and revenue (default: B's file when it has them)",
    )
    .option("--id <column>", "id column of --clients (default: client_id or id)")
    .option(
      "-f, --features <cols>",
      "raw features for the surrogate rules (default: recency_days,frequency,monetary)",
    )
    .option("--revenue <column>", "revenue column for the value separation (default: monetary)");
}

/** Options of `segwork periods` besides the transaction log's. */
export function withPeriodsOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--every <step>", "one period per calendar month or quarter").choices([
        "month",
        "quarter",
      ]),
    )
    .option("--at <days>", "explicit period ends, comma-separated YYYY-MM-DD (instead of --every)")
    .option("--from <YYYY-MM-DD>", "first day of the first period")
    .option("--to <YYYY-MM-DD>", "last day of the last period (with --every)")
    .option("-m, --model <file>", "model.json written by segwork cluster (clusters)")
    .option("--rfm <file>", "rfm.json written by segwork rfm (cut points and segments)")
    .option(
      "--tiers <file>",
      "scorecard (e.g. data/rules/tiers.json), frozen on the first period and saved as tiers-frozen.json; or a tiers-frozen.json of an earlier run",
    )
    .option(
      "--overrides <file>",
      "manual overrides: client_id, tier or segment, reason, who, until",
    )
    .option("--targets <file>", "targets per segment (JSON or YAML)")
    .option("--campaign <file>", "campaign records: client_id, campaign, date")
    .addOption(
      new Option(
        "--targets-on <scheme>",
        "labels the targets and the campaign effect are measured on (default: segment with --rfm, else tier, else cluster)",
      ).choices(PERIOD_SCHEMES),
    )
    .option("--refit", "refit K-Means each period at the model's k, names matched to the previous")
    .option(
      "--rebin",
      "recompute the RFM cut points each period (scores then mean different things)",
    )
    .option(
      "--inactive-days <n>",
      "days without a purchase after which a client counts as inactive",
      integer("--inactive-days", 1),
      365,
    )
    .option("--seed <n>", "seed of the refits and the campaign bootstrap", integer("--seed"), 0)
    .option("--show-ids", "print client ids in the reports (masked by default)")
    .addOption(langOption())
    .option(...INTERACTIVE_OPTION)
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}

/** `clv`'s options: the log and its split, the CLV settings, the outputs. */
export function withClvOptions(cmd: Command): Command {
  const d = LIFETIME_VALUE_DEFAULTS;
  return cmd
    .requiredOption(
      "-t, --transactions <file>",
      "transaction log: .csv, .csv.gz or whitespace-separated .txt",
    )
    .requiredOption("--id <column>", "client id column")
    .requiredOption("--date <column>", "transaction date column")
    .requiredOption(
      "--amount <expr>",
      'amount column, or a product of two columns such as "Quantity*UnitPrice"',
    )
    .requiredOption(
      "--calibration-end <YYYY-MM-DD>",
      "last day of the calibration period (the models are fitted on purchases up to it)",
    )
    .option(
      "--holdout-end <YYYY-MM-DD>",
      "last day of a holdout period after it, to check the forecast against what happened",
    )
    .option(
      "--columns <names>",
      "comma-separated column names of a log without a header line (e.g. CDNOW_sample.txt)",
    )
    .option("--date-format <fmt>", 'strptime format when dates are ambiguous, e.g. "%Y%m%d"')
    .addOption(
      new Option("--time-unit <unit>", "unit of recency and age in the models")
        .choices(["days", "weeks"])
        .default("weeks"),
    )
    .option(
      "--horizon <months>",
      "CLV horizon in months (1–1200)",
      integer("--horizon", 1),
      d.horizonMonths,
    )
    .option(
      "--discount-rate <rate>",
      "discount rate per month (0–1)",
      number("--discount-rate"),
      d.monthlyDiscountRate,
    )
    .option("--margin <share>", "profit share of revenue (0–1)", number("--margin"), d.margin)
    .option(
      "--churn-bands <file>",
      "churn-risk bands by P(alive), JSON or YAML (default: high < 0.3 ≤ medium < 0.7 ≤ low)",
    )
    .option(
      "--drop-duplicates",
      "leave out exact duplicate lines (kept by default: most are two items of one purchase)",
    )
    .addOption(
      new Option("--negative-amounts <action>", "lines with a negative amount")
        .choices(["error", "drop"])
        .default("error"),
    )
    .addOption(encodingOption(ENCODINGS))
    .option("--delimiter <char>", "field delimiter (default: detected)")
    .option("--show-ids", "show client ids in the report (masked by default)")
    .addOption(langOption())
    .option(...INTERACTIVE_OPTION)
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}
