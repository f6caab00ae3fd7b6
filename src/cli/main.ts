#!/usr/bin/env node
/**
 * segwork's command line: a thin layer that parses options, calls the stages
 * in order and maps user errors to a one-line message and a non-zero exit.
 * Command modules are imported lazily so `segwork --help` starts fast
 * (danfojs-node and vega cost hundreds of milliseconds to import).
 */
import { availableParallelism } from "node:os";
import { Command, Option } from "commander";
import { isSegworkError } from "../shared/errors.js";
import { commandLine } from "./options.js";
import { packageVersion } from "./package-info.js";

const program = new Command();
const command = commandLine(process.argv.slice(2));

program
  .name("segwork")
  .description(
    "Customer segmentation and tiering: K-Means beside RFM and rule tiers, with offline HTML reports.",
  )
  .version(packageVersion())
  .showHelpAfterError("(run with --help for usage)");

/** Options every command that reads a client table accepts. */
function withTableOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      "-i, --input <file>",
      "client table: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx",
    )
    .option("--id <column>", "id column (kept as text); default: 1-based row number")
    .option("-f, --features <cols>", "comma-separated numeric feature columns")
    .addOption(
      new Option("--scale <method>", "scaling")
        .choices(["zscore", "robust", "minmax", "none"])
        .default("zscore"),
    )
    .option("--log <cols>", "features to transform with log1p before scaling")
    .addOption(
      new Option("--impute <method>", "rows with missing features")
        .choices(["drop", "median"])
        .default("drop"),
    )
    .addOption(
      new Option("--dedupe <rule>", "duplicate ids")
        .choices(["first", "last", "error"])
        .default("first"),
    )
    .option("--clip <lo,hi>", "winsorize features at these quantiles, e.g. 0.01,0.99")
    .addOption(
      new Option("--encoding <name>", "text encoding")
        .choices(["auto", "utf8", "gbk", "gb18030"])
        .default("auto"),
    )
    .option("--delimiter <char>", "CSV delimiter (default: detected)")
    .option("--sheet <name>", "XLSX sheet (default: the first)");
}

function withFitOptions(cmd: Command): Command {
  return cmd
    .option("--restarts <n>", "k-means++ restarts per k; the lowest inertia is kept", "10")
    .option("--seed <n>", "random seed (same seed, same result)", "0")
    .option("--max-iter <n>", "Lloyd iterations per restart at most", "300")
    .option("--tol <x>", "relative tolerance on centroid movement", "1e-4")
    .option(
      "--threads <n>",
      "worker threads for K-Means (results are identical for any count)",
      String(Math.min(availableParallelism(), 8)),
    )
    .option("--silhouette-sample <n>", "rows for the silhouette (exact up to this many)", "10000")
    .option(
      "--sample <n>",
      "fit on a seeded random sample of n rows (score the rest with grade or export-sql)",
    )
    .option(
      "--order-by <feature[:asc]>",
      "order clusters by this feature's mean (default: monetary-like, descending)",
    )
    .option("--show-ids", "print example client ids in the report (hidden by default)")
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}

withFitOptions(
  withTableOptions(
    program.command("sweep").description("fit K-Means for a range of k and recommend one"),
  ),
)
  .option("-k, --k <range>", "k or a range, e.g. 2..10", "2..10")
  .action(async (options) => {
    const { sweepCommand } = await import("./commands/sweep.js");
    await sweepCommand(options, command);
  });

withFitOptions(
  withTableOptions(
    program
      .command("cluster")
      .description("fit K-Means for one k; write assignments, model, profiles, report"),
  ),
)
  .option("-k, --k <n>", "number of clusters")
  .action(async (options) => {
    const { clusterCommand } = await import("./commands/cluster.js");
    await clusterCommand(options, command);
  });

