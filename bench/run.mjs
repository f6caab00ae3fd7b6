#!/usr/bin/env node
/**
 * segwork's benchmark harness (`npm run bench`): segwork beside
 * scikit-learn, pandas and danfojs-node, in one process tree and one run.
 *
 *   node bench/run.mjs [--sizes 10k,100k,1m] [--full] [--only sweep,load,features,startup]
 *                      [--repeat 3] [--threads N]
 *
 * Stages (each row reports "not available: <reason>" instead of failing):
 * - startup:  `segwork --help` against bare `node -e 0` (target < 150 ms).
 * - load:     1 CSV of N × 8: segwork's loadTable (in-process after a warm-up,
 *             and as a whole process) against pandas read_csv and danfojs-node readCSV.
 * - sweep:    `segwork sweep --k 2..10 --restarts 10` (whole command: load,
 *             scale, fits, silhouette on 10,000 rows, CH, DB, report) against
 *             bench/sklearn_sweep.py; inertia per k compared.
 * - features: transactions → client features on the UCI Online Retail log
 *             and generated logs of 1M and 10M lines (bench/gen-transactions.mjs,
 *             about 20 s for 10M), against bench/features_pandas.py.
 * segwork runs from a private copy of dist/ taken at the start, so a rebuild
 * during the run cannot break or mix the figures.
 * Synthetic tables are made once by `segwork synth` (seeded) and cached in
 * bench/out/data/ (git-ignored). Times are medians of --repeat runs, or one
 * run when a single run takes a minute or more. Nothing here fails on a slow
 * figure: the exit code is 0 unless the harness itself breaks.
 *
 * `--report-only` measures nothing and rewrites the Markdown and HTML from
 * bench/out/results.json.
 *
 * Outputs: bench/out/results.json (every figure, machine, versions, load
 * average per run), bench/out/results.md (the table for the README) and
 * reports/bench.html (scaling chart, inertia chart, table; offline).
 *
 * Run time on the 2-core AMD EPYC dev machine (24 GB): the default run
 * (10k, 100k, 1M rows; Online Retail, 1M- and 10M-line logs) took 13 min
 * with the load average between 1 and 5 (plus about 1 min for generating
 * the cached data the first time); --full adds the 5M-row table, about 8 min
 * more (7 min 20 s for the 5M load and sweep figures alone, single runs).
 * Other work on the same cores slows both sides, scikit-learn's OpenMP
 * threads most: read the load average recorded with each run.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  compareInertia,
  formatDuration,
  formatMemory,
  formatRatio,
  median,
  meetsTarget,
  parseSize,
  plannedRuns,
  ratio,
  sizeLabel,
} from "./lib/figures.mjs";
import { machineInfo, versions } from "./lib/machine.mjs";
import { failureReason, loadAverage, rssMethod, runProcess } from "./lib/run-process.mjs";
import { resultsMarkdown } from "./lib/summary.mjs";
import { renderBenchPage } from "./lib/html-report.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(repoRoot, "bench", "out");
const DATA = path.join(OUT, "data");
const RUNS = path.join(OUT, "runs");
/** The build under test: a private copy of dist/ (see snapshotBuild), set in main. */
let DIST = path.join(repoRoot, "dist");
let CLI = path.join(DIST, "cli", "main.js");
const PYTHON = "/usr/bin/python3";
const NODE = process.execPath;
const STAGES = ["startup", "load", "sweep", "features", "periods"];
const FEATURES = ["f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8"];
const SYNTH = { features: 8, clusters: 5, seed: 42 };
const SWEEP = { k: "2..10", restarts: 10, seed: 7, silhouetteSample: 10_000 };
const ONLINE_RETAIL = path.resolve(repoRoot, "../shared/data/online-retail/online_retail.csv");
/** danfojs-node readCSV is skipped above this many rows. */
const DANFO_MAX_ROWS = 1_000_000;
/** Generated transaction logs (10M lines take about 20 s to generate, so they run by default). */
const TX_LOGS = [
  { lines: 1_000_000, fullOnly: false },
  { lines: 10_000_000, fullOnly: false },
];
/** Lines of the periods stage's log (--periods-lines / BENCH_PERIODS_LINES; the issue's figure is at 10M). */
const PERIODS_LINES = 10_000_000;
/** Bytes of one 8-feature row of float64: the memory target is 3 × rows × this + Node's baseline. */
const ROW_BYTES = FEATURES.length * 8;

