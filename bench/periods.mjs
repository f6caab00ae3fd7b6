#!/usr/bin/env node
/**
 * Benchmark of the period features: 12 monthly periods (2011-01 … 2011-12)
 * over a generated 10M-line log, against one `features` run on the same log
 * (as of 2011-12-10), each in a fresh Node process so that time and peak
 * RSS are the whole process's. Target: periods ≤ 3 × features. Never fails
 * on timing; prints both figures and their ratio from the same run.
 *
 *   npm run build && node bench/periods.mjs [--lines 10000000] [--repeat 1]
 *
 * The log is bench/out/data/transactions-<size>.csv (the file `npm run
 * bench` uses), generated with seed 42 when absent. With --repeat N the two
 * commands alternate N times and the medians are reported as well.
 * Internally the script re-runs itself with `--child features|periods FILE
 * [DIST]`; `npm run bench` (bench/run.mjs, stage "periods") runs the same
 * children on its copy of the build.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median, sizeLabel } from "./lib/figures.mjs";
import { loadAverage, rssMethod, runProcess } from "./lib/run-process.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const NODE = process.execPath;
const OPTIONS = {
  id: "CustomerID",
  date: "InvoiceDate",
  amount: "Quantity*UnitPrice",
  invoice: "InvoiceNo",
  // Guest orders without a client id (a quarter of the generated lines) are dropped, as in run.mjs.
  allowDropped: ["missing_client_id"],
};
const MONTHS = { every: "month", from: "2011-01-01", to: "2011-12-31" };

/** The measured child: one features run or one period run, timing itself (`dist`: the build to load). */
async function child(kind, file, dist = path.join(repoRoot, "dist")) {
  const features = await import(path.join(dist, "features/index.js"));
  const started = performance.now();
  let rows;
  if (kind === "features") {
    const { clients } = await features.deriveClientFeatures({
      transactions: file,
      ...OPTIONS,
      asOf: "2011-12-10",
    });
    rows = clients.ids.length;
  } else {
    const { periods } = await features.deriveClientFeaturesByPeriod(
      { transactions: file, ...OPTIONS },
      MONTHS,
    );
    rows = periods.reduce((sum, p) => sum + p.clients.ids.length, 0);
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, rows }) + "\n");
}

function parseArgs(argv) {
  const options = { lines: 10_000_000, repeat: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    const value = Number(argv[i + 1]);
    if ((key === "lines" || key === "repeat") && Number.isInteger(value) && value > 0) {
      options[key] = value;
    } else {
      console.error("usage: node bench/periods.mjs [--lines N] [--repeat N]");
      process.exit(2);
    }
  }
  return options;
}

async function ensureLog(lines) {
  const data = path.join(repoRoot, "bench/out/data");
  const file = path.join(data, `transactions-${sizeLabel(lines)}.csv`);
  if (existsSync(file)) return file;
  mkdirSync(data, { recursive: true });
  console.log(`[data] generating ${path.relative(repoRoot, file)} …`);
  const partial = `${file}.tmp-${process.pid}`;
  const gen = await runProcess(
    NODE,
    [
      path.join(here, "gen-transactions.mjs"),
      "--lines",
      String(lines),
      "--seed",
      "42",
      "--out",
      partial,
    ],
    { cwd: repoRoot },
  );
  if (!gen.ok) {
    rmSync(partial, { force: true });
    console.error(`gen-transactions failed:\n${gen.stderrTail}`);
    process.exit(1);
  }
  renameSync(partial, file);
  console.log(`[data] ${sizeLabel(lines)} lines in ${(gen.wallMs / 1000).toFixed(1)} s`);
  return file;
}

async function measureOnce(kind, file) {
  const run = await runProcess(NODE, [fileURLToPath(import.meta.url), "--child", kind, file], {
    cwd: repoRoot,
  });
  if (!run.ok) {
    console.error(`${kind} failed:\n${run.stderrTail}`);
    process.exit(1);
  }
  const inner = JSON.parse(run.stdout.trim().split("\n").pop());
  return {
    wallMs: run.wallMs,
    innerMs: inner.ms,
    rows: inner.rows,
    peakRssKb: run.peakRssKb,
    loadavg: run.loadavg,
  };
}

const describe = (r) =>
  `${(r.wallMs / 1000).toFixed(2)} s whole process (${(r.innerMs / 1000).toFixed(2)} s in the call), peak RSS ${r.peakRssKb === null ? "?" : `${Math.round(r.peakRssKb / 1024)} MB`}, load ${r.loadavg?.map((x) => x.toFixed(2)).join(" ") ?? "?"}`;

async function main() {
  if (process.argv[2] === "--child")
    return child(process.argv[3], process.argv[4], process.argv[5]);
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(repoRoot, "dist/features/index.js"))) {
    console.error("bench/periods: dist/ is missing; run `npm run build` first.");
    process.exit(2);
  }
  const file = await ensureLog(options.lines);
  console.log(
    `log: ${path.relative(repoRoot, file)}; peak RSS by ${rssMethod}; load before: ${loadAverage()?.join(" ")}`,
  );
  const runs = [];
  for (let r = 0; r < options.repeat; r++) {
    const features = await measureOnce("features", file);
    console.log(`features (1 as-of day, ${features.rows} clients): ${describe(features)}`);
    const periods = await measureOnce("periods", file);
    console.log(`periods (12 months, ${periods.rows} client-periods): ${describe(periods)}`);
    const ratio = periods.wallMs / features.wallMs;
    console.log(`ratio periods / features, run ${r + 1}: ${ratio.toFixed(2)}× (target ≤ 3×)`);
    runs.push({ features, periods, ratio });
  }
  if (runs.length > 1) {
    const m = (pick) => median(runs.map(pick));
    console.log(
      `medians of ${runs.length}: features ${(m((r) => r.features.wallMs) / 1000).toFixed(2)} s, periods ${(m((r) => r.periods.wallMs) / 1000).toFixed(2)} s, ratio ${m((r) => r.ratio).toFixed(2)}×`,
    );
  }
}

await main();
