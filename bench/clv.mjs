#!/usr/bin/env node
/**
 * Benchmarks the clv stage (run `npm run build` first; never fails on timing):
 *
 * 1. CDNOW sample (2,357 clients), in-process: BG/NBD fit + Gamma-Gamma fit
 *    + P(alive), expected purchases and 12-month CLV for every client;
 *    median of 15 runs after one warm-up (target < 100 ms), and the first
 *    (cold) run. The summary (DuckDB) is timed apart.
 * 2. A generated log of 10M lines and 1M clients (bench/gen-transactions.mjs
 *    --clients 1000000 --invoice-lines 4 --buyers lifecycle: heterogeneous
 *    purchase rates, clients arriving and leaving through the year, basket
 *    sizes per client; 2 % cancellations, dropped as negative lines; with
 *    the default `--buyers uniform` every client has one Poisson rate and
 *    nobody leaves, and BG/NBD rightly refuses to fit): summary +
 *    fit + CLV in one child process, beside one `segwork features` run on
 *    the same log; wall time and peak RSS of each, and the phases of the
 *    first.
 *
 *   node bench/clv.mjs [--skip-large] [--lines 10000000] [--clients 1000000]
 *
 * Prints the figures; writes nothing but the generated log (bench/out/data/).
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadAverage, runProcess } from "./lib/run-process.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
const dist = path.join(repoRoot, "dist");
const CLI = path.join(dist, "cli/main.js");
const NODE = process.execPath;

async function load() {
  try {
    const clv = await import(path.join(dist, "clv/index.js"));
    const { summarizeForClv } = await import(path.join(dist, "features/clv-summary.js"));
    return { ...clv, summarizeForClv };
  } catch {
    console.error("bench/clv: dist/clv is missing; run `npm run build` first.");
    process.exit(2);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(2)} s`;
const mb = (kb) => (kb === null ? "n/a" : `${Math.round(kb / 1024)} MB`);

/** Fit both models and score every client: what "fit + score" means here. */
function fitAndScore(clv, summary, timeUnit) {
  const phases = {};
  let start = performance.now();
  const purchases = clv.fitBgNbd(summary);
  phases.bgnbd = performance.now() - start;
  start = performance.now();
  const spend = clv.fitGammaGamma(summary);
  phases.gammaGamma = performance.now() - start;
  start = performance.now();
  const values = clv.customerLifetimeValue(purchases.parameters, spend.parameters, summary, {
    timeUnit,
    horizonMonths: 12,
    monthlyDiscountRate: 0.01,
    margin: 0.3,
  });
  const levels = clv.churnRiskLevels(values.probabilityAlive);
  phases.score = performance.now() - start;
  return { purchases, spend, values, levels, phases };
}

async function cdnow(clv) {
  const start = performance.now();
  const summary = await clv.summarizeForClv({
    transactions: path.join(repoRoot, "test/fixtures/clv/CDNOW_sample.txt"),
    columns: ["customer_id", "sample_id", "date", "cds", "dollars"],
    id: "customer_id",
    date: "date",
    amount: "dollars",
    calibrationEnd: "1997-09-30",
    holdoutEnd: "1998-06-30",
    timeUnit: "weeks",
  });
  const summaryMs = performance.now() - start;
  const cold = performance.now();
  const first = fitAndScore(clv, summary, "weeks");
  const coldMs = performance.now() - cold;
  const runs = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    fitAndScore(clv, summary, "weeks");
    runs.push(performance.now() - t0);
  }
  const { parameters: bg, logLikelihood: bgLL, groups } = first.purchases;
  const { parameters: gg, logLikelihood: ggLL } = first.spend;
  console.log("CDNOW sample (2,357 clients, weeks), in-process");
  console.log(`  summary (DuckDB, headerless file copied with a header): ${ms(summaryMs)}`);
  console.log(
    `  fit + score, median of 15 runs: ${ms(median(runs))} (min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))}; target < 100 ms); first, cold run: ${ms(coldMs)}`,
  );
  console.log(
    `  phases of the cold run: BG/NBD ${ms(first.phases.bgnbd)} (${groups} distinct histories, ${first.purchases.iterations} iterations), Gamma-Gamma ${ms(first.phases.gammaGamma)} (${first.spend.iterations} iterations), CLV + churn ${ms(first.phases.score)}`,
  );
  console.log(
    `  BG/NBD r ${bg.r.toFixed(7)} α ${bg.alpha.toFixed(7)} a ${bg.a.toFixed(7)} b ${bg.b.toFixed(7)} LL ${bgLL.toFixed(4)}; Gamma-Gamma p ${gg.p.toFixed(4)} q ${gg.q.toFixed(4)} γ ${gg.gamma.toFixed(4)} LL ${ggLL.toFixed(4)}`,
  );
  const total = first.values.clv.reduce((s, v) => s + v, 0);
  console.log(
    `  12-month CLV (margin 0.3, 1 %/month): total $${total.toFixed(2)}, churn levels ${first.levels.labels.map((l, i) => `${l} ${first.levels.counts[i]}`).join(", ")}`,
  );
}