const USAGE = `usage: node bench/run.mjs [--sizes 10k,100k,1m] [--full] [--only ${STAGES.join(",")}] [--repeat 3] [--threads N]
  --sizes    table sizes for the sweep and load stages (default 10k,100k,1m; --full adds 5m)
  --full     also 5M rows and the generated 10M-line transaction log (or BENCH_FULL=1)
  --only     run only these stages
  --repeat   runs per figure when one run takes under a minute (default 3)
  --threads  segwork sweep --threads (default: nproc)
  --periods-lines  lines of the generated log of the periods stage (default 10m, or BENCH_PERIODS_LINES)
  --report-only  measure nothing: rewrite results.md and reports/bench.html from results.json`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      full: { type: "boolean", default: false },
      only: { type: "string" },
      repeat: { type: "string", default: "3" },
      threads: { type: "string" },
      "periods-lines": { type: "string" },
      "report-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const full = values.full || process.env.BENCH_FULL === "1";
  const sizes = (values.sizes ?? (full ? "10k,100k,1m,5m" : "10k,100k,1m"))
    .split(",")
    .map((s) => parseSize(s));
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : STAGES;
  for (const stage of only) {
    if (!STAGES.includes(stage))
      throw new Error(`bench: unknown stage "${stage}" (${STAGES.join(", ")})`);
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error("bench: --repeat must be a whole number ≥ 1");
  const periodsLines = parseSize(
    values["periods-lines"] ?? process.env.BENCH_PERIODS_LINES ?? String(PERIODS_LINES),
  );
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    periodsLines,
    full,
    only,
    repeat,
    threads: values.threads,
    reportOnly: values["report-only"],
  };
}

// A closed pipe (`node bench/run.mjs | head`) must not end a long run half-way.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});
const log = (message) => process.stdout.write(`${message}\n`);
const lastJsonLine = (text) => {
  const line = text
    .trim()
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.startsWith("{"));
  return line ? JSON.parse(line) : null;
};

/** The results being built; written to results.json after every stage. */
let results;

function addFigure(figure) {
  results.figures.push(figure);
  const what = `[${figure.stage}${figure.rows ? ` ${sizeLabel(figure.rows)}` : ""}] ${figure.tool} ${figure.task}`;
  if (!figure.available) log(`${what}: not available: ${figure.reason}`);
  else {
    const rss = figure.peakRssKb != null ? `, peak RSS ${formatMemory(figure.peakRssKb)}` : "";
    log(`${what}: ${formatDuration(figure.medianMs)} (${figure.runsNote}${rss})`);
  }
  return figure;
}

function unavailable(spec, reason) {
  return addFigure({ ...spec, available: false, reason });
}

/**
 * Takes one figure: runs `runOnce` once, then again up to `repeat` runs in
 * all when the first run was under a minute, and keeps the median.
 * `runOnce` resolves to { ok, valueMs, peakRssKb, loadavg, reason, detail }.
 */
async function measure(spec, runOnce, repeat) {
  const runs = [];
  const first = await runOnce(0);
  if (!first.ok) return unavailable(spec, first.reason);
  runs.push(first);
  const planned = plannedRuns(first.valueMs, repeat);
  for (let i = 1; i < planned; i++) {
    const run = await runOnce(i);
    if (!run.ok) return unavailable(spec, `run ${i + 1} failed: ${run.reason}`);
    runs.push(run);
  }
  const rss = runs.map((r) => r.peakRssKb).filter((v) => v != null);
  return addFigure({
    ...spec,
    available: true,
    runs: runs.length,
    runsNote:
      runs.length > 1
        ? `median of ${runs.length}`
        : repeat > 1
          ? "1 run: a run takes a minute or more"
          : "1 run",
    runsMs: runs.map((r) => r.valueMs),
    medianMs: median(runs.map((r) => r.valueMs)),
    peakRssKb: rss.length > 0 ? median(rss) : null,
    peakRssKbRuns: rss,
    loadavg: runs.map((r) => r.loadavg),
    detail: runs[runs.length - 1].detail,
  });
}

/** Adapts a process run to `measure`: value = whole-process wall time. */
async function wholeProcess(command, args, options = {}) {
  const run = await runProcess(command, args, options);
  return {
    ok: run.ok,
    reason: run.ok ? undefined : failureReason(run),
    valueMs: run.wallMs,
    peakRssKb: run.peakRssKb,
    loadavg: run.loadavg,
    run,
  };
}

function compare({ stage, task, rows, segwork, reference, target, targetOn = "ratio" }) {
  const r = ratio(segwork?.medianMs, reference?.medianMs);
  const value = targetOn === "segwork" ? segwork?.medianMs : r;
  const comparison = {
    kind: "time",
    stage,
    task,
    rows,
    segwork: segwork?.id ?? null,
    reference: reference?.id ?? null,
    referenceTool: reference?.tool ?? null,
    ratio: r,
    target: target ?? null,
    meets: target && segwork?.available ? meetsTarget(value, target) : null,
  };
  results.comparisons.push(comparison);
  if (r != null)
    log(
      `  segwork / ${reference.tool}: ${formatRatio(r)}${target ? ` (target ${target.text})` : ""}`,
    );
  return comparison;
}

