/**
 * The notebooks run headlessly with the real Deno kernel and produce the
 * outputs each cell declares (`notebooks/tools/run_notebooks.py`, Debian's
 * nbclient); the runner itself catches what a plain execution lets through;
 * committed notebooks carry no outputs. The execution suites are skipped
 * with a notice when /usr/bin/python3 lacks nbclient, unless
 * SEGWORK_REQUIRE_NOTEBOOKS=1 (CI) makes that a failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const PYTHON = "/usr/bin/python3";
const RUNNER = path.join(repoRoot, "notebooks/tools/run_notebooks.py");
const NOTEBOOKS = readdirSync(path.join(repoRoot, "notebooks"))
  .filter((name) => name.endsWith(".ipynb"))
  .sort();

interface RunReport {
  notebook: string;
  seconds: number;
  expected: number;
  missing: number;
  afterIdle: number;
  routedLate: number;
  failures: string[];
}

function unavailableReason(): string | null {
  // The notebooks run under Deno, not Node: CI executes them on its first Node pass only.
  if (process.env.SEGWORK_SKIP_NOTEBOOKS === "1") return "SEGWORK_SKIP_NOTEBOOKS=1";
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = spawnSync(PYTHON, ["-c", "import nbclient, nbformat"], { encoding: "utf8" });
  if (probe.status !== 0)
    return "nbclient is missing (apt-get install jupyter-nbconvert python3-nbclient)";
  if (!existsSync(path.join(repoRoot, "node_modules/deno/package.json")))
    return "the deno devDependency is not installed (npm ci)";
  return null;
}

const required = process.env.SEGWORK_REQUIRE_NOTEBOOKS === "1";
const unavailable = unavailableReason();
const skip = process.env.SEGWORK_SKIP_NOTEBOOKS === "1" || (unavailable !== null && !required);
if (skip) console.warn(`notebook execution tests skipped: ${unavailable}`);
const title = (name: string) => (skip ? `${name} (skipped: ${unavailable})` : name);

/** Runs the runner (asynchronously, so vitest's timers keep running) and parses its JSON lines. */
function runNotebooks(
  files: string[],
): Promise<{ status: number | null; reports: RunReport[]; stderr: string }> {
  if (unavailable)
    throw new Error(`cannot run notebooks: ${unavailable} (SEGWORK_REQUIRE_NOTEBOOKS=1)`);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [RUNNER, ...files], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      const reports = stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as RunReport);
      resolve({ status, reports, stderr });
    });
  });
}

const BROKEN = "test/notebooks/fixtures/broken.ipynb";
/** DuckDB's native addon, the features stage and ml-matrix under the kernel (for notebooks to come). */
const PACKAGES = "test/notebooks/fixtures/packages.ipynb";
let shared: ReturnType<typeof runNotebooks> | undefined;
/** One runner process for both suites: the kernelspec and the kernel start-up are paid once. */
const runAll = () =>
  (shared ??= runNotebooks([
    ...NOTEBOOKS.map((name) => path.join("notebooks", name)),
    PACKAGES,
    BROKEN,
  ]));

describe.skipIf(skip)(title("notebooks run with the Deno kernel"), () => {
  let run: Awaited<ReturnType<typeof runNotebooks>>;

  beforeAll(async () => {
    run = await runAll();
  }, 600_000);

  it("runs DuckDB (a native addon), the features stage and ml-matrix in the kernel", () => {
    const report = run.reports.find((r) => r.notebook === PACKAGES);
    expect(report?.failures, run.stderr).toEqual([]);
    expect(report!.missing).toBe(0);
  });

  it("finds the notebooks", () => {
    expect(NOTEBOOKS).toEqual(
      expect.arrayContaining([
        "01-choose-k.ipynb",
        "02-rules-vs-clusters.ipynb",
        "03-quarterly-review.ipynb",
      ]),
    );
  });

  it.each(NOTEBOOKS)("%s: every cell ran and produced its declared outputs", (name) => {
    const report = run.reports.find((r) => r.notebook === `notebooks/${name}`);
    expect(report, run.stderr).toBeDefined();
    console.log(
      `${name}: ${report!.seconds} s, ${report!.expected} declared outputs, ` +
        `${report!.afterIdle} arrived after idle, ${report!.routedLate} filed late`,
    );
    expect(report!.failures).toEqual([]);
    expect(report!.missing).toBe(0);
    expect(report!.expected).toBeGreaterThan(0);
  });
});

describe.skipIf(skip)(title("the notebook runner"), () => {
  let report: RunReport;
  let status: number | null;

  beforeAll(async () => {
    const run = await runAll();
    status = run.status;
    report = run.reports.find((r) => r.notebook === BROKEN)!;
  }, 600_000);

  const failure = (pattern: RegExp) => report.failures.find((line) => pattern.test(line));

  it("fails the run", () => {
    expect(report).toBeDefined();
    expect(status).toBe(1);
  });

  it("catches a misspelt import at run time and in deno check", () => {
    expect(
      failure(/code cell 1: imports 'sweepk' from '.*sweep\.ts', which does not export it/),
    ).toBeDefined();
    expect(failure(/deno check: [\s\S]*has no exported member named 'sweepk'/)).toBeDefined();
    // `kneedle` exists and `type KneedleResult` is a type: neither is reported.
    expect(report.failures.join("\n")).not.toMatch(/'kneedle'|'KneedleResult'/);
  });

  it("catches an unawaited rejection", () => {
    expect(
      failure(/code cell 2 .*unhandled promise rejection: Error: nobody awaited me/),
    ).toBeDefined();
  });

  it("type-checks the cells", () => {
    expect(
      failure(/TS2322[\s\S]*not assignable to type 'number'[\s\S]*code cell 3, line 1/),
    ).toBeDefined();
  });

  it("checks values, declarations and the number of outputs", () => {
    expect(failure(/code cell 4 .*stdout does not contain 'goodbye'/)).toBeDefined();
    expect(failure(/code cell 5 .*declares no expected outputs/)).toBeDefined();
    expect(failure(/code cell 6 .*2 display output\(s\) expected, 1 produced/)).toBeDefined();
    expect(failure(/code cell 6 .*0 result output\(s\) expected, 1 produced/)).toBeDefined();
  });

  it("reports a raising cell and checks nothing after it", () => {
    expect(failure(/code cell 7 .*raised Error: stop here/)).toBeDefined();
    expect(failure(/code cell 8/)).toBeUndefined();
  });
});

describe("committed notebooks", () => {
  it.each(NOTEBOOKS)(
    "%s has no outputs, asks for the deno kernel, and declares every cell's outputs",
    (name) => {
      const notebook = JSON.parse(readFileSync(path.join(repoRoot, "notebooks", name), "utf8")) as {
        metadata: { kernelspec: { name: string } };
        cells: {
          cell_type: string;
          outputs?: unknown[];
          execution_count?: number | null;
          metadata: { segwork?: { expect?: unknown[] } };
        }[];
      };
      expect(notebook.metadata.kernelspec.name).toBe("deno");
      const code = notebook.cells.filter((cell) => cell.cell_type === "code");
      expect(code.length).toBeGreaterThan(0);
      for (const cell of code) {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
        expect(Array.isArray(cell.metadata.segwork?.expect)).toBe(true);
      }
    },
  );

  it("are in the layout `npm run notebooks:strip` writes", () => {
    const check = spawnSync(process.execPath, ["notebooks/tools/strip.mjs", "--check"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(check.stdout).toBe("");
    expect(check.status).toBe(0);
  });
});
