/**
 * segwork's command line (`main.ts` is its entry point): a thin face over
 * the workflows. Each command
 * parses its options, calls one workflow and writes the outputs all or
 * nothing; user errors become one line on stderr and exit code 2. Command
 * modules are imported when they run, so `segwork --help` starts fast
 * (DuckDB, vega and SheetJS cost hundreds of milliseconds to import).
 */
import { Command, CommanderError, Option } from "commander";
import { SQL_DIALECTS } from "../shared/sql-dialect.js";
import { isSegworkError } from "../shared/errors.js";
import { packageVersion } from "../shared/package-info.js";
import {
  withClvOptions,
  langOption,
  withCompareOptions,
  withChooseKOptions,
  withStabilityOptions,
  withJoinOptions,
  withFitOptions,
  PDF_OPTION,
  INTERACTIVE_OPTION,
  withRfmOptions,
  withRuleOutputOptions,
  withRuleTableOptions,
  withTableOptions,
  withTextOptions,
  withPeriodsOptions,
  withTransactionOptions,
  withReadOptions,
} from "./definitions.js";
import { commandLine, integer, number } from "./parse.js";

/** A command's module: `run(options, commandLine)`. */
type CommandModule = { run(options: never, command: string): Promise<void> | void };

/** Each command's module, imported when the command runs. */
const MODULES: Record<string, () => Promise<CommandModule>> = {
  sweep: () => import("./commands/sweep.js"),
  cluster: () => import("./commands/cluster.js"),
  features: () => import("./commands/features.js"),
  rfm: () => import("./commands/rfm.js"),
  thresholds: () => import("./commands/thresholds.js"),
  tiers: () => import("./commands/tiers.js"),
  abc: () => import("./commands/abc.js"),
  compare: () => import("./commands/compare.js"),
  grade: () => import("./commands/grade.js"),
  periods: () => import("./commands/periods.js"),
  clv: () => import("./commands/clv.js"),
  "export-sql": () => import("./commands/export-sql.js"),
  synth: () => import("./commands/synth.js"),
  demo: () => import("./commands/demo.js"),
};

/**
 * Builds the command line program for one run; `line` is the command line
 * recorded in reports and artifacts.
 */