function writeResults() {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
}

// ---------------------------------------------------------------- startup

async function startupStage(repeat) {
  const runs = Math.max(repeat, 5);
  const spec = (tool, task) => ({
    id: `startup/${tool}`,
    stage: "startup",
    task,
    tool,
    measure: "whole process",
    rows: null,
    dataset: null,
  });
  // Start-up is short and noisy: at least 5 runs, spawned directly (no /usr/bin/time wrapper).
  const timed = async (args) => {
    const r = await wholeProcess(NODE, args, { cwd: repoRoot, measureRss: false });
    return r;
  };
  const bare = await measure(spec("node", "node -e 0"), () => timed(["-e", "0"]), runs);
  const rss = await runProcess(NODE, ["-e", "0"], { cwd: repoRoot });
  bare.baselineRssKb = rss.peakRssKb;
  log(`  node baseline peak RSS ${formatMemory(rss.peakRssKb)}`);
  if (!existsSync(CLI)) {
    unavailable(spec("segwork", "segwork --help"), "dist/cli/main.js is missing (npm run build)");
  } else {
    const help = await measure(
      spec("segwork", "segwork --help"),
      () => timed([CLI, "--help"]),
      runs,
    );
    compare({
      stage: "startup",
      task: "start-up: segwork --help (reference: node -e 0)",
      rows: null,
      segwork: help,
      reference: bare,
      target: { op: "<", value: 150, text: "< 150 ms" },
      targetOn: "segwork",
    });
  }
}

function baselineRssKb() {
  return results.figures.find((f) => f.id === "startup/node")?.baselineRssKb ?? null;
}

function memoryCheck(figure, rows, task) {
  if (!figure?.available || figure.peakRssKb == null || rows < 1_000_000) return;
  const baseline = baselineRssKb();
  if (baseline == null) return;
  const limitKb = (3 * rows * ROW_BYTES) / 1024 + baseline;
  results.comparisons.push({
    kind: "value",
    stage: figure.stage,
    task,
    rows,
    segworkText: formatMemory(figure.peakRssKb),
    referenceText: `3 × ${formatMemory((rows * ROW_BYTES) / 1024)} data + ${formatMemory(baseline)} Node baseline`,
    valueKb: figure.peakRssKb,
    limitKb,
    target: { op: "<=", value: limitKb, text: `≤ ${formatMemory(limitKb)}` },
    meets: meetsTarget(figure.peakRssKb, { op: "<=", value: limitKb }),
  });
}

// ---------------------------------------------------------------- data

async function synthTable(rows) {
  const file = path.join(
    DATA,
    `synth-f${SYNTH.features}-k${SYNTH.clusters}-s${SYNTH.seed}-${sizeLabel(rows).replace(/,/g, "")}.csv`,
  );
  if (existsSync(file)) return { file };
  if (!existsSync(CLI)) return { reason: "dist/cli/main.js is missing (npm run build)" };
  mkdirSync(DATA, { recursive: true });
  log(`[data] generating ${path.relative(repoRoot, file)} …`);
  const run = await runProcess(
    NODE,
    [
      CLI,
      "synth",
      "--rows",
      String(rows),
      "--features",
      String(SYNTH.features),
      "--clusters",
      String(SYNTH.clusters),
      "--seed",
      String(SYNTH.seed),
      "--out",
      file,
    ],
    { cwd: repoRoot },
  );
  if (!run.ok) return { reason: `segwork synth failed: ${failureReason(run)}` };
  results.data.push({ file: path.relative(repoRoot, file), rows, generatedMs: run.wallMs });
  log(`[data] ${sizeLabel(rows)} rows in ${formatDuration(run.wallMs)}`);
  return { file };
}

// ---------------------------------------------------------------- load

