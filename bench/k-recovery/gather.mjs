/**
 * The evidence of every table of the suite (suite.mjs + its tables without
 * structure), gathered once and cached in bench/out/k-recovery/evidence-*.json
 * (one file per shard, `evidence-<i>of<n>.json`) keyed by the suite version,
 * so that scoring a vote needs no refitting.
 *
 *   node bench/k-recovery/gather.mjs [--recompute] [--shard i/n]
 *
 * `--shard i/n` gathers only the tables with id ≡ i (mod n) into its own
 * cache file, so that n processes can share the work.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gatherEvidence } from "./evidence.mjs";
import { makeTable, nullDesign, suiteDesign, SUITE_VERSION } from "./suite.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const OUT = path.join(root, "bench", "out", "k-recovery");

function readCaches() {
  const tables = {};
  if (!existsSync(OUT)) return tables;
  for (const name of readdirSync(OUT).filter((f) => /^evidence-\d+of\d+\.json$/.test(f))) {
    const cache = JSON.parse(readFileSync(path.join(OUT, name), "utf8"));
    if (cache.suiteVersion === SUITE_VERSION) Object.assign(tables, cache.tables);
  }
  return tables;
}

/**
 * Every table's evidence, in id order; missing ones (of this shard) are
 * gathered and cached as they come.
 */
export function loadEvidence({
  recompute = false,
  shard = [0, 1],
  gather = true,
  log = console.log,
} = {}) {
  mkdirSync(OUT, { recursive: true });
  const cached = recompute ? {} : readCaches();
  const [i, n] = shard;
  const cacheFile = path.join(OUT, `evidence-${i}of${n}.json`);
  const mine = { suiteVersion: SUITE_VERSION, tables: {} };
  const evidence = [];
  for (const entry of [...suiteDesign(), ...nullDesign()]) {
    let item = cached[entry.id];
    if (!item && gather && entry.id % n === i) {
      item = gatherEvidence(makeTable(entry));
      const s = item.seconds;
      log(
        `table ${entry.id} (k=${entry.k}, sep ${entry.separation}, ${item.rows}×${item.features}): ` +
          `sweep ${s.sweep.toFixed(1)} s, gap ${s.gap.toFixed(1)} s, stability ${s.stability.toFixed(1)} s, ` +
          `prediction strength ${s.predictionStrength.toFixed(1)} s`,
      );
    }
    if (!item) continue;
    if (entry.id % n === i && item !== cached[entry.id]) {
      mine.tables[entry.id] = item;
      writeFileSync(cacheFile, JSON.stringify(mine) + "\n");
    }
    evidence.push(item);
  }
  return evidence;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      recompute: { type: "boolean", default: false },
      shard: { type: "string", default: "0/1" },
    },
  });
  loadEvidence({ recompute: values.recompute, shard: values.shard.split("/").map(Number) });
}