/** Child mode: summary + fit + CLV of one log, phases printed as JSON on stdout. */
async function pipeline(clv, file) {
  const phases = {};
  let start = performance.now();
  const summary = await clv.summarizeForClv({
    transactions: file,
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    calibrationEnd: "2011-09-30",
    holdoutEnd: "2011-12-09",
    timeUnit: "days",
    negativeAmounts: "drop",
  });
  phases.summary = performance.now() - start;
  start = performance.now();
  const result = fitAndScore(clv, summary, "days");
  phases.fitAndScore = performance.now() - start;
  Object.assign(phases, result.phases);
  console.log(
    JSON.stringify({
      phases,
      clients: summary.counts.clients,
      repeatBuyers: summary.counts.repeatBuyers,
      linesRead: summary.counts.linesRead,
      negativeLines: summary.counts.negativeAmountLines,
      groups: result.purchases.groups,
      bgnbd: result.purchases.parameters,
      gammaGamma: result.spend.parameters,
    }),
  );
}

async function large(lines, clients) {
  const data = path.join(repoRoot, "bench/out/data");
  mkdirSync(data, { recursive: true });
  const file = path.join(data, `clv-transactions-${lines}-${clients}-lifecycle.csv`);
  if (!existsSync(file)) {
    const gen = await runProcess(NODE, [
      path.join(here, "gen-transactions.mjs"),
      "--lines",
      String(lines),
      "--clients",
      String(clients),
      "--invoice-lines",
      "4",
      "--buyers",
      "lifecycle",
      "--seed",
      "42",
      "--out",
      file,
    ]);
    if (!gen.ok) {
      console.log(`  gen-transactions failed: ${gen.stderrTail}`);
      return;
    }
    console.log(`  generated ${file} in ${seconds(gen.wallMs)}`);
  }
  console.log(
    `Generated log: ${lines.toLocaleString("en-US")} lines, ${clients.toLocaleString("en-US")} clients (load average before: ${loadAverage()?.join(" ") ?? "n/a"})`,
  );
  const child = await runProcess(NODE, [fileURLToPath(import.meta.url), "--pipeline", file], {
    cwd: repoRoot,
  });
  if (!child.ok) console.log(`  clv pipeline failed: ${child.stderrTail}`);
  else {
    const out = JSON.parse(child.stdout.trim().split("\n").pop());
    const p = out.phases;
    console.log(
      `  summary + fit + CLV (one process): ${seconds(child.wallMs)}, peak RSS ${mb(child.peakRssKb)}`,
    );
    console.log(
      `    summary ${seconds(p.summary)} (${out.clients.toLocaleString("en-US")} clients, ${out.repeatBuyers.toLocaleString("en-US")} repeat buyers, ${out.negativeLines.toLocaleString("en-US")} negative lines dropped); BG/NBD ${ms(p.bgnbd)} on ${out.groups.toLocaleString("en-US")} distinct histories; Gamma-Gamma ${ms(p.gammaGamma)}; CLV + churn ${ms(p.score)}`,
    );
    console.log(
      `    BG/NBD ${JSON.stringify(out.bgnbd)}; Gamma-Gamma ${JSON.stringify(out.gammaGamma)}`,
    );
  }
  const outDir = path.join(repoRoot, "bench/out/clv-features");
  mkdirSync(outDir, { recursive: true });
  const features = await runProcess(
    NODE,
    [
      CLI,
      "features",
      "--transactions",
      file,
      "--id",
      "CustomerID",
      "--date",
      "InvoiceDate",
      "--amount",
      "Quantity*UnitPrice",
      "--invoice",
      "InvoiceNo",
      "--allow-dropped",
      "missing_client_id",
      "--quiet",
      "--out",
      path.join(outDir, "clients.csv"),
    ],
    { cwd: repoRoot },
  );
  rmSync(outDir, { recursive: true, force: true });
  if (!features.ok) console.log(`  segwork features failed: ${features.stderrTail}`);
  else
    console.log(
      `  segwork features (whole command): ${seconds(features.wallMs)}, peak RSS ${mb(features.peakRssKb)}`,
    );
  if (child.ok && features.ok)
    console.log(`  ratio clv / features: ${(child.wallMs / features.wallMs).toFixed(2)}×`);
}

const argv = process.argv.slice(2);
const clv = await load();
if (argv[0] === "--pipeline") {
  await pipeline(clv, argv[1]);
} else {
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  console.log(
    `bench/clv on Node ${process.version}; load average ${loadAverage()?.join(" ") ?? "n/a"}`,
  );
  await cdnow(clv);
  if (!argv.includes("--skip-large"))
    await large(option("--lines", 10_000_000), option("--clients", 1_000_000));
}
