/**
 * The README's reliability promises, checked for every command that reads an
 * input through one table of cases:
 *
 * - an input is never overwritten, also when `--out` reaches it through a
 *   symbolic link (to the folder or to the file) or a hard link: exit 2, one
 *   line, the input unchanged and nothing written;
 * - `--out` under an existing *file* is refused before any work (exit 2, one
 *   line naming both), nothing written;
 * - missing parent folders of `--out` are created, and the run succeeds.
 */
import {
  existsSync,
  linkSync,
  readFileSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import * as msg from "../../src/shared/messages/cli.js";
import { repoRoot, runCliInProcess, tempDir } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";

const LOG = path.join(repoRoot, "test/cli-rules/transactions.csv");
const LOG_COLUMNS = [
  "--id",
  "CustomerID",
  "--date",
  "InvoiceDate",
  "--amount",
  "Quantity*UnitPrice",
  "--invoice",
  "InvoiceNo",
];
const CDNOW_SAMPLE = path.join(repoRoot, "test/fixtures/clv/CDNOW_sample.txt");
const TABLE = ["--id", "client_id"];
const KMEANS = [...TABLE, "--features", "recency_days,frequency,monetary", "--restarts", "2"];
const QUIET = ["--quiet"];

/** Files made once for the cases that read segwork's own outputs. */
interface Made {
  clients: string;
  model: string;
  segments: string;
}

/**
 * One command: its argv for a given input and output, and the output file
 * name the input is given (so that an output would land on it).
 */
interface Case {
  command: string;
  /** The output (file or folder) the command writes for `--out`. */
  outKind: "folder" | "file";
  /** The name of one of the command's outputs; the victim input is saved under it. */
  outputName: string;
  /** The content of the victim input (a valid input, so the success case runs). */
  victim: (made: Made) => string;
  argv: (input: string, out: string, made: Made) => string[];
  /** The input's name for the run that must succeed, when the output's name would not load as an input (default: outputName). */
  inputName?: string;
}

const CASES: Case[] = [
  {
    command: "features",
    outKind: "file",
    outputName: "clients.csv",
    victim: () => readFileSync(LOG, "utf8"),
    argv: (input, out) => [
      "features",
      "--transactions",
      input,
      ...LOG_COLUMNS,
      "--allow-dropped",
      "--out",
      out,
    ],
  },
  {
    command: "sweep",
    outKind: "folder",
    outputName: "sweep.json",
    inputName: "clients.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out) => ["sweep", "--input", input, ...KMEANS, "--k", "2..3", "--out", out],
  },
  {
    command: "cluster",
    outKind: "folder",
    outputName: "assignments.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out) => ["cluster", "--input", input, ...KMEANS, "--k", "2", "--out", out],
  },
  ...(["rfm", "thresholds"] as const).map((command): Case => ({
    command,
    outKind: "folder",
    outputName: "segments.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out) => [command, "--input", input, ...TABLE, "--out", out],
  })),
  {
    command: "tiers",
    outKind: "folder",
    outputName: "tiers.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out) => ["tiers", "--input", input, ...TABLE, "--out", out],
  },
  {
    command: "abc",
    outKind: "folder",
    outputName: "abc.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out) => ["abc", "--input", input, ...TABLE, "--out", out],
  },
  {
    command: "compare",
    outKind: "folder",
    outputName: "crosstab.csv",
    victim: (made) => readFileSync(made.segments, "utf8"),
    argv: (input, out, made) => [
      "compare",
      "--a",
      input,
      "--b",
      made.segments,
      "--clients",
      made.clients,
      "--out",
      out,
    ],
  },
  {
    command: "grade",
    outKind: "folder",
    outputName: "assignments.csv",
    victim: () => SIX_CLIENTS,
    argv: (input, out, made) => [
      "grade",
      "--model",
      made.model,
      "--input",
      input,
      ...TABLE,
      "--out",
      out,
    ],
  },
  {
    command: "periods",
    outKind: "folder",
    outputName: "periods.json",
    inputName: "transactions.csv",
    victim: () => readFileSync(LOG, "utf8"),
    argv: (input, out) => [
      "periods",
      "--transactions",
      input,
      ...LOG_COLUMNS,
      "--at",
      "2011-12-10",
      "--tiers",
      path.join(repoRoot, "data/rules/tiers.json"),
      "--allow-dropped",
      "--out",
      out,
    ],
  },
  {
    command: "clv",
    outKind: "folder",
    outputName: "clv.csv",
    inputName: "cdnow.txt",
    victim: () => readFileSync(CDNOW_SAMPLE, "utf8"),
    argv: (input, out) => [
      "clv",
      "--transactions",
      input,
      "--columns",
      "customer_id,sample_id,date,cds,dollars",
      "--id",
      "customer_id",
      "--date",
      "date",
      "--amount",
      "dollars",
      "--calibration-end",
      "1997-09-30",
      "--out",
      out,
    ],
  },
  {
    command: "export-sql",
    outKind: "file",
    outputName: "score.sql",
    victim: (made) => readFileSync(made.model, "utf8"),
    argv: (input, out) => ["export-sql", "--model", input, "--out", out],
  },
];

/** Runs segwork in-process; the status and the one-line stderr. */
async function segwork(argv: string[]): Promise<{ status: number; stderr: string }> {
  // export-sql prints nothing but the query, so it has no --quiet.
  const r = await runCliInProcess(argv[0] === "export-sql" ? argv : [...argv, ...QUIET]);
  return { status: r.status ?? -1, stderr: r.stderr };
}

/** Every file under `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("reliability promises, for every command that reads an input", () => {
  const made: Made = { clients: "", model: "", segments: "" };

  beforeAll(async () => {
    const dir = tempDir("segwork-reliability-made-");
    made.clients = path.join(dir, "clients.csv");
    writeFileSync(made.clients, SIX_CLIENTS);
    const cluster = path.join(dir, "cluster");
    const rfm = path.join(dir, "rfm");
    expect((await segwork(CASES[2]!.argv(made.clients, cluster, made))).status).toBe(0);
    expect((await segwork(CASES[3]!.argv(made.clients, rfm, made))).status).toBe(0);
    made.model = path.join(cluster, "model.json");
    made.segments = path.join(rfm, "segments.csv");
  });

  /** A folder holding the victim input under the output's name. */
  function victimFolder(
    c: Case,
    name = c.outputName,
  ): { dir: string; input: string; content: string } {
    const dir = tempDir(`segwork-reliability-${c.command}-`);
    const input = path.join(dir, name);
    const content = c.victim(made);
    writeFileSync(input, content);
    return { dir, input, content };
  }

  for (const c of CASES) {
    describe(c.command, () => {
      it("refuses an --out that reaches the input through a symbolic link; the input stays", async () => {
        const { dir, input, content } = victimFolder(c);
        const link = path.join(tempDir("segwork-reliability-link-"), "out");
        symlinkSync(c.outKind === "folder" ? dir : input, link);
        const r = await segwork(c.argv(input, link, made));
        expect(r.status).toBe(2);
        expect(r.stderr).toBe(
          `segwork: ${msg.outWouldOverwriteInput(realpathSync(input)).message}\n`,
        );
        expect(readFileSync(input, "utf8")).toBe(content);
        expect(listing(dir)).toEqual([c.outputName]);
      });

      it("refuses an output that is a hard link of the input; the input stays", async () => {
        const { dir, input, content } = victimFolder(c);
        const outDir = tempDir("segwork-reliability-hard-");
        const target = path.join(outDir, c.outputName);
        linkSync(input, target);
        const out = c.outKind === "folder" ? outDir : target;
        const r = await segwork(c.argv(input, out, made));
        expect(r.status).toBe(2);
        expect(r.stderr).toBe(
          `segwork: ${msg.outWouldOverwriteInput(realpathSync(target)).message}\n`,
        );
        expect(readFileSync(input, "utf8")).toBe(content);
        expect(listing(dir)).toEqual([c.outputName]);
        expect(listing(outDir)).toEqual([c.outputName]);
      });

      it("refuses an --out under an existing file before any work; nothing is written", async () => {
        const { input } = victimFolder(c);
        const dir = tempDir("segwork-reliability-under-");
        const file = path.join(dir, "existing-file.txt");
        writeFileSync(file, "mine");
        const folder = path.join(file, "q3");
        const out = c.outKind === "file" ? path.join(folder, c.outputName) : folder;
        const r = await segwork(c.argv(input, out, made));
        expect(r.status).toBe(2);
        expect(r.stderr).toBe(`segwork: ${msg.outUnderFile("--out", folder, file).message}\n`);
        expect(readFileSync(file, "utf8")).toBe("mine");
        expect(listing(dir)).toEqual(["existing-file.txt"]);
      });

      it("creates missing parent folders of --out and succeeds", async () => {
        const { input } = victimFolder(c, c.inputName);
        const dir = tempDir("segwork-reliability-nested-");
        const nested = path.join(dir, "a", "missing", "nested", "dir");
        const out = c.outKind === "file" ? path.join(nested, c.outputName) : nested;
        const r = await segwork(c.argv(input, out, made));
        expect(r.stderr).not.toMatch(/internal error/);
        expect(r.status).toBe(0);
        expect(existsSync(c.outKind === "file" ? out : path.join(out, c.outputName))).toBe(true);
        expect(readdirSync(dir)).toEqual(["a"]);
      });
    });
  }

  it("covers every command that reads an input (all but synth and demo)", () => {
    const commands = buildProgram("segwork").commands.map((command) => command.name());
    expect(CASES.map((c) => c.command).sort()).toEqual(
      commands.filter((name) => name !== "synth" && name !== "demo").sort(),
    );
  });
});
