#!/usr/bin/env node
/**
 * Tunes the vote on the development half only: every weight in {0, 1, 2}
 * per index, the stability threshold, the gap rule, how ties are broken
 * (smaller k, larger k, or the rank sum of the indices' curves) and whether
 * a lone heaviest ballot gives way to the majority; prints the best settings
 * by development hits; among equal hits, the one whose neighbours (one
 * weight one step up or down, all else kept) score best on average — a flat
 * optimum is less likely to be an accident of these 72 tables — then more
 * hits at separation ≥ 4, then fewer weight changes from all-ones. The held-out
 * half is not looked at here; `run.mjs` reports it for the defaults that
 * src/evaluate/vote.ts ships.
 *
 * Each table's ballots (per gap rule and stability threshold) and rank sums
 * are drawn once by the shipped `proposals` / `rankSums`; every weighting is
 * then recounted by the shipped `countBallots`, which is what `voteK` does,
 * so a grid of ~120,000 settings takes seconds instead of CPU-hours.
 *
 *   node bench/k-recovery/tune.mjs [--family round|skewed|mixed] [--candidate NAME]... [--fix INDEX=W]... [--cv N]
 *
 * `--family` picks the development tables: round clusters (default: the
 * family the shipped weights were tuned on), skewed ones, or both.
 * `--candidate NAME` adds a proposer of candidates.mjs as one more ballot
 * (weights 0, 1, 2 like the others; not in the rank sums), to see whether it
 * would raise the development score inside the vote before it is built.
 * `--fix INDEX=W` holds one index at weight W (`--fix bic=0`: the grid as
 * it was before the BIC). `--cv N` also scores the tuning itself by N random 2-fold splits of the
 * development half: tune on one fold (every setting with the fold's best
 * hits), score those settings on the other fold (their mean), both ways.
 */
import { proposals, rankEvidence, VOTE_DEFAULTS, VOTE_INDICES } from "../../dist/evaluate/vote.js";
import { rankSums } from "../../dist/evaluate/vote-ranks.js";
import { countBallots } from "../../dist/evaluate/vote-tally.js";
import { parseArgs } from "node:util";
import { CANDIDATES } from "./candidates.mjs";
import { loadEvidence } from "./gather.mjs";
import { evidenceOf, FAMILIES, GAP_SOURCE } from "./score.mjs";

const { values } = parseArgs({
  options: {
    candidate: { type: "string", multiple: true, default: [] },
    cv: { type: "string", default: "0" },
    fix: { type: "string", multiple: true, default: [] },
    family: { type: "string", default: "round" },
  },
});
if (!FAMILIES[values.family]) throw new Error(`no family ${values.family} (round, skewed, mixed)`);
for (const name of values.candidate) if (!CANDIDATES[name]) throw new Error(`no candidate ${name}`);
const INDICES = [...VOTE_INDICES, ...values.candidate];
const dev = loadEvidence({ gather: false }).filter(
  (e) => e.half === "dev" && FAMILIES[values.family]({ shape: e.shape ?? "round" }),
);
const roundCount = dev.filter((e) => (e.shape ?? "round") === "round").length;
console.log(
  `${dev.length} development tables (${values.family}: ${roundCount} round, ${dev.length - roundCount} skewed)`,
);
const GAP_RULES = ["firstSEmax", "Tibs2001SEmax", "globalSEmax"];
const THRESHOLDS = [0.8, 0.85, 0.9];
// `--fix index=w` holds an index at one weight (e.g. `--fix bic=0`: the grid without it).
const fixed = new Map(values.fix.map((f) => [f.split("=")[0], [Number(f.split("=")[1])]]));
const levelsOf = (index) => fixed.get(index) ?? [0, 1, 2];
const gridSize = INDICES.reduce((n, index) => n * levelsOf(index).length, 1);

const tables = dev.map((e) => {
  const evidence = evidenceOf(e, GAP_SOURCE);
  const ballots = {};
  for (const gapRule of GAP_RULES) {
    for (const stabilityThreshold of THRESHOLDS) {
      ballots[`${gapRule}:${stabilityThreshold}`] = [
        ...proposals(evidence, { gapRule, stabilityThreshold }),
        ...values.candidate.map((index) => ({ index, k: CANDIDATES[index](e) })),
      ];
    }
  }
  return {
    plantedK: e.plantedK,
    separation: e.separation,
    round: (e.shape ?? "round") === "round",
    sweptKs: new Set(e.sweep.map((r) => r.k)),
    ranks: rankSums(rankEvidence(evidence)),
    ballots,
  };
});

