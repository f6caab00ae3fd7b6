/**
 * `--interactive` through the CLI (and `interactive: true` through a
 * workflow): offered by every command that writes a report, off by default
 * (the report has no script), on it adds the layer (one script allowed by
 * its hash, chart tips in the SVGs), and `--pdf` still prints the report
 * beside it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { clvFiles, clvWorkflow } from "../../src/workflows/clv.js";
import { CDNOW_LOG } from "../clv/cdnow.js";
import { browserUnavailableReason } from "../report/browser.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { run, runOk } from "./run.js";

const REPORT_COMMANDS = [
  "sweep",
  "cluster",
  "rfm",
  "thresholds",
  "tiers",
  "abc",
  "compare",
  "demo",
  "periods",
  "clv",
];

const SPEND = "id,spend\na,50\nb,30\nc,10\nd,5\ne,5\nf,1\n";

describe("segwork --interactive", () => {
  it("is an option of every command that writes a report, off by default", () => {
    const program = buildProgram("segwork");
    for (const name of REPORT_COMMANDS) {
      const command = program.commands.find((c) => c.name() === name);
      const option = command?.options.find((o) => o.long === "--interactive");
      expect(option, name).toBeDefined();
      expect(option!.defaultValue, name).toBeUndefined();
    }
  });

  it("adds the layer to the report only when given", async () => {
    const dir = tempDir("segwork-interactive-");
    const input = writeInput(dir, "spend.csv", SPEND);
    const args = (out: string) => [
      "abc",
      ...["--input", input, "--id", "id", "--revenue", "spend", "--out", path.join(dir, out)],
      "--quiet",
    ];
    await runOk(args("static"));
    await runOk([...args("live"), "--interactive"]);
    const page = (out: string) => readFileSync(path.join(dir, out, "report.html"), "utf8");
    expect(page("static")).not.toContain("<script");
    expect(page("static")).not.toContain("<metadata");
    const live = page("live");
    expect(live.match(/<script>/g)).toHaveLength(1);
    expect(live).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(live).toContain('<metadata class="segwork-tips">');
    // the same charts: only the tips are added to each SVG
    const svgs = (html: string) =>
      (html.match(/<svg\b[\s\S]*?<\/svg>/g) ?? []).map((svg) =>
        svg.replace(/<metadata[\s\S]*?<\/metadata>/, ""),
      );
    expect(svgs(live)).toEqual(svgs(page("static")));
  });

  it.skipIf(browserUnavailableReason() !== null)(
    "prints the report with --pdf too",
    async () => {
      const dir = tempDir("segwork-interactive-pdf-");
      const input = writeInput(dir, "spend.csv", SPEND);
      const out = path.join(dir, "abc");
      const r = await run([
        "abc",
        ...["--input", input, "--id", "id", "--revenue", "spend", "--out", out],
        "--interactive",
        "--pdf",
        "--quiet",
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(path.join(out, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
      expect(readFileSync(path.join(out, "report.html"), "utf8")).toContain("<script>");
    },
    120_000,
  );

  it("is a workflow option too (interactive: true), here for the CLV report", async () => {
    const html = async (interactive: boolean) => {
      const result = await clvWorkflow({ ...CDNOW_LOG, interactive });
      const file = (await clvFiles(result)).find((f) => f.name === "report.html")!;
      return String(file.content);
    };
    expect(await html(false)).not.toContain("<script");
    const live = await html(true);
    expect(live.match(/<script>/g)).toHaveLength(1);
    expect(live).toContain('<metadata class="segwork-tips">');
  }, 60_000);
});