/** Options that describe a transaction log. */
function withTransactionOptions(cmd: Command, required: boolean): Command {
  const option = required ? cmd.requiredOption.bind(cmd) : cmd.option.bind(cmd);
  option(
    "-t, --transactions <file>",
    "transaction log: .csv, .csv.gz or whitespace-separated .txt",
  );
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
    .option(
      "--keep <cols>",
      "text columns to carry through (latest value per client), e.g. Country",
    )
    .addOption(
      new Option("--encoding <name>", "text encoding")
        .choices(["auto", "utf8", "gbk"])
        .default("auto"),
    )
    .option("--delimiter <char>", "field delimiter (default: detected)");
}

withTransactionOptions(
  program
    .command("features")
    .description("derive one row per client (RFM and more) from a transaction log"),
  true,
)
  .requiredOption("--id <column>", "client id column")
  .requiredOption(
    "-o, --out <file>",
    "client table to write (CSV); the cleaning summary goes beside it",
  )
  .option("-q, --quiet", "no progress on stderr")
  .action(async (options) => {
    const { featuresCommand } = await import("./commands/features.js");
    await featuresCommand(options);
  });

/** The client-table options of the rule commands (rules read raw values: no scaling options). */
function withRuleTableOptions(cmd: Command, inputRequired: boolean): Command {
  const option = inputRequired ? cmd.requiredOption.bind(cmd) : cmd.option.bind(cmd);
  option("-i, --input <file>", "client table: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx");
  return cmd
    .option("--id <column>", "id column (kept as text); default: 1-based row number")
    .option("--sheet <name>", "XLSX sheet (default: the first)")
    .option(
      "--drop-missing",
      "leave out clients with a missing value in a column the rules read (default: stop with an error)",
    );
}

/** Text encoding and delimiter of the files a command reads. */
function withReadOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--encoding <name>", "text encoding")
        .choices(["auto", "utf8", "gbk", "gb18030"])
        .default("auto"),
    )
    .option("--delimiter <char>", "CSV delimiter (default: detected)");
}

/** Output options of the rule commands and compare. */
function withRuleOutputOptions(cmd: Command): Command {
  return cmd
    .option("--show-ids", "show client ids in the report (masked by default)")
    .option("-q, --quiet", "no progress on stderr")
    .requiredOption("-o, --out <dir>", "output directory");
}

withRuleOutputOptions(
  withRuleTableOptions(
    withTransactionOptions(
      program
        .command("rfm")
        .description(
          "RFM scores and named segments from a client table (--input) or a transaction log (--transactions)",
        ),
      false,
    ),
    false,
  ),
)
  .option("--recency <column>", "days since the last purchase (default: recency_days)")
  .option("--frequency <column>", "number of orders (default: frequency)")
  .option("--monetary <column>", "revenue (default: monetary)")
  .option("--tenure <column>", "days since the first purchase, for --clv (default: tenure_days)")
  .addOption(
    new Option(
      "--binning <method>",
      "r-rfm: as the R package rfm; ntile: equal-sized bins on ranks (default: from --config)",
    ).choices(["r-rfm", "ntile"]),
  )
  .option("--bins <n>", "scores per measure, 2–9 (default: from --config, else 5)")
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
  )
  .action(async (options) => {
    const { rfmCommand } = await import("./commands/rfm.js");
    await rfmCommand(options, command);
  });

withRuleOutputOptions(
  withReadOptions(
    withRuleTableOptions(
      program
        .command("thresholds")
        .description(
          "label clients with the first matching threshold rule, e.g. recency_days <= 30 and frequency >= 5",
        ),
      true,
    ),
  ),
)
  .option("--config <file>", "threshold rules (default: the shipped data/rules/thresholds.json)")
  .option(
    "--revenue <column>",
    "revenue column for the segment table's revenue share (default: monetary when present)",
  )
  .action(async (options) => {
    const { thresholdsCommand } = await import("./commands/thresholds.js");
    await thresholdsCommand(options, command);
  });

withRuleOutputOptions(
  withReadOptions(
    withRuleTableOptions(
      program
        .command("tiers")
        .description("weighted scorecard 0–100 and tiers by score or by target shares"),
      true,
    ),
  ),
)
  .option("--config <file>", "scorecard, JSON or YAML (default: the shipped data/rules/tiers.json)")
  .option(
    "--revenue <column>",
    "revenue column for the segment table's revenue share (default: monetary when present)",
  )
  .action(async (options) => {
    const { tiersCommand } = await import("./commands/tiers.js");
    await tiersCommand(options, command);
  });

