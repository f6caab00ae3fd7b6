/**
 * The demo flow through the library alone: `demoWorkflow` + `demoFiles`
 * give, byte for byte, the files `segwork demo` writes (the CLI runs
 * in-process here only to have its output to compare with; the library side
 * imports nothing from src/cli). And the flow's steps are the single
 * workflows: its client table is the shipped one, its RFM segments are
 * `rfmWorkflow`'s on that table.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  demoFiles,
  demoWorkflow,
  DEMO_OUTPUTS,
  rfmClientsFromTable,
  rfmSettings,
  rfmWorkflow,
  type DemoResult,
  type OutputFile,
} from "../../src/workflows/index.js";
import { runCliInProcess, tempDir } from "../helpers/cli.js";
import { recorder, SHIPPED_CLIENTS, shippedClients } from "./fixtures.js";

describe("the demo through the library", () => {
  const out = path.join(tempDir("segwork-demo-"), "demo");
  // The command line the CLI records (no characters in a temp path need quoting).
  const command = `segwork demo --out ${out} --quiet`;
  const progress = recorder();
  let demo: DemoResult;
  let files: OutputFile[];

  beforeAll(async () => {
    const cli = await runCliInProcess(["demo", "--out", out, "--quiet"]);
    expect(cli.status, cli.stderr).toBe(0);
    demo = await demoWorkflow({
      command,
      generatedAt: new Date(1_700_000_000 * 1000).toISOString(), // the CLI run's SOURCE_DATE_EPOCH
      onProgress: progress.onProgress,
    });
    files = await demoFiles(demo);
  });

  it("writes sweep.json, model.json and segments.csv byte-identical to `segwork demo`", () => {
    expect(files.map((f) => f.name)).toEqual(DEMO_OUTPUTS);
    const content = (name: string) => files.find((f) => f.name === name)!.content;
    for (const name of ["sweep.json", "model.json", "segments.csv"])
      expect(content(name), name).toBe(readFileSync(path.join(out, name), "utf8"));
  });

  it("and every other file too, the report included", () => {
    for (const f of files) {
      const written = readFileSync(path.join(out, f.name));
      expect(Buffer.from(f.content).equals(written), f.name).toBe(true);
    }
  });

  it("derives the shipped client table from the shipped log, and scores it as rfmWorkflow does", async () => {
    const clients = files.find((f) => f.name === "clients.csv")!.content;
    expect(clients).toBe(readFileSync(SHIPPED_CLIENTS, "utf8"));
    const table = await shippedClients();
    const alone = rfmWorkflow({
      clients: rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false }),
      settings: rfmSettings(),
    });
    expect(demo.rfm.assignment.segment).toEqual(alone.assignment.segment);
    expect(demo.rfm.assignment.counts.map((c) => [c.name, c.count])).toEqual([
      ["Champions", 322],
      ["Potential Loyalist", 1283],
      ["Loyal Customers", 688],
      ["Promising", 98],
      ["New Customers", 356],
      ["Can't Lose Them", 78],
      ["At Risk", 62],
      ["Need Attention", 35],
      ["About To Sleep", 628],
      ["Lost", 771],
      ["Others", 17],
    ]);
  });

  // k=4 before issue 13 (knee-first rule), k=2 by the vote before the BIC; the vote with the BIC
  // gives k=3 (see test/workflows/sweep.test.ts).
  it("recommends k = 3 on 4,330 clients and compares it with RFM on the same clients", () => {
    expect(demo.sweep.artifact.rows).toBe(4330);
    expect(demo.sweep.artifact.recommendedK).toBe(3);
    // the vote's reason names its k itself ("Recommended k=3, but …"): printed as it is
    expect(demo.sweep.artifact.reason).toMatch(/^Recommended k=3, but the indices are split/);
    expect(demo.summary).toEqual([demo.sweep.artifact.reason]);
    const { scores } = demo.comparison.comparison;
    expect(scores.n).toBe(4330);
    expect(scores.adjustedRandIndex.toFixed(3)).toBe("0.280");
  });

  it("puts the sweep's bootstrap stability of the recommended fit on the profile table", () => {
    const stability = demo.report.cluster!.stability!;
    const perK = demo.sweep.stability!.perK.find((s) => s.k === 3)!;
    expect(stability.resamples).toBe(20);
    expect(stability.clusters.map((c) => c.cluster)).toEqual([0, 1, 2]);
    // the same Jaccards as the sweep's stability at k = 3, in the report's numbering
    expect(stability.clusters.map((c) => c.jaccard).sort()).toEqual(
      Array.from(perK.clusterJaccard).sort(),
    );
  });

  it("reports progress from every step", () => {
    const said = progress.notes();
    expect(said[0]).toMatch(/^deriving client features from /);
    expect(said).toContain(notes.preparedClients(4330, 3));
    expect(said).toContain(notes.rfmCounts(demo.rfm.assignment.counts));
    const { adjustedRandIndex, normalizedMutualInfo } = demo.comparison.comparison.scores;
    expect(said).toContain(
      notes.agreementLine("K-Means", "RFM", adjustedRandIndex, normalizedMutualInfo),
    );
    const sweepSteps = progress.events.filter((e) => e.kind === "step" && e.task === "sweep");
    expect(sweepSteps).toHaveLength(10);
  });

  it("writes a report that loads nothing from the network and shows no client id", () => {
    const html = String(files.find((f) => f.name === "report.html")!.content);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="?https?:/i);
    expect(html).not.toMatch(/>\s*1234[78]\s*</);
  });
});