export function buildProgram(line: string): Command {
  const program = new Command();
  program
    .name("segwork")
    .description(
      "Customer segmentation and tiering: K-Means beside RFM and rule tiers, with offline HTML reports.",
    )
    .version(packageVersion())
    .showHelpAfterError("(run with --help for usage)");

  /** Registers a command whose action lives in `commands/<name>.ts`. */
  function command(name: keyof typeof MODULES & string, description: string): Command {
    return program
      .command(name)
      .description(description)
      .action(async (options: object) => {
        const module = await MODULES[name]!();
        await module.run(options as never, line);
      });
  }

  withChooseKOptions(
    withFitOptions(
      withTableOptions(command("sweep", "fit K-Means for a range of k and recommend one")),
    ),
  ).option("-k, --k <range>", "k or a range, e.g. 2..10", "2..10");

  withStabilityOptions(
    withFitOptions(
      withTableOptions(
        command("cluster", "fit K-Means for one k; write assignments, model, profiles, report"),
      ),
    ),
  ).option("-k, --k <n>", "number of clusters");

  withTransactionOptions(
    command("features", "derive one row per client (RFM and more) from a transaction log"),
    true,
  )
    .requiredOption("--id <column>", "client id column")
    .requiredOption(
      "-o, --out <file>",
      "client table to write (CSV); the cleaning summary goes beside it",
    )
    .option("-q, --quiet", "no progress on stderr");

  withRfmOptions(
    withRuleOutputOptions(
      withRuleTableOptions(
        withTransactionOptions(
          command(
            "rfm",
            "RFM scores and named segments from a client table (--input) or a transaction log (--transactions)",
          ),
          false,
        ),
        false,
      ),
    ),
  );

  withRuleOutputOptions(
    withTextOptions(
      withJoinOptions(
        withRuleTableOptions(
          command(
            "thresholds",
            "label clients with the first matching threshold rule, e.g. recency_days <= 30 and frequency >= 5",
          ),
          true,
        ),
      ),
    ),
  )
    .option("--config <file>", "threshold rules (default: the shipped data/rules/thresholds.json)")
    .option(
      "--revenue <column>",
      "revenue column for the segment table's revenue share (default: monetary when present)",
    );

  withRuleOutputOptions(
    withTextOptions(
      withJoinOptions(
        withRuleTableOptions(
          command("tiers", "weighted scorecard 0–100 and tiers by score or by target shares"),
          true,
        ),
      ),
    ),
  )
    .option(
      "--config <file>",
      "scorecard, JSON or YAML (default: the shipped data/rules/tiers.json)",
    )
    .option(
      "--revenue <column>",
      "revenue column for the segment table's revenue share (default: monetary when present)",
    );

  withRuleOutputOptions(
    withTextOptions(
      withJoinOptions(
        withRuleTableOptions(
          command("abc", "ABC classes by share of revenue, Lorenz curve and Gini coefficient"),
          true,
        ),
      ),
    ),
  )
    .option("--revenue <column>", "revenue column", "monetary")
    .option("--config <file>", "ABC shares (default: the shipped data/rules/abc.json)");

  withCompareOptions(
    withRuleOutputOptions(
      withTextOptions(
        command(
          "compare",
          "compare two segmentations of the same clients: ARI, NMI, V-measure, crosstab, surrogate rules, value separation",
        ),
      ),
    ),
  );

  withClvOptions(
    command(
      "clv",
      "buy-till-you-die CLV from a transaction log: BG/NBD and Gamma-Gamma, P(alive), expected purchases, churn risk",
    ),
  );

  withReadOptions(
    command(
      "grade",
      "assign a later table to a saved model's clusters (no refit); write assignments.csv and grade.json with drift",
    ),
  )
    .option("-m, --model <file>", "model.json written by segwork cluster")
    .option(
      "-i, --input <file>",
      "client table to score: .csv, .csv.gz, .tsv, .json, .jsonl or .xlsx",
    )
    .option("-q, --quiet", "no progress on stderr")
    .option("-o, --out <dir>", "output directory (with --input)")
    .option(
      "--client <json>",
      'one client\'s values, e.g. \'{"id":"17850","recency_days":3,"frequency":12,"monetary":5400}\' (or @file): print its grades with the reasons',
    )
    .option("--rfm <file>", "with --client: rfm.json written by segwork rfm")
    .option(
      "--tiers <file>",
      "with --client: a scorecard such as data/rules/tiers.json, or tiers-frozen.json written by segwork periods",
    )
    .option(
      "--reference <file>",
      "with a scorecard config as --tiers: the client table it is frozen on (not with tiers-frozen.json)",
    )
    .option("--json", "with --client: print the explanation as JSON");

  withPeriodsOptions(
    withTransactionOptions(
      command(
        "periods",
        "re-grade a log at every month or quarter end with saved artifacts; migration, KPIs, targets, overrides; one report per period and an index",
      ),
      true,
    ).requiredOption("--id <column>", "client id column"),
  );

  command(
    "export-sql",
    "write one SQL query (DuckDB, PostgreSQL, Spark SQL, Trino) that scores a table with a saved model",
  )
    .requiredOption("-m, --model <file>", "model.json written by segwork cluster")
    .option("--rfm <file>", "also emit RFM scores (and segments) from this rfm.json")
    .option("--table <name>", "table to score", "clients")
    .option("--id <column>", "id column, returned as id", "client_id")
    .addOption(
      new Option("--dialect <engine>", "SQL dialect of the query")
        .choices(SQL_DIALECTS)
        .default("duckdb"),
    )
    .option("-o, --out <file>", "write the query here (default: stdout)");

  command(
    "synth",
    "write a seeded synthetic client table (Gaussian blobs) for tests and benchmarks",
  )
    .option("--rows <n>", "rows", integer("--rows", 1), 1000)
    .option("--features <n>", "numeric features", integer("--features", 1), 3)
    .option("--clusters <n>", "planted clusters", integer("--clusters", 1), 4)
    .option("--seed <n>", "random seed", integer("--seed"), 0)
    .option(
      "--spread <x>",
      "blob sd relative to the spread of the centres",
      number("--spread"),
      0.2,
    )
    .option("--truth", "add the planted cluster as a column")
    .option("-o, --out <file>", "output CSV (default: stdout)");

  command("demo", "run the whole flow on the shipped sample data and write one report")
    .option("-o, --out <dir>", "output directory", "reports/demo")
    .addOption(langOption())
    .option(...PDF_OPTION)
    .option(...INTERACTIVE_OPTION)
    .option("-q, --quiet", "no progress on stderr");

  return program;
}

/**
 * Runs segwork with `argv` (the arguments after the program name) and
 * returns the exit code: 0, 2 for a user error (one line on stderr), 1 for
 * a command-line usage error (commander's message), 70 for an internal error.
 * Runs in-process, so tests can call it without spawning a process.
 *
 * @example
 * process.exitCode = await runCli(["sweep", "--input", "clients.csv", "--features", "monetary", "--out", "runs/q3"]);
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram(commandLine(argv));
  program.exitOverride();
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isSegworkError(error)) {
      process.stderr.write(`segwork: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`segwork: internal error: ${message}\n`);
    if (process.env.SEGWORK_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    else process.stderr.write("(set SEGWORK_DEBUG=1 for a stack trace, and please report it)\n");
    return 70;
  }
}
