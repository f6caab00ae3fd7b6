#!/usr/bin/env node
/**
 * Tunes the vote on the development half only: every weight in {0, 1, 2}
 * per index, the stability threshold, the gap rule, how ties are broken and
 * whether a lone heaviest ballot gives way to the majority; prints the best settings by development hits (ties: fewer total
 * weight changes from all-ones, then the order of the grid). The held-out
 * half is not looked at here; `run.mjs` reports it for the defaults that
 * src/evaluate/vote.ts ships.
 *
 *   node bench/k-recovery/tune.mjs
 */
import { VOTE_DEFAULTS, VOTE_INDICES } from "../../dist/evaluate/vote.js";
import { loadEvidence } from "./gather.mjs";
import { proposalsOf } from "./score.mjs";

const dev = loadEvidence({ gather: false }).filter((e) => e.half === "dev");
console.log(`${dev.length} development tables`);
const levels = [0, 1, 2];
const results = [];
const grid = [];
for (const gapSource of ["d2Sweep"]) {
  for (const gapRule of ["firstSEmax", "Tibs2001SEmax", "globalSEmax"]) {
    for (const stabilityThreshold of [0.8, 0.85, 0.9]) {
      for (const ties of ["smaller", "larger", "rank-sum"]) {
        for (const loneBallotFallback of [true, false]) {
          grid.push({ gapSource, gapRule, stabilityThreshold, ties, loneBallotFallback });
        }
      }
    }
  }
}
for (const { gapSource, ...setting } of grid) {
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
    const options = { ...VOTE_DEFAULTS, ...setting, weights };
    let right = 0;
    let rightSep = 0;
    for (const e of dev) {
      const hit = proposalsOf(e, options, gapSource).vote === e.plantedK;
      right += hit;
      if (hit && e.separation >= 4) rightSep++;
    }
    results.push({ right, rightSep, changes, gapSource, ...setting, weights });
  }
}
results.sort((a, b) => b.right - a.right || b.rightSep - a.rightSep || a.changes - b.changes);
for (const r of results.slice(0, 15)) console.log(JSON.stringify(r));