const results = [];
for (let code = 0; code < gridSize; code++) {
  const weights = {};
  let c = code;
  let changes = 0;
  for (const index of INDICES) {
    const levels = levelsOf(index);
    weights[index] = levels[c % levels.length];
    changes += Math.abs(weights[index] - 1);
    c = Math.floor(c / levels.length);
  }
  if (Object.values(weights).every((w) => w === 0)) continue;
  for (const gapRule of GAP_RULES) {
    for (const stabilityThreshold of THRESHOLDS) {
      const key = `${gapRule}:${stabilityThreshold}`;
      const weighted = tables.map((t) =>
        t.ballots[key].map((b) => ({ k: b.k, weight: weights[b.index] })),
      );
      for (const ties of ["smaller", "larger", "rank-sum"]) {
        for (const loneBallotFallback of [true, false]) {
          let right = 0;
          let rightSep = 0;
          let rightRound = 0;
          const hit = new Uint32Array(Math.ceil(tables.length / 32));
          tables.forEach((t, i) => {
            const { winner } = countBallots(
              weighted[i],
              t.sweptKs,
              { ties, loneBallotFallback },
              t.ranks,
            );
            const k = winner?.k ?? Math.min(...t.sweptKs);
            if (k === t.plantedK) {
              hit[i >> 5] |= 1 << (i & 31);
              right++;
              if (t.separation >= 4) rightSep++;
              if (t.round) rightRound++;
            }
          });
          results.push({
            right,
            rightSep,
            rightRound,
            rightSkewed: right - rightRound,
            changes,
            gapRule,
            stabilityThreshold,
            ties,
            loneBallotFallback,
            weights,
            hit,
          });
        }
      }
    }
  }
}
const keyOf = (r, weights = r.weights) =>
  [
    r.gapRule,
    r.stabilityThreshold,
    r.ties,
    r.loneBallotFallback,
    ...INDICES.map((i) => weights[i]),
  ].join();
const byKey = new Map(results.map((r) => [keyOf(r), r]));
for (const r of results) {
  const around = [];
  for (const index of INDICES) {
    for (const step of [-1, 1]) {
      const n = byKey.get(keyOf(r, { ...r.weights, [index]: r.weights[index] + step }));
      if (n) around.push(n.right);
    }
  }
  r.neighbours = Number((around.reduce((a, b) => a + b, 0) / around.length).toFixed(2));
}
results.sort(
  (a, b) =>
    b.right - a.right ||
    b.neighbours - a.neighbours ||
    b.rightSep - a.rightSep ||
    a.changes - b.changes,
);
console.log(`${results.length} settings; the shipped ones for comparison:`);
const shipped = results.find(
  (r) =>
    r.gapRule === VOTE_DEFAULTS.gapRule &&
    r.stabilityThreshold === VOTE_DEFAULTS.stabilityThreshold &&
    r.ties === VOTE_DEFAULTS.ties &&
    r.loneBallotFallback === VOTE_DEFAULTS.loneBallotFallback &&
    INDICES.every((i) => r.weights[i] === (VOTE_DEFAULTS.weights[i] ?? 0)),
);
const shown = (r) => JSON.stringify({ ...r, hit: undefined });
console.log(shown(shipped));
for (const r of results.slice(0, 15)) console.log(shown(r));

const splits = Number(values.cv);
if (splits > 0) {
  // Seeded, so the figure reproduces: a small LCG is enough to shuffle 72 tables.
  let state = 20261203;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let total = 0;
  const popcount = (x) => {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const within = (hit, mask) => hit.reduce((n, w, j) => n + popcount(w & mask[j]), 0);
  for (let s = 0; s < splits; s++) {
    const order = tables.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const folds = [
      new Uint32Array(Math.ceil(tables.length / 32)),
      new Uint32Array(Math.ceil(tables.length / 32)),
    ];
    order.forEach(
      (i, place) => (folds[place < tables.length / 2 ? 0 : 1][i >> 5] |= 1 << (i & 31)),
    );
    for (const side of [0, 1]) {
      let best = -1;
      let picked = [];
      for (const r of results) {
        const h = within(r.hit, folds[side]);
        if (h > best) {
          best = h;
          picked = [r];
        } else if (h === best) picked.push(r);
      }
      const other = picked.reduce((n, r) => n + within(r.hit, folds[1 - side]), 0);
      total += other / picked.length;
    }
  }
  console.log(
    `${splits} random 2-fold splits: tuned on one half, ${(total / splits).toFixed(1)} of ${tables.length} right on the other halves (summed)`,
  );
}
