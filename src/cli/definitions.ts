/**
 * Every command's options. Defaults and choices come from the stages that
 * own them (`KMEANS_DEFAULTS`, `SCALING_METHODS`, `RFM_BINNINGS`, …), so the
 * help text shows what the library does. Only small modules are imported
 * here; each command's module is imported when it runs.
 */
import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { KMEANS_DEFAULTS } from "../cluster/defaults.js";
import { DEFAULT_SILHOUETTE_SAMPLE_SIZE } from "../evaluate/silhouette.js";
import { DROP_RULES, FEATURES_DEFAULTS } from "../features/types.js";
import { ENCODINGS } from "../load/options.js";
import {
  DEDUPE_METHODS,
  IMPUTE_METHODS,
  PREPARE_DEFAULTS,
  SCALING_METHODS,
} from "../prepare/options.js";
import { RFM_BINNINGS } from "../rules/rfm-scores.js";
import { integer, number } from "./parse.js";

/** What an action receives: the parsed options and the command line for reports. */
export type Action = (options: never, command: string) => Promise<void> | void;

function encodingOption(choices: readonly string[]): Option {
  return new Option("--encoding <name>", "text encoding").choices(choices).default("auto");
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
      "worker threads for K-Means (results are identical for any count)",
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
    .option(...PDF_OPTION)
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
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

/** Output options of the rule commands and compare. */
export function withRuleOutputOptions(cmd: Command): Command {
  return cmd
    .option("--show-ids", "show client ids in the report (masked by default)")
    .option(...PDF_OPTION)
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
