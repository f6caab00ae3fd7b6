/**
 * A diagnostic beside the suite, not tuned on: the same planted-k designs
 * with right-skewed clusters (standardized gamma deviations instead of
 * normal ones, `suite.mjs` `withinDraw`) and one-blob skewed tables without
 * clusters. It measures what the shipped vote does when the clusters are
 * not the round Gaussians the BIC assumes — the case of real client tables,
 * where the BIC keeps rising with k (notebook 01).
 *
 *   node bench/k-recovery/skewed.mjs [--shape 2] [--every 3]
 *
 * `--every n` takes every n-th design of the suite (default 3: 48 tables,
 * about two minutes) plus 8 skewed null tables; `--shape` is the gamma's
 * shape (skewness 2/√shape; 2 → 1.41, 1 → 2, an exponential).
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { gatherEvidence } from "./evidence.mjs";
import { PROPOSERS, proposalsOf } from "./score.mjs";
import { makeTable, nullDesign, suiteDesign } from "./suite.mjs";

const { values } = parseArgs({
  options: { shape: { type: "string", default: "2" }, every: { type: "string", default: "3" } },
});
const within = { shape: Number(values.shape) };
const every = Number(values.every);
const designs = [
  ...suiteDesign().filter((d) => d.id % every === 0),
  ...nullDesign().slice(0, 8),
].map((d) => ({ ...d, within }));

const tables = [];
const started = performance.now();
for (const design of designs) {
  const e = { ...gatherEvidence(makeTable(design)), separation: design.separation };
  tables.push({ ...e, proposals: proposalsOf(e) });
}
const planted = tables.filter((t) => t.plantedK > 1);
const nulls = tables.filter((t) => t.plantedK === 1);
const line = (name, group) => {
  const right = group.filter((t) => t.proposals[name] === t.plantedK).length;
  return `${right}/${group.length}`;
};
console.log(
  `\nskewed clusters (gamma shape ${within.shape}, skewness ${(2 / Math.sqrt(within.shape)).toFixed(2)}): ` +
    `${planted.length} planted-k tables, ${nulls.length} without clusters, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log("| proposer | all | sep ≥ 4 | sep 2.5 |\n|---|--:|--:|--:|");
for (const p of PROPOSERS) {
  console.log(
    `| ${p} | ${line(p, planted)} | ${line(
      p,
      planted.filter((t) => t.separation >= 4),
    )} | ${line(
      p,
      planted.filter((t) => t.separation < 4),
    )} |`,
  );
}
const words = (group) => {
  const c = { agreed: 0, split: 0, "no-structure": 0 };
  for (const t of group) c[t.proposals.confidence]++;
  return JSON.stringify(c);
};
const tooLarge = planted.filter((t) => t.proposals.vote > t.plantedK).length;
console.log(
  `\nthe vote above the planted k on ${tooLarge} of ${planted.length}; its words on planted tables ${words(planted)}`,
);
console.log(
  `tables without clusters: vote words ${words(nulls)}; gap says k = 1 on ${nulls.filter((t) => t.proposals.gap === 1).length}; ` +
    `the vote's k ${nulls.map((t) => t.proposals.vote).join(", ")}; BIC's ${nulls.map((t) => t.proposals.bic ?? "—").join(", ")}`,
);
