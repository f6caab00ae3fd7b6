// Notebook 1 — choosing k on the shipped Online Retail clients, step by step.
//
//   npm run build && node notebooks/01-choose-k.mjs [--quick]
//
// A script in notebook style: each block is a cell you could paste into a
// Node REPL or a Jupyter JavaScript kernel. It uses segwork's library API (the
// same stages the CLI calls), danfojs-node for table exploration, and the
// report's own vega-lite spec builders, so a chart here and in a report come
// from one function. Charts are written as vega-lite JSON and SVG to
// notebooks/out/ (open the .svg in a browser; paste the .vl.json into any
// vega-lite viewer).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadTable, prepare, sweepK, profileClusters, toDataFrame } from "../dist/index.js";
import {
  elbowSpec,
  qualityIndicesSpec,
  profileHeatmapSpec,
  renderSvg,
} from "../dist/report/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "out");
mkdirSync(out, { recursive: true });
const quick = process.argv.includes("--quick");

// ── Cell 1: load the client table and look at it ────────────────────────────
const table = await loadTable(path.join(here, "../data/online-retail-clients.csv"), {
  id: "client_id",
  numeric: ["recency_days", "frequency", "monetary", "tenure_days"],
  text: ["country"],
});
const df = await toDataFrame(table, ["recency_days", "frequency", "monetary"]);
df.describe().print();
// Skew check: monetary's mean is far above its median — log1p before scaling.

// ── Cell 2: prepare (log1p, z-score) and read what cleaning did ─────────────
const prepared = prepare(table, {
  features: ["recency_days", "frequency", "monetary"],
  log: ["recency_days", "frequency", "monetary"],
  scale: "zscore",
});
console.log(prepared.summary.notes.join("\n"));

// ── Cell 3: sweep k = 2..10 and read the recommendation ─────────────────────
const sweep = sweepK(prepared.scaled, {
  kMin: 2,
  kMax: quick ? 5 : 10,
  restarts: quick ? 2 : 10,
  seed: 7,
});
console.table(
  sweep.rows.map((r) => ({
    k: r.k,
    inertia: r.inertia.toFixed(1),
    silhouette: r.silhouette.toFixed(3),
    CH: r.calinskiHarabasz.toFixed(1),
    DB: r.daviesBouldin.toFixed(3),
  })),
);
console.log(sweep.recommendation.reason);

// ── Cell 4: the same charts as the report, from the same spec builders ──────
const charts = {
  elbow: elbowSpec(sweep.rows, {
    elbowK: sweep.recommendation.elbowK,
    recommendedK: sweep.recommendation.recommendedK,
  }),
  quality: qualityIndicesSpec(sweep.rows, { recommendedK: sweep.recommendation.recommendedK }),
};

// ── Cell 5: profile the recommended k and compare clusters by country ───────
const k = sweep.recommendation.recommendedK;
const profiled = profileClusters(prepared, sweep.clusterings.get(k));
charts.profile = profileHeatmapSpec(profiled.profiles);
for (const c of profiled.profiles.clusters) {
  console.log(
    `cluster ${c.cluster}: ${c.label} — ${c.size} clients, mean monetary ${c.mean.monetary.toFixed(0)}`,
  );
}
const keptCountry = new Map(table.ids.map((id, i) => [id, table.text.country[i]]));
const dfd = await import("danfojs-node");
const byCluster = new dfd.DataFrame({
  cluster: Array.from(profiled.labels),
  uk: prepared.ids.map((id) => (keptCountry.get(id) === "United Kingdom" ? 1 : 0)),
});
byCluster.groupby(["cluster"]).agg({ uk: "mean" }).print(); // share of UK clients per cluster

for (const [name, spec] of Object.entries(charts)) {
  writeFileSync(path.join(out, `${name}.vl.json`), JSON.stringify(spec, null, 2));
  writeFileSync(path.join(out, `${name}.svg`), await renderSvg(spec));
}
console.log(`charts written to ${path.relative(process.cwd(), out)}/`);
