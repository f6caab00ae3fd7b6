#!/usr/bin/env node
/**
 * Runs the demo and every command on the shipped data with a fixed report
 * timestamp and writes all outputs under one folder, so that two builds can
 * be compared byte for byte (`scripts/compare-snapshots.mjs`).
 *
 *   npm run build && node scripts/snapshot-outputs.mjs /tmp/before
 *
 * Outputs name the paths they were written to, so write both snapshots to
 * the same folder (move the first aside before writing the second).
 *
 * Commands run in the order a user would chain them: features → sweep →
 * cluster → rfm (table and log) → thresholds → tiers (both configs) → abc →
 * compare → grade → export-sql (cluster and RFM) → synth → demo.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(process.argv[2] ?? "runs/snapshot");
const cli = path.join(root, "dist/cli/main.js");
const clients = "data/online-retail-clients.csv";
const log = "data/online-retail-transactions.csv.gz";
const features = [
  "--features",
  "recency_days,frequency,monetary",
  "--log",
  "recency_days,frequency,monetary",
];
const fit = ["--seed", "7", "--restarts", "4", "--threads", "2"];
const logOptions = [
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
  // A quarter of the Online Retail lines have no client id (guest orders): dropping them is expected.
  "--allow-dropped",
  "missing_client_id",
];

const o = (name) => path.join(out, name);
const runs = [
  [
    "features",
    "--transactions",
    log,
    ...logOptions,
    "--keep",
    "Country",
    "--out",
    o("features/clients.csv"),
  ],
  [
    "sweep",
    "--input",
    clients,
    "--id",
    "client_id",
    ...features,
    "--k",
    "2..6",
    ...fit,
    "--out",
    o("sweep"),
  ],
  [
    "cluster",
    "--input",
    clients,
    "--id",
    "client_id",
    ...features,
    "--k",
    "4",
    ...fit,
    "--out",
    o("cluster"),
  ],
  [
    "cluster",
    "--input",
    clients,
    "--id",
    "client_id",
    "--features",
    "recency_days,frequency,monetary,tenure_days",
    "--scale",
    "robust",
    "--clip",
    "0.01,0.99",
    "--k",
    "3",
    "--sample",
    "2000",
    ...fit,
    "--out",
    o("cluster-robust"),
  ],
  [
    "rfm",
    "--input",
    clients,
    "--id",
    "client_id",
    "--clv",
    "data/rules/clv.json",
    "--out",
    o("rfm"),
  ],
  ["rfm", "--transactions", log, ...logOptions, "--out", o("rfm-log")],
  ["thresholds", "--input", clients, "--id", "client_id", "--out", o("thresholds")],
  ["tiers", "--input", clients, "--id", "client_id", "--out", o("tiers")],
  [
    "tiers",
    "--input",
    clients,
    "--id",
    "client_id",
    "--config",
    "data/rules/tiers-shares.yaml",
    "--out",
    o("tiers-shares"),
  ],
  ["abc", "--input", clients, "--id", "client_id", "--out", o("abc")],
  [
    "compare",
    "--a",
    o("cluster/assignments.csv"),
    "--b",
    o("rfm/segments.csv"),
    "--clients",
    clients,
    "--out",
    o("compare"),
  ],
  [
    "compare",
    "--a",
    o("tiers/tiers.csv"),
    "--b",
    o("abc/abc.csv"),
    "--clients",
    clients,
    "--out",
    o("compare-tiers-abc"),
  ],
  [
    "grade",
    "--model",
    o("cluster/model.json"),
    "--input",
    clients,
    "--id",
    "client_id",
    "--out",
    o("grade"),
  ],
  ["export-sql", "--model", o("cluster/model.json"), "--out", o("export-sql/score.sql")],
  [
    "export-sql",
    "--model",
    o("cluster/model.json"),
    "--rfm",
    o("rfm/rfm.json"),
    "--out",
    o("export-sql/score-rfm.sql"),
  ],
  [
    "synth",
    "--rows",
    "500",
    "--features",
    "3",
    "--clusters",
    "4",
    "--seed",
    "3",
    "--truth",
    "--out",
    o("synth/synth.csv"),
  ],
  ["demo", "--out", o("demo")],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "features"), { recursive: true });
mkdirSync(path.join(out, "export-sql"), { recursive: true });
mkdirSync(path.join(out, "synth"), { recursive: true });
const transcript = [];
for (const args of runs) {
  const quiet = ["export-sql", "synth"].includes(args[0]) ? [] : ["--quiet"];
  const result = spawnSync(process.execPath, [cli, ...args, ...quiet], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" },
  });
  const shown = args.map((a) => a.replace(out, "$OUT")).join(" ");
  transcript.push(
    `$ segwork ${shown}\nexit ${result.status}\n${result.stderr.replaceAll(out, "$OUT")}`,
  );
  if (result.status !== 0) {
    process.stderr.write(`failed: segwork ${shown}\n${result.stderr}`);
    process.exitCode = 1;
  }
}
writeFileSync(path.join(out, "transcript.txt"), transcript.join("\n"));
process.stdout.write(`wrote ${runs.length} runs under ${out}\n`);
