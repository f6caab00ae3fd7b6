/**
 * danfojs-node's `readCSV` on one CSV, for bench/run.mjs.
 *
 *   node bench/loaders/load_danfo.mjs FILE.csv [--repeat 1]
 *
 * Prints JSON { importMs, runsMs, rows }: the import alone (danfojs-node
 * loads TensorFlow.js) and each `readCSV` (papaparse plus DataFrame
 * construction); the first read is counted, as danfo's own users would meet it.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: "string", default: "1" } },
});
const file = positionals[0];
const t0 = performance.now();
const danfo = await import("danfojs-node");
const importMs = performance.now() - t0;
const runsMs = [];
let rows = 0;
for (let i = 0; i < Number(values.repeat); i++) {
  const t = performance.now();
  const frame = await danfo.readCSV(file);
  runsMs.push(performance.now() - t);
  rows = frame.shape[0];
}
process.stdout.write(`${JSON.stringify({ importMs, runsMs, rows })}\n`);