withRuleOutputOptions(
  withReadOptions(
    withRuleTableOptions(
      program
        .command("abc")
        .description("ABC classes by share of revenue, Lorenz curve and Gini coefficient"),
      true,
    ),
  ),
)
  .option("--revenue <column>", "revenue column", "monetary")
  .option("--config <file>", "ABC shares (default: the shipped data/rules/abc.json)")
  .action(async (options) => {
    const { abcCommand } = await import("./commands/abc.js");
    await abcCommand(options, command);
  });

withRuleOutputOptions(
  withReadOptions(
    program
      .command("compare")
      .description(
        "compare two segmentations of the same clients: ARI, NMI, V-measure, crosstab, surrogate rules, value separation",
      ),
  ),
)
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
  .option("--revenue <column>", "revenue column for the value separation (default: monetary)")
  .action(async (options) => {
    const { compareCommand } = await import("./commands/compare.js");
    await compareCommand(options, command);
  });

program
  .command("grade")
  .description(
    "assign a later table to a saved model's clusters (no refit); write assignments.csv and grade.json with drift",
  )
  .requiredOption("-m, --model <file>", "model.json written by segwork cluster")
  .requiredOption(
    "-i, --input <file>",
    "client table to score: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx",
  )
  .option("--id <column>", "id column (kept as text); default: 1-based row number")
  .addOption(
    new Option("--encoding <name>", "text encoding")
      .choices(["auto", "utf8", "gbk", "gb18030"])
      .default("auto"),
  )
  .option("--delimiter <char>", "CSV delimiter (default: detected)")
  .option("--sheet <name>", "XLSX sheet (default: the first)")
  .option("-q, --quiet", "no progress on stderr")
  .requiredOption("-o, --out <dir>", "output directory")
  .action(async (options) => {
    const { gradeCommand } = await import("./commands/grade.js");
    await gradeCommand(options, command);
  });

program
  .command("export-sql")
  .description(
    "write one portable SQL query (DuckDB, Spark SQL, Trino) that scores a table with a saved model",
  )
  .requiredOption("-m, --model <file>", "model.json written by segwork cluster")
  .option("--rfm <file>", "also emit RFM scores (and segments) from this rfm.json")
  .option("--table <name>", "table to score", "clients")
  .option("--id <column>", "id column, returned as id", "client_id")
  .option("-o, --out <file>", "write the query here (default: stdout)")
  .action(async (options) => {
    const { exportSqlCommand } = await import("./commands/export-sql.js");
    exportSqlCommand(options);
  });

program
  .command("synth")
  .description("write a seeded synthetic client table (Gaussian blobs) for tests and benchmarks")
  .option("--rows <n>", "rows", "1000")
  .option("--features <n>", "numeric features", "3")
  .option("--clusters <n>", "planted clusters", "4")
  .option("--seed <n>", "random seed", "0")
  .option("--spread <x>", "blob sd relative to the spread of the centres", "0.2")
  .option("--truth", "add the planted cluster as a column")
  .option("-o, --out <file>", "output CSV (default: stdout)")
  .action(async (options) => {
    const { synthCommand } = await import("./commands/synth.js");
    await synthCommand(options);
  });

program
  .command("demo")
  .description("run the whole flow on the shipped sample data and write one report")
  .option("-o, --out <dir>", "output directory", "reports/demo")
  .option("-q, --quiet", "no progress on stderr")
  .action(async (options) => {
    const { demoCommand } = await import("./commands/demo.js");
    await demoCommand(options, command);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isSegworkError(error)) {
    process.stderr.write(`segwork: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`segwork: internal error: ${message}\n`);
    if (process.env.SEGWORK_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    else process.stderr.write("(set SEGWORK_DEBUG=1 for a stack trace, and please report it)\n");
    process.exitCode = 70;
  }
}
