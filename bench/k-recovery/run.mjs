#!/usr/bin/env node
/**
 * k-recovery benchmark (`npm run bench:k`): how often each index, the vote
 * and NbClust's majority rule find the planted k on the suite of suite.mjs,
 * and what gap + stability cost on 100k × 8 beside the sweep without them.
 *
 *   node bench/k-recovery/run.mjs [--only recovery|timing] [--recompute]
 *
 * - recovery: gathers the evidence of every table (gather.mjs, cached in
 *   bench/out/k-recovery/, so the vote can be re-scored without refitting:
 *   --recompute refits), then scores every proposal on both halves. Tuning
 *   (tune.mjs) reads the development half only.
 * - timing: the sweep (k = 2..10, 10 restarts, two threads) on a seeded
 *   100k × 8 table, then the same sweep followed by gap (B = 50) and
 *   stability (B = 20) with their defaults, alternating three times in one
 *   run; medians and their ratio.
 *
 * Outputs: bench/out/k-recovery.md and bench/out/k-recovery/results.json. Never fails on a figure.
 * Run it under `nice`; it takes several minutes (most of it the gap
 * statistic's 51 × 9 fits per table).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadEvidence, OUT } from "./gather.mjs";
import { proposalsOf, scoreTables, recoveryMarkdown } from "./score.mjs";
import { timeSweeps } from "./timing.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    recompute: { type: "boolean", default: false },
  },
});

mkdirSync(OUT, { recursive: true });
const results = { machine: machine(), startedAt: new Date().toISOString() };
if (values.only !== "timing") results.recovery = recovery();
if (values.only !== "recovery") results.timing = timeSweeps((line) => console.log(line));
const table = path.join(root, "bench", "out", "k-recovery.md");
writeFileSync(path.join(OUT, "results.json"), JSON.stringify(results, null, 2) + "\n");
writeFileSync(table, markdown(results));
console.log(`\nwrote ${path.relative(root, table)} and ${path.relative(root, OUT)}/results.json`);

function recovery() {
  const evidence = loadEvidence({ recompute: values.recompute });
  const scored = scoreTables(evidence);
  console.log(recoveryMarkdown(scored));
  return {
    tables: evidence.map((e) => ({
      id: e.id,
      half: e.half,
      plantedK: e.plantedK,
      separation: e.separation,
      shape: e.shape ?? "round",
      features: e.features,
      rows: e.rows,
      ratio: e.ratio,
      noiseShare: e.noiseShare,
      moneyColumns: e.moneyColumns,
      proposals: proposalsOf(e),
    })),
    families: scored.families,
    confidence: scored.confidence,
    markdown: recoveryMarkdown(scored),
  };
}

function markdown(r) {
  const parts = [
    `# k-recovery benchmark\n\n${r.machine.cpu}, ${r.machine.cpus} CPUs; Node ${r.machine.node}; ${r.startedAt}\n`,
  ];
  if (r.recovery) parts.push(r.recovery.markdown);
  if (r.timing) parts.push(r.timing.markdown);
  return parts.join("\n") + "\n";
}

function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    node: process.versions.node,
    loadAverage: os.loadavg(),
  };
}
