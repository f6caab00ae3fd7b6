#!/usr/bin/env node
/**
 * Where the proposals fail, on the DEVELOPMENT half only (the held-out half is
 * never read here): per table the planted k, its conditions and every
 * proposal (shipped indices, vote, candidates of candidates.mjs); hits per
 * proposer by separation, and the ceiling with and without the candidates.
 *
 * With --oracle it also regenerates each development table (suite.mjs) and
 * measures how recoverable its planted clusters are: the ARI between the
 * planted labels and (a) K-Means at the planted k (10 restarts), (b) the
 * nearest planted-cluster mean (the partition the planted k itself allows),
 * noise rows left out.
 *
 *   node bench/k-recovery/diagnose.mjs [--oracle] [--tables]
 */
import { parseArgs } from "node:util";
import { kmeans } from "../../dist/cluster/index.js";
import { adjustedRandOfCodes } from "../../dist/evaluate/label-agreement.js";
import { VOTE_INDICES } from "../../dist/evaluate/vote.js";
import { CANDIDATES } from "./candidates.mjs";
import { loadEvidence } from "./gather.mjs";
import { FAMILIES, proposalsOf } from "./score.mjs";
import { makeTable, suiteDesign } from "./suite.mjs";

const { values } = parseArgs({
  options: {
    oracle: { type: "boolean", default: false },
    tables: { type: "boolean", default: false },
    family: { type: "string", default: "round" },
  },
});
if (!FAMILIES[values.family]) throw new Error(`no family ${values.family} (round, skewed, mixed)`);
const dev = loadEvidence({ gather: false }).filter(
  (e) => e.half === "dev" && FAMILIES[values.family]({ shape: e.shape ?? "round" }),
);
const designs = new Map(suiteDesign().map((d) => [d.id, d]));

const rows = dev.map((e) => {
  const p = proposalsOf(e);
  for (const [name, f] of Object.entries(CANDIDATES)) p[name] = f(e);
  return { e, p };
});

const shipped = [...VOTE_INDICES, "vote"];
const names = [...shipped, ...Object.keys(CANDIDATES)];
const groups = {
  all: () => true,
  "sep 2.5": (e) => e.separation === 2.5,
  "sep 4": (e) => e.separation === 4,
  "sep 6": (e) => e.separation === 6,
};
console.log(`${dev.length} development tables\n`);
console.log(`| proposer | ${Object.keys(groups).join(" | ")} |`);
console.log(
  `|---|${Object.keys(groups)
    .map(() => "--:")
    .join("|")}|`,
);
for (const name of names) {
  const cells = Object.values(groups).map((g) => {
    const group = rows.filter((r) => g(r.e));
    return `${group.filter((r) => r.p[name] === r.e.plantedK).length}/${group.length}`;
  });
  console.log(`| ${name} | ${cells.join(" | ")} |`);
}
const anyOf = (list) => rows.filter((r) => list.some((n) => r.p[n] === r.e.plantedK));
console.log(`\nceiling, shipped indices: ${anyOf(VOTE_INDICES).length}/${rows.length}`);
console.log(
  `ceiling, with every candidate: ${anyOf([...VOTE_INDICES, ...Object.keys(CANDIDATES)]).length}/${rows.length}`,
);
for (const c of Object.keys(CANDIDATES)) {
  const gain = anyOf([...VOTE_INDICES, c]).length - anyOf(VOTE_INDICES).length;
  const fixes = rows.filter((r) => r.p.vote !== r.e.plantedK && r.p[c] === r.e.plantedK).length;
  console.log(`  + ${c}: ceiling +${gain}; right on ${fixes} tables the vote misses`);
}

// Failure pattern of the vote by condition.
for (const key of ["plantedK", "ratio", "noiseShare", "moneyColumns"]) {
  const by = new Map();
  for (const r of rows) {
    const v = r.e[key];
    const c = by.get(v) ?? { n: 0, vote: 0, any: 0 };
    c.n++;
    if (r.p.vote === r.e.plantedK) c.vote++;
    if (VOTE_INDICES.some((n) => r.p[n] === r.e.plantedK)) c.any++;
    by.set(v, c);
  }
  const cells = [...by]
    .sort((a, b) => a[0] - b[0])
    .map(([v, c]) => `${v}: ${c.vote}/${c.any}/${c.n}`);
  console.log(`vote/any/n by ${key}: ${cells.join(", ")}`);
}
const under = rows.filter((r) => r.p.vote !== r.e.plantedK && r.p.vote < r.e.plantedK).length;
console.log(
  `vote wrong: ${rows.filter((r) => r.p.vote !== r.e.plantedK).length} (below the planted k: ${under})`,
);

if (values.tables || values.oracle) {
  console.log(
    `\n| id | k | sep | rows×p | ratio | noise | money | ${values.oracle ? "ARI km@k | ARI planted means | " : ""}${names.join(" | ")} |`,
  );
  for (const { e, p } of rows) {
    if (p.vote === e.plantedK && !values.tables) continue;
    const oracle = values.oracle
      ? `${recoverability(e)
          .map((v) => v.toFixed(2))
          .join(" | ")} | `
      : "";
    console.log(
      `| ${e.id} | ${e.plantedK} | ${e.separation} | ${e.rows}×${e.features} | ${e.ratio} | ${e.noiseShare} | ${e.moneyColumns} | ${oracle}` +
        names.map((n) => (p[n] === e.plantedK ? `**${p[n]}**` : String(p[n]))).join(" | ") +
        " |",
    );
  }
}

function recoverability(e) {
  const t = makeTable(designs.get(e.id));
  const { data, rows: n, cols } = t.matrix;
  const km = kmeans(t.matrix, { k: t.k, restarts: 10, seed: t.seed });
  const means = new Float64Array(t.k * cols);
  const counts = new Float64Array(t.k);
  for (let r = 0; r < n; r++) {
    const j = t.truth[r];
    if (j < 0) continue;
    counts[j]++;
    for (let c = 0; c < cols; c++) means[j * cols + c] += data[r * cols + c];
  }
  for (let j = 0; j < t.k; j++) for (let c = 0; c < cols; c++) means[j * cols + c] /= counts[j];
  const nearest = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let best = Infinity;
    for (let j = 0; j < t.k; j++) {
      let d = 0;
      for (let c = 0; c < cols; c++) d += (data[r * cols + c] - means[j * cols + c]) ** 2;
      if (d < best) {
        best = d;
        nearest[r] = j;
      }
    }
  }
  return [
    adjustedRandOfCodes(t.truth, km.labels, t.k, t.k),
    adjustedRandOfCodes(t.truth, nearest, t.k, t.k),
  ];
}