async function loadStage(rows, table, repeat, pythonOk) {
  const label = sizeLabel(rows);
  const spec = (tool, measureKind, task) => ({
    id: `load/${tool}/${measureKind}/${label}`,
    stage: "load",
    task,
    tool,
    measure: measureKind,
    rows,
    dataset: `synth-${label}`,
  });
  const inProcessTask = "load CSV, in-process (after warm-up)";
  const wholeTask = "load CSV, whole process";
  const segIn = spec("segwork", "in-process", inProcessTask);
  const segWhole = spec("segwork", "whole process", wholeTask);
  const pdIn = spec("pandas", "in-process", inProcessTask);
  const pdWhole = spec("pandas", "whole process", wholeTask);
  const danfo = spec("danfojs-node", "in-process", "load CSV, in-process (first read)");
  if (table.reason) {
    for (const s of [segIn, segWhole, pdIn, pdWhole, danfo]) unavailable(s, table.reason);
    return;
  }
  // `repeat` fresh processes, each timing `readsEach` reads after a warm-up read;
  // the figure is the median of all timed reads. Fresh processes keep one read's
  // garbage from slowing the next on large tables; small tables take 10 reads
  // per process because a read of milliseconds scatters.
  const readsEach = rows <= 100_000 ? 10 : 1;
  const inProcess = async (command, args) => {
    const runsMs = [];
    const loadavg = [];
    let out = null;
    for (let p = 0; p < repeat; p++) {
      const run = await runProcess(command, [...args, "--repeat", String(readsEach)], {
        cwd: repoRoot,
      });
      out = run.ok ? lastJsonLine(run.stdout) : null;
      if (!out) return { ok: false, reason: run.ok ? "no JSON on stdout" : failureReason(run) };
      runsMs.push(...out.runsMs);
      loadavg.push(run.loadavg);
    }
    return { ok: true, out, runsMs, loadavg, processes: repeat };
  };
  const fromInProcess = (spec, res) => {
    if (!res.ok) return unavailable(spec, res.reason);
    return addFigure({
      ...spec,
      available: true,
      runs: res.runsMs.length,
      runsNote:
        res.runsMs.length === 1
          ? "1 read, after a warm-up read"
          : `median of ${res.runsMs.length} reads in ${res.processes} process${res.processes > 1 ? "es" : ""}, each after a warm-up read`,
      runsMs: res.runsMs,
      medianMs: median(res.runsMs),
      peakRssKb: null,
      loadavg: res.loadavg,
      detail: {
        importMs: res.out.importMs,
        warmupMs: res.out.warmupMs ?? null,
        rows: res.out.rows,
      },
    });
  };

  const loader = path.join(repoRoot, "bench", "loaders", "load_segwork.mjs");
  const loaderOk = existsSync(path.join(DIST, "load", "index.js"));
  let seg, segW;
  if (!loaderOk) {
    seg = unavailable(segIn, "dist/load/index.js is missing (npm run build)");
    segW = unavailable(segWhole, "dist/load/index.js is missing (npm run build)");
  } else {
    seg = fromInProcess(segIn, await inProcess(NODE, [loader, table.file, "--dist", DIST]));
    segW = await measure(
      segWhole,
      () => wholeProcess(NODE, [loader, table.file, "--dist", DIST, "--once"], { cwd: repoRoot }),
      repeat,
    );
  }
  let pd, pdW;
  if (!pythonOk) {
    pd = unavailable(pdIn, `${PYTHON} has no pandas/scikit-learn`);
    pdW = unavailable(pdWhole, `${PYTHON} has no pandas/scikit-learn`);
  } else {
    const script = path.join(repoRoot, "bench", "loaders", "load_pandas.py");
    pd = fromInProcess(pdIn, await inProcess(PYTHON, [script, table.file]));
    pdW = await measure(
      pdWhole,
      () => wholeProcess(PYTHON, [script, table.file, "--once"], { cwd: repoRoot }),
      repeat,
    );
  }
  // danfojs-node holds every cell as a JS value: one read per process, counted cold,
  // and none above DANFO_MAX_ROWS (Node's default heap runs out).
  let dn;
  if (rows > DANFO_MAX_ROWS) {
    dn = unavailable(
      danfo,
      `not run above ${sizeLabel(DANFO_MAX_ROWS)} rows (danfojs-node keeps every cell as a JS value; see the 1M figure's memory)`,
    );
  } else {
    const danfoRun = await runProcess(
      NODE,
      [path.join(repoRoot, "bench", "loaders", "load_danfo.mjs"), table.file],
      { cwd: repoRoot, timeoutMs: 20 * 60_000 },
    );
    const danfoOut = danfoRun.ok ? lastJsonLine(danfoRun.stdout) : null;
    dn = danfoOut
      ? addFigure({
          ...danfo,
          available: true,
          runs: 1,
          runsNote: `1 run; importing danfojs-node took ${formatDuration(danfoOut.importMs)} more`,
          runsMs: danfoOut.runsMs,
          medianMs: median(danfoOut.runsMs),
          peakRssKb: danfoRun.peakRssKb,
          loadavg: [danfoRun.loadavg],
          detail: { importMs: danfoOut.importMs, processMs: danfoRun.wallMs, rows: danfoOut.rows },
        })
      : unavailable(danfo, danfoRun.ok ? "no JSON on stdout" : failureReason(danfoRun));
  }

  compare({
    stage: "load",
    task: `load ${label} × 8 CSV, in-process`,
    rows,
    segwork: seg,
    reference: pd,
    target: { op: "<=", value: 1, text: "≤ 1×" },
  });
  compare({
    stage: "load",
    task: `load ${label} × 8 CSV, in-process`,
    rows,
    segwork: seg,
    reference: dn,
  });
  compare({
    stage: "load",
    task: `load ${label} × 8 CSV, whole process`,
    rows,
    segwork: segW,
    reference: pdW,
  });
  memoryCheck(segW, rows, `load ${label} × 8 CSV: segwork peak RSS`);
}

