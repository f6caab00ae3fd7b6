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
 *   node bench/k-recovery/tune.mjs
 */
import { proposals, VOTE_DEFAULTS, VOTE_INDICES } from "../../dist/evaluate/vote.js";
import { rankSums } from "../../dist/evaluate/vote-ranks.js";
import { countBallots } from "../../dist/evaluate/vote-tally.js";
import { loadEvidence } from "./gather.mjs";
import { evidenceOf, GAP_SOURCE } from "./score.mjs";

const dev = loadEvidence({ gather: false }).filter((e) => e.half === "dev");
console.log(`${dev.length} development tables`);
const GAP_RULES = ["firstSEmax", "Tibs2001SEmax", "globalSEmax"];
const THRESHOLDS = [0.8, 0.85, 0.9];
const levels = [0, 1, 2];

const tables = dev.map((e) => {
  const evidence = evidenceOf(e, GAP_SOURCE);
  const ballots = {};
  for (const gapRule of GAP_RULES) {
    for (const stabilityThreshold of THRESHOLDS) {
      ballots[`${gapRule}:${stabilityThreshold}`] = proposals(evidence, {
        gapRule,
        stabilityThreshold,
      });
    }
  }
  return {
    plantedK: e.plantedK,
    separation: e.separation,
    sweptKs: new Set(e.sweep.map((r) => r.k)),
    ranks: rankSums(evidence),
    ballots,
  };
});

const results = [];
for (let code = 0; code < levels.length ** VOTE_INDICES.length; code++) {
  const weights = {};
  let c = code;
  let changes = 0;
  for (const index of VOTE_INDICES) {
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
          tables.forEach((t, i) => {
            const { winner } = countBallots(
              weighted[i],
              t.sweptKs,
              { ties, loneBallotFallback },
              t.ranks,
            );
            const k = winner?.k ?? Math.min(...t.sweptKs);
            if (k === t.plantedK) {
              right++;
              if (t.separation >= 4) rightSep++;
            }
          });
          results.push({
            right,
            rightSep,
            changes,
            gapRule,
            stabilityThreshold,
            ties,
            loneBallotFallback,
            weights,
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
    ...VOTE_INDICES.map((i) => weights[i]),
  ].join();
const byKey = new Map(results.map((r) => [keyOf(r), r]));
for (const r of results) {
  const around = [];
  for (const index of VOTE_INDICES) {
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
    VOTE_INDICES.every((i) => r.weights[i] === VOTE_DEFAULTS.weights[i]),
);
console.log(JSON.stringify(shipped));
for (const r of results.slice(0, 15)) console.log(JSON.stringify(r));
