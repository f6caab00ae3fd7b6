/**
 * What gap and stability add to a sweep: on a seeded 100k × 8 table
 * (`segwork synth`'s generator, z-scored), the sweep alone (k = 2..10, 10
 * restarts, two threads, silhouette on 10,000 rows, CH, DB) against the same
 * sweep followed by the gap statistic (B = 50, k = 1..10, d.power 2 and the
 * sweep's fits for the data, as the sweep workflow runs it) and stability
 * (B = 20, k = 2..10, judged against the sweep's fits), both with their
 * default sample size and the sweep's two threads. The two alternate, three times each, in one process,
 * so load from other work on the machine falls on both; the medians and
 * their ratio are reported. K_TIMING_REPEATS=1 for a quick look.
 */
import { performance } from "node:perf_hooks";
import { sweepK } from "../../dist/evaluate/sweep.js";
import { gapStatistic, GAP_DEFAULTS } from "../../dist/evaluate/gap.js";
import { VOTE_DEFAULTS, VOTE_GAP_SETTINGS } from "../../dist/evaluate/vote.js";
import { clusterStability, STABILITY_DEFAULTS } from "../../dist/evaluate/stability.js";
import { synthesizeClients } from "../../dist/shared/synth.js";
import { zScore } from "./suite.mjs";

const ROWS = 100_000;
const FEATURES = 8;
const REPEATS = Number(process.env.K_TIMING_REPEATS ?? 3);

export function timeSweeps(log) {
  const table = synthesizeClients({ rows: ROWS, features: FEATURES, clusters: 5, seed: 42 });
  const data = Float64Array.from(table.values);
  zScore(data, ROWS, FEATURES);
  const matrix = { data, rows: ROWS, cols: FEATURES };
  const options = { kMin: 2, kMax: 10, restarts: 10, seed: 7, threads: 2 };
  const plain = [];
  const full = [];
  const parts = [];
  log(`\ntiming on ${ROWS.toLocaleString("en")} × ${FEATURES} (${REPEATS} alternating runs each)`);
  for (let r = 0; r < REPEATS; r++) {
    let t0 = performance.now();
    sweepK(matrix, options);
    plain.push((performance.now() - t0) / 1000);

    t0 = performance.now();
    const sweep = sweepK(matrix, options);
    const t1 = performance.now();
    // as the sweep workflow computes it: d.power 2, the data's W(k) from the sweep's fits
    const gap = gapStatistic(matrix, {
      kMax: 10,
      seed: 7,
      references: 50,
      dPower: VOTE_GAP_SETTINGS.dPower,
      rule: VOTE_DEFAULTS.gapRule,
      threads: options.threads,
      observed: (k) => sweep.clusterings.get(k)?.labels,
    });
    const t2 = performance.now();
    clusterStability(matrix, {
      ks: sweep.rows.map((row) => row.k),
      seed: 7,
      resamples: 20,
      threads: options.threads,
      reference: (k) => sweep.clusterings.get(k).labels,
    });
    const t3 = performance.now();
    full.push((t3 - t0) / 1000);
    parts.push({
      sweep: (t1 - t0) / 1000,
      gap: (t2 - t1) / 1000,
      stability: (t3 - t2) / 1000,
      gapRows: gap.rows,
    });
    log(
      `  run ${r + 1}: sweep alone ${plain.at(-1).toFixed(2)} s; with gap + stability ${full.at(-1).toFixed(2)} s ` +
        `(sweep ${parts.at(-1).sweep.toFixed(2)}, gap ${parts.at(-1).gap.toFixed(2)} on ${gap.rows} rows, stability ${parts.at(-1).stability.toFixed(2)})`,
    );
  }
  const plainMedian = median(plain);
  const fullMedian = median(full);
  const ratio = fullMedian / plainMedian;
  const markdown =
    `## Cost of gap + stability on ${ROWS.toLocaleString("en")} × ${FEATURES}\n\n` +
    `| | median of ${REPEATS} | runs |\n|---|--:|---|\n` +
    `| sweep k = 2..10, 10 restarts, 2 threads | ${plainMedian.toFixed(2)} s | ${plain.map((v) => v.toFixed(2)).join(" / ")} |\n` +
    `| same + gap (B = 50, sample ${GAP_DEFAULTS.sampleSize}) + stability (B = 20, sample ${STABILITY_DEFAULTS.sampleSize}) | ${fullMedian.toFixed(2)} s | ${full.map((v) => v.toFixed(2)).join(" / ")} |\n` +
    `| ratio | **${ratio.toFixed(2)}×** | target ≤ 2× |\n`;
  log(markdown);
  return { rows: ROWS, features: FEATURES, plain, full, parts, ratio, markdown };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