// ---------------------------------------------------------------- sweep

async function sweepStage(rows, table, repeat, threads, pythonOk) {
  const label = sizeLabel(rows);
  const task = `sweep k=${SWEEP.k}, ${SWEEP.restarts} restarts, whole process`;
  const spec = (tool) => ({
    id: `sweep/${tool}/${label}`,
    stage: "sweep",
    task,
    tool,
    measure: "whole process",
    rows,
    dataset: `synth-${label}`,
  });
  let seg, sk;
  let segRows = null;
  let skRows = null;
  if (table.reason) {
    seg = unavailable(spec("segwork"), table.reason);
  } else {
    const outDir = path.join(RUNS, `sweep-${label}`);
    seg = await measure(
      spec("segwork"),
      async () => {
        rmSync(outDir, { recursive: true, force: true });
        const r = await wholeProcess(
          NODE,
          [
            CLI,
            "sweep",
            "--input",
            table.file,
            "--id",
            "client_id",
            "--features",
            FEATURES.join(","),
            "--k",
            SWEEP.k,
            "--restarts",
            String(SWEEP.restarts),
            "--seed",
            String(SWEEP.seed),
            "--silhouette-sample",
            String(SWEEP.silhouetteSample),
            "--threads",
            String(threads),
            "--out",
            outDir,
            "--quiet",
          ],
          { cwd: repoRoot },
        );
        if (r.ok) {
          try {
            segRows = JSON.parse(readFileSync(path.join(outDir, "sweep.json"), "utf8")).k;
          } catch (error) {
            return { ok: false, reason: `sweep.json unreadable: ${error.message}` };
          }
        }
        return r;
      },
      repeat,
    );
  }
  if (table.reason) {
    sk = unavailable(spec("scikit-learn"), table.reason);
  } else if (!pythonOk) {
    sk = unavailable(spec("scikit-learn"), `${PYTHON} cannot import scikit-learn`);
  } else {
    sk = await measure(
      spec("scikit-learn"),
      async () => {
        const r = await wholeProcess(
          PYTHON,
          [
            path.join(repoRoot, "bench", "sklearn_sweep.py"),
            table.file,
            "--id",
            "client_id",
            "--features",
            FEATURES.join(","),
            "--k",
            SWEEP.k,
            "--n-init",
            String(SWEEP.restarts),
            "--sample",
            String(SWEEP.silhouetteSample),
          ],
          { cwd: repoRoot },
        );
        if (!r.ok) return r;
        const out = lastJsonLine(r.run.stdout);
        if (!out) return { ok: false, reason: "no JSON on stdout" };
        skRows = out.k;
        return { ...r, detail: { stages: out.stages, k: out.k } };
      },
      repeat,
    );
  }
  if (seg.available && segRows) {
    seg.detail = {
      k: segRows.map(({ k, inertia, silhouette, calinskiHarabasz, daviesBouldin, iterations }) => ({
        k,
        inertia,
        silhouette,
        calinskiHarabasz,
        daviesBouldin,
        iterations,
      })),
    };
  }
  compare({
    stage: "sweep",
    task: `sweep k=${SWEEP.k} × ${SWEEP.restarts} restarts + report, whole process`,
    rows,
    segwork: seg,
    reference: sk,
    target: rows >= 100_000 ? { op: "<=", value: 0.5, text: "≤ 0.5×" } : undefined,
  });
  memoryCheck(seg, rows, `sweep ${label}: segwork peak RSS`);
  if (segRows && skRows) {
    const q = compareInertia(segRows, skRows);
    const meets =
      q.everyKWithin1Percent === true && q.medianRatio != null && q.medianRatio <= 1.0 + 1e-12;
    results.quality.push({ rows, label, ...q, meets });
    results.comparisons.push({
      kind: "inertia",
      stage: "sweep",
      task: `inertia k=${SWEEP.k}: median over k of segwork / scikit-learn`,
      rows,
      segworkText: `Σ best inertia ${q.perK.reduce((s, r) => s + r.segwork, 0).toFixed(1)}`,
      referenceText: `scikit-learn: ${q.perK.reduce((s, r) => s + r.reference, 0).toFixed(1)}`,
      ratio: q.medianRatio,
      worstRatio: q.worstRatio,
      target: { text: "each k within 1%, median ≤ 1" },
      meets,
    });
    log(
      `  inertia segwork / scikit-learn: median ${formatRatio(q.medianRatio)}, worst k ${formatRatio(q.worstRatio)}: ${q.perK.map((r) => `k=${r.k} ${r.ratio?.toFixed(4)}`).join(", ")}`,
    );
  }
}

