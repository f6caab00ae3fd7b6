/**
 * segwork's loader on one CSV, for bench/run.mjs.
 *
 *   node bench/loaders/load_segwork.mjs FILE.csv [--id client_id] [--repeat 3] [--once] [--dist DIR]
 *
 * Default: one warm-up `loadTable` (not counted: JIT and file cache), then
 * `--repeat` timed loads; prints JSON { importMs, warmupMs, runsMs, rows }.
 * `--once`: import and one load, nothing printed but the row count — the
 * harness times this whole process from the outside. `--dist`: the build to
 * load from (default: the repository's dist/).
 */
import { performance } from "node:perf_hooks";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: "string", default: "client_id" },
    repeat: { type: "string", default: "3" },
    once: { type: "boolean", default: false },
    dist: { type: "string" },
  },
});
const file = positionals[0];
const t0 = performance.now();
const dist = values.dist
  ? pathToFileURL(path.resolve(values.dist) + path.sep)
  : new URL("../../dist/", import.meta.url);
const { loadTable } = await import(new URL("load/index.js", dist).href);
const importMs = performance.now() - t0;
const load = () => loadTable(file, { id: values.id });

if (values.once) {
  const table = await load();
  process.stdout.write(`${JSON.stringify({ rows: table.rowCount })}\n`);
} else {
  let t = performance.now();
  const table = await load();
  const warmupMs = performance.now() - t;
  const runsMs = [];
  for (let i = 0; i < Number(values.repeat); i++) {
    t = performance.now();
    await load();
    runsMs.push(performance.now() - t);
  }
  const columns = Object.keys(table.columns).length;
  process.stdout.write(
    `${JSON.stringify({ importMs, warmupMs, runsMs, rows: table.rowCount, columns })}\n`,
  );
}