// ---------------------------------------------------------------- features

const FEATURE_ARGS = [
  "--id",
  "CustomerID",
  "--date",
  "InvoiceDate",
  "--amount",
  "Quantity*UnitPrice",
  "--invoice",
  "InvoiceNo",
  "--as-of",
  "2011-12-10",
  // Guest orders without a client id (a quarter of Online Retail's lines) are dropped as pandas does.
  "--allow-dropped",
  "missing_client_id",
];

/** The cached generated log of `lines` lines. */
const txLogFile = (lines) => path.join(DATA, `transactions-${sizeLabel(lines)}.csv`);

/**
 * The generated transaction log of `lines` lines (seed 42), generated into
 * the cache when absent: `{ file }`, or `{ reason }` when it cannot be.
 */
async function generatedLog(lines) {
  const generator = path.join(repoRoot, "bench", "gen-transactions.mjs");
  const txFile = txLogFile(lines);
  if (existsSync(txFile)) return { file: txFile };
  if (!existsSync(generator)) return { reason: "bench/gen-transactions.mjs does not exist yet" };
  mkdirSync(DATA, { recursive: true });
  log(`[data] generating ${path.relative(repoRoot, txFile)} …`);
  // Written under a temporary name so an interrupted run never leaves a short log in the cache.
  const partial = `${txFile}.tmp-${process.pid}`;
  const gen = await runProcess(
    NODE,
    [generator, "--lines", String(lines), "--seed", "42", "--out", partial],
    { cwd: repoRoot },
  );
  if (!(gen.ok && existsSync(partial))) {
    rmSync(partial, { force: true });
    return { reason: `gen-transactions failed: ${failureReason(gen)}` };
  }
  renameSync(partial, txFile);
  results.data.push({
    file: path.relative(repoRoot, txFile),
    rows: lines,
    generatedMs: gen.wallMs,
  });
  log(`[data] ${sizeLabel(lines)} transaction lines in ${formatDuration(gen.wallMs)}`);
  return { file: txFile };
}

async function featuresStage(repeat, full, pythonOk) {
  const pandasScript = path.join(repoRoot, "bench", "features_pandas.py");
  let cliReason = null;
  if (!existsSync(CLI)) cliReason = "dist/cli/main.js is missing (npm run build)";
  else {
    const help = await runProcess(NODE, [CLI, "features", "--help"], {
      cwd: repoRoot,
      measureRss: false,
    });
    if (!help.ok || !/--transactions/.test(help.stdout))
      cliReason = "`segwork features` is not in the CLI yet";
  }
  const pandasReason = !pythonOk
    ? `${PYTHON} has no pandas`
    : existsSync(pandasScript)
      ? null
      : "bench/features_pandas.py does not exist yet";

  const logs = [];
  if (existsSync(ONLINE_RETAIL)) {
    logs.push({
      dataset: "online-retail",
      label: "Online Retail (541,909 lines)",
      file: ONLINE_RETAIL,
      rows: 541_909,
    });
  } else {
    logs.push({
      dataset: "online-retail",
      label: "Online Retail",
      reason: `${ONLINE_RETAIL} is absent`,
    });
  }
  for (const { lines, fullOnly } of TX_LOGS) {
    const dataset = `tx-${sizeLabel(lines)}`;
    const label = `generated log (${sizeLabel(lines)} lines)`;
    const entry = { dataset, label, rows: lines };
    if (fullOnly && !full && !existsSync(txLogFile(lines))) {
      entry.reason = `the ${sizeLabel(lines)}-line log runs with --full (over a minute to generate, minutes for pandas)`;
    } else Object.assign(entry, await generatedLog(lines));
    logs.push(entry);
  }

  for (const entry of logs) {
    const task = `transactions → client features, ${entry.label}, whole process`;
    const spec = (tool) => ({
      id: `features/${tool}/${entry.dataset}`,
      stage: "features",
      task,
      tool,
      measure: "whole process",
      rows: entry.rows ?? null,
      dataset: entry.dataset,
    });
    const segDir = path.join(RUNS, `features-${entry.dataset}-segwork`);
    const pdDir = path.join(RUNS, `features-${entry.dataset}-pandas`);
    const outFile = path.join(segDir, "clients.csv");
    const pdOut = path.join(pdDir, "clients.csv");
    const fresh = (dir) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    };
    const seg =
      entry.reason || cliReason
        ? unavailable(spec("segwork"), entry.reason ?? cliReason)
        : await measure(
            spec("segwork"),
            () => {
              fresh(segDir);
              return wholeProcess(
                NODE,
                [CLI, "features", "--transactions", entry.file, ...FEATURE_ARGS, "--out", outFile],
                { cwd: repoRoot },
              );
            },
            repeat,
          );
    const pd =
      entry.reason || pandasReason
        ? unavailable(spec("pandas"), entry.reason ?? pandasReason)
        : await measure(
            spec("pandas"),
            () => {
              fresh(pdDir);
              return wholeProcess(
                PYTHON,
                [pandasScript, "--transactions", entry.file, ...FEATURE_ARGS, "--out", pdOut],
                { cwd: repoRoot },
              );
            },
            repeat,
          );
    compare({
      stage: "features",
      task,
      rows: entry.rows ?? null,
      segwork: seg,
      reference: pd,
      target: { op: "<=", value: 0.5, text: "≤ 0.5×" },
    });
    // Same rules, same clients: a different count means the two sides do not compute the same thing.
    if (seg.available && pd.available) {
      const clients = (file) => readFileSync(file, "utf8").trimEnd().split("\n").length - 1;
      const counts = { segwork: clients(outFile), pandas: clients(pdOut) };
      seg.detail = { ...seg.detail, clients: counts.segwork };
      pd.detail = { ...pd.detail, clients: counts.pandas };
      log(`  clients: segwork ${counts.segwork}, pandas ${counts.pandas}`);
      if (counts.segwork !== counts.pandas) {
        results.notes.push(
          `${entry.label}: segwork wrote ${counts.segwork} clients, pandas ${counts.pandas}.`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------- periods

/**
 * 12 monthly periods (deriveClientFeaturesByPeriod) against one features
 * run (deriveClientFeatures as of 2011-12-10) on the same generated log,
 * each a fresh process of bench/periods.mjs --child on the build under
 * test; target periods ≤ 3 × features. Informational: a missed target is
 * a ✗ in the table, never a failed run.
 */
async function periodsStage(lines, repeat) {
  const script = path.join(repoRoot, "bench", "periods.mjs");
  const dataset = `tx-${sizeLabel(lines)}`;
  const task = `12 monthly periods vs one features run, generated log (${sizeLabel(lines)} lines), whole process`;
  const log_ = `generated log (${sizeLabel(lines)} lines)`;
  const tasks = {
    "segwork features": `client features as of 2011-12-10, ${log_}`,
    "segwork periods": `client features at 12 month ends, ${log_}`,
  };
  const spec = (tool) => ({
    id: `periods/${tool.replace(/ /g, "-")}/${dataset}`,
    stage: "periods",
    task: tasks[tool],
    tool,
    measure: "whole process",
    rows: lines,
    dataset,
  });
  const source = await generatedLog(lines);
  const reason =
    source.reason ??
    (existsSync(path.join(DIST, "features", "index.js"))
      ? null
      : "dist/features is missing (npm run build)");
  const child = (kind) => async () => {
    const r = await wholeProcess(NODE, [script, "--child", kind, source.file, DIST], {
      cwd: repoRoot,
    });
    return r.ok ? { ...r, detail: lastJsonLine(r.run.stdout) } : r;
  };
  const take = (tool, kind) =>
    reason ? unavailable(spec(tool), reason) : measure(spec(tool), child(kind), repeat);
  const features = await take("segwork features", "features");
  const periods = await take("segwork periods", "periods");
  compare({
    stage: "periods",
    task,
    rows: lines,
    segwork: periods,
    reference: features,
    target: { op: "<=", value: 3, text: "≤ 3×" },
  });
  if (features.available && periods.available) {
    log(
      `  clients: ${features.detail?.rows} as of 2011-12-10; ${periods.detail?.rows} client-periods over 12 months`,
    );
  }
}

// ---------------------------------------------------------------- main

/**
 * Copies dist/ to a private folder for the whole run, so that a rebuild
 * during a long run (`npm run build` in another terminal) cannot break or mix
 * the figures: every figure of one run measures one build. The folder sits
 * outside the repository (linters never see it) with package.json copied and
 * node_modules and data/ linked, so imports and packageRoot() resolve as in
 * the work tree. Returns null (measure dist/ in place) when there is no build.
 */
function snapshotBuild() {
  const live = path.join(repoRoot, "dist");
  if (!existsSync(path.join(live, "cli", "main.js"))) return null;
  const root = mkdtempSync(path.join(tmpdir(), "segwork-bench-"));
  cpSync(live, path.join(root, "dist"), { recursive: true });
  copyFileSync(path.join(repoRoot, "package.json"), path.join(root, "package.json"));
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  if (existsSync(path.join(repoRoot, "data"))) {
    symlinkSync(path.join(repoRoot, "data"), path.join(root, "data"), "dir");
  }
  return {
    root,
    dist: path.join(root, "dist"),
    builtAt: statSync(path.join(live, "cli", "main.js")).mtime,
  };
}

/** Writes results.md and reports/bench.html; returns false when the page could not be rendered. */
async function writeSummaries(distDir) {
  const markdown = resultsMarkdown(results);
  writeFileSync(path.join(OUT, "results.md"), markdown);
  let ok = true;
  try {
    const { html, usedReportStage } = await renderBenchPage(results, { distDir });
    mkdirSync(path.join(repoRoot, "reports"), { recursive: true });
    writeFileSync(path.join(repoRoot, "reports", "bench.html"), html);
    log(
      `\nwrote bench/out/results.md and reports/bench.html${usedReportStage ? "" : " (plain page: dist/report could not be imported)"}`,
    );
  } catch (error) {
    ok = false;
    console.error("bench: could not render reports/bench.html:", error);
  }
  log(`\n${markdown}`);
  return ok;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.reportOnly) {
    results = JSON.parse(readFileSync(path.join(OUT, "results.json"), "utf8"));
    process.exitCode = (await writeSummaries(path.join(repoRoot, "dist"))) ? 0 : 1;
    return;
  }
  const started = performance.now();
  const snapshot = snapshotBuild();
  if (snapshot) {
    DIST = snapshot.dist;
    CLI = path.join(DIST, "cli", "main.js");
    process.on("exit", () => rmSync(snapshot.root, { recursive: true, force: true }));
  }
  const machine = machineInfo();
  const threads = Number(options.threads ?? machine.nproc);
  const version = versions({ repoRoot, python: PYTHON });
  const pythonOk = version.sklearn != null;
  results = {
    schema: "segwork-bench/1",
    date: new Date().toISOString(),
    command: `node bench/run.mjs ${process.argv.slice(2).join(" ")}`.trim(),
    options: {
      sizes: options.sizes,
      full: options.full,
      only: options.only,
      repeat: options.repeat,
      threads,
      periodsLines: options.periodsLines,
    },
    machine,
    versions: version,
    rssMethod,
    build: snapshot ? { builtAt: snapshot.builtAt.toISOString(), measuredFromCopy: true } : null,
    loadavg: { start: loadAverage(), end: null, max1: null },
    data: [],
    figures: [],
    comparisons: [],
    quality: [],
    notes: [...version.notes],
    durationSeconds: null,
  };
  log(
    `segwork bench: ${machine.nproc} × ${machine.cpuModel}, ${(machine.memTotalBytes / 2 ** 30).toFixed(1)} GiB; load ${results.loadavg.start?.join(" ")}`,
  );
  log(
    `sizes ${options.sizes.map(sizeLabel).join(", ")}; stages ${options.only.join(", ")}; repeat ${options.repeat}; segwork threads ${threads}`,
  );
  if (!existsSync(CLI))
    results.notes.push("dist/cli/main.js is missing: run `npm run build` (npm run bench does).");

  let broken = false;
  const stage = async (name, body) => {
    if (!options.only.includes(name)) return;
    try {
      await body();
    } catch (error) {
      broken = true;
      results.notes.push(`harness error in stage ${name}: ${error.message}`);
      console.error(error);
    }
    writeResults();
  };

  const tables = new Map();
  const tableFor = async (rows) => {
    if (!tables.has(rows)) tables.set(rows, await synthTable(rows));
    return tables.get(rows);
  };

  await stage("startup", () => startupStage(options.repeat));
  await stage("load", async () => {
    for (const rows of options.sizes)
      await loadStage(rows, await tableFor(rows), options.repeat, pythonOk);
  });
  await stage("sweep", async () => {
    for (const rows of options.sizes)
      await sweepStage(rows, await tableFor(rows), options.repeat, threads, pythonOk);
  });
  await stage("features", () => featuresStage(options.repeat, options.full, pythonOk));
  await stage("periods", () => periodsStage(options.periodsLines, options.repeat));

  results.loadavg.end = loadAverage();
  const seen = results.figures
    .flatMap((f) => f.loadavg ?? [])
    .filter(Boolean)
    .map((l) => l[0]);
  results.loadavg.max1 = seen.length > 0 ? Math.max(...seen) : null;
  if (results.loadavg.max1 != null && results.loadavg.max1 > machine.nproc * 0.75) {
    results.notes.push(
      `The 1-minute load average reached ${results.loadavg.max1.toFixed(2)} on ${machine.nproc} CPUs before some runs: other work shared the cores, so these times are noisy (scikit-learn's OpenMP threads suffer most).`,
    );
  }
  results.durationSeconds = (performance.now() - started) / 1000;
  writeResults();
  if (!(await writeSummaries(DIST))) broken = true;
  log(`bench finished in ${formatDuration(results.durationSeconds * 1000)}`);
  process.exitCode = broken ? 1 : 0;
}

await main();
