/**
 * Scores the proposals of every index, NbClust's majority rule, the vote
 * (src/evaluate/vote.ts with its tuned defaults) and the sweep's old
 * recommendation against each table's planted k.
 */
import { bicCurve } from "../../dist/evaluate/bic.js";
import { meanAbsoluteSkewnessOfSums } from "../../dist/evaluate/cluster-skewness.js";
import { jumpStatistic } from "../../dist/evaluate/jump.js";
import { maxSE } from "../../dist/evaluate/gap-rules.js";
import { majorityVote, proposals, voteK, VOTE_INDICES } from "../../dist/evaluate/vote.js";

/** Which gap curve of the evidence the vote reads (see evidence.mjs). */
export const GAP_SOURCE = "d2Sweep";

/**
 * The gap under the rules the vote does not use, as single indices of their
 * own (the "gap" row is the vote's rule), so "beats every single index"
 * covers every gap rule.
 */
const OTHER_GAP_RULES = ["firstSEmax", "Tibs2001SEmax", "globalSEmax"];

/**
 * The BIC's peak as a single index of its own, without the vote's skewness
 * check (the "bic" row is its ballot in the vote, which abstains on skewed
 * clusters), so "beats every single index" is measured against the BIC too.
 */
const RAW_BIC = "bic, no skewness check";

/** Proposers in table order: every index, the gap's other rules, then the baselines and the vote. */
export const PROPOSERS = [
  ...VOTE_INDICES,
  RAW_BIC,
  ...OTHER_GAP_RULES.map((rule) => `gap ${rule}`),
  "oldRecommendation",
  "nbclust",
  "vote",
];

const evidenceCache = new WeakMap();

/** The vote's evidence for one table (memoised: tuning scores each table many times). */
export function evidenceOf(e, gapSource = GAP_SOURCE) {
  const cached = evidenceCache.get(e)?.[gapSource];
  if (cached) return cached;
  const evidence = freshEvidenceOf(e, gapSource);
  evidenceCache.set(e, { ...evidenceCache.get(e), [gapSource]: evidence });
  return evidence;
}

function freshEvidenceOf(e, gapSource) {
  return {
    rows: e.sweep,
    elbowK: e.knee,
    jump: jumpStatistic(e.sweep, {
      rows: e.rows,
      features: e.features,
      totalSumOfSquares: e.totalSumOfSquares,
    }),
    // as workflows/sweep.ts computes it: the sweep's inertias, each fit's cluster sizes,
    // the skewness of the clusters at its peak
    bic: withSkewness(
      e,
      bicCurve(
        e.sweep.map((r) => ({ k: r.k, inertia: r.inertia, sizes: sizesOf(e, r.k) })),
        { features: e.features, totalSumOfSquares: e.totalSumOfSquares },
      ),
    ),
    gap: { gap: e.gap[gapSource].gap, se: e.gap[gapSource].se },
    stability: e.stability.map((s) => ({ k: s.k, ari: s.ari })),
  };
}

/**
 * The BIC curve with the mean absolute skewness of the fit at its peak, by
 * the shipped `meanAbsoluteSkewnessOfSums` (src/evaluate/cluster-skewness.ts)
 * from the gathered sums about the fit's centroids: what the product takes
 * from the rows.
 */
function withSkewness(e, curve) {
  if (curve.bestK < 2) return curve;
  const shape = e.shapes.find((s) => s.k === curve.bestK);
  if (!shape?.cubedByFeature)
    throw new Error(`table ${e.id}: no third moments in the evidence; re-gather (gather.mjs)`);
  const skewness = meanAbsoluteSkewnessOfSums(
    shape.sizes,
    shape.withinByFeature.flat(),
    shape.cubedByFeature.flat(),
    e.features,
  );
  return Number.isFinite(skewness) ? { ...curve, skewness } : curve;
}

function sizesOf(e, k) {
  const shape = e.shapes?.find((s) => s.k === k);
  if (!shape)
    throw new Error(`table ${e.id}: no cluster sizes in the evidence; re-gather (gather.mjs)`);
  return shape.sizes;
}

/** Every proposer's k for one table (null: abstained). */
export function proposalsOf(e, options = {}, gapSource = GAP_SOURCE) {
  const evidence = evidenceOf(e, gapSource);
  const ballots = proposals(evidence, options);
  const vote = voteK(evidence, options);
  const out = Object.fromEntries(ballots.map((b) => [b.index, b.k]));
  for (const rule of OTHER_GAP_RULES)
    out[`gap ${rule}`] = maxSE(evidence.gap.gap, evidence.gap.se, rule);
  out[RAW_BIC] = proposals(evidence, { ...options, bicMaxSkewness: Infinity }).find(
    (b) => b.index === "bic",
  ).k;
  out.oldRecommendation = e.currentRecommendation;
  out.nbclust = majorityVote(ballots.map((b) => b.k));
  out.vote = vote.recommendedK;
  out.confidence = vote.confidence;
  return out;
}

/** Share of tables on which `pick(table)` equals the planted k. */
function hits(tables, proposer) {
  const n = tables.length;
  const right = tables.filter((t) => t.proposals[proposer] === t.plantedK).length;
  return { right, n };
}

/** The suite's families (suite.mjs): round clusters (the issue's conditions), skewed ones, both. */
export const FAMILIES = {
  round: (t) => t.shape === "round",
  skewed: (t) => t.shape !== "round",
  mixed: () => true,
};

/** A table's family name: "round" or "skewed". */
const familyOf = (t) => (t.shape === "round" ? "round" : "skewed");

/**
 * Per family and proposer: hits on dev / held-out / all, overall and on
 * separation ≥ 4; the upper bound of any combination; the vote's confidence
 * words per family and separation.
 */
export function scoreTables(evidence, options = {}, gapSource = GAP_SOURCE) {
  const tables = evidence.map((e) => ({
    ...e,
    shape: e.shape ?? "round",
    proposals: proposalsOf(e, options, gapSource),
  }));
  const families = {};
  for (const [family, member] of Object.entries(FAMILIES)) {
    const planted = tables.filter((t) => t.plantedK > 1 && member(t));
    const groups = {
      dev: planted.filter((t) => t.half === "dev"),
      "held-out": planted.filter((t) => t.half === "held-out"),
      all: planted,
    };
    const summary = {};
    for (const p of PROPOSERS) {
      summary[p] = {};
      for (const [name, group] of Object.entries(groups)) {
        summary[p][name] = hits(group, p);
        summary[p][`${name} sep≥4`] = hits(
          group.filter((t) => t.separation >= 4),
          p,
        );
      }
    }
    // No combination of the indices' proposals can beat this: some index proposed the planted k.
    const anyRight = (group) => ({
      right: group.filter((t) =>
        [...VOTE_INDICES, RAW_BIC].some((i) => t.proposals[i] === t.plantedK),
      ).length,
      n: group.length,
    });
    const upperBound = {
      all: anyRight(planted),
      "all sep≥4": anyRight(planted.filter((t) => t.separation >= 4)),
    };
    families[family] = { summary, upperBound };
  }
  const confidence = {};
  for (const t of tables) {
    const key = `${familyOf(t)}, ${t.plantedK === 1 ? "no clusters" : `sep ${t.separation}`}`;
    confidence[key] ??= { agreed: 0, split: 0, "no-structure": 0, agreedRight: 0 };
    confidence[key][t.proposals.confidence]++;
    if (t.proposals.confidence === "agreed" && t.proposals.vote === t.plantedK)
      confidence[key].agreedRight++;
  }
  // Is each word borne out? Right: the planted k (on a table without
  // clusters only "no structure" is right; its k is never 1).
  const calibration = {};
  for (const t of tables) {
    const key = familyOf(t);
    const word = t.proposals.confidence;
    calibration[key] ??= {};
    calibration[key][word] ??= { right: 0, n: 0 };
    calibration[key][word].n++;
    const right = t.plantedK === 1 ? word === "no-structure" : t.proposals.vote === t.plantedK;
    if (right) calibration[key][word].right++;
  }
  const nullTables = tables.filter((t) => t.plantedK === 1).length;
  return { tables, families, confidence, calibration, nullTables };
}

const pct = ({ right, n }) => (n === 0 ? "–" : `${right}/${n} (${Math.round((100 * right) / n)}%)`);

const FAMILY_TITLES = {
  round: "round clusters (the issue's conditions)",
  skewed: "skewed clusters (gamma deviations, skewness 1.41 and 2)",
  mixed: "both families together",
};

/** The recovery tables as markdown: one per family, then the confidence words. */
export function recoveryMarkdown(scored) {
  const cols = ["dev", "dev sep≥4", "held-out", "held-out sep≥4", "all", "all sep≥4"];
  const lines = ["## k-recovery: planted k found"];
  for (const [family, { summary, upperBound }] of Object.entries(scored.families)) {
    lines.push(
      "",
      `### ${FAMILY_TITLES[family]}`,
      "",
      `| proposer | ${cols.join(" | ")} |`,
      `|---|${cols.map(() => "--:").join("|")}|`,
    );
    for (const p of PROPOSERS)
      lines.push(`| ${p} | ${cols.map((c) => pct(summary[p][c])).join(" | ")} |`);
    lines.push(
      "",
      `Upper bound for any combination of these proposals (at least one index proposed the planted k): ` +
        `${pct(upperBound.all)} of all tables, ${pct(upperBound["all sep≥4"])} of those with separation ≥ 4.`,
    );
  }
  lines.push("", "Confidence words of the vote (agreedRight: agreed and right):", "");
  lines.push("| tables | agreed | agreedRight | split | no-structure |", "|---|--:|--:|--:|--:|");
  for (const [key, c] of Object.entries(scored.confidence).sort()) {
    lines.push(`| ${key} | ${c.agreed} | ${c.agreedRight} | ${c.split} | ${c["no-structure"]} |`);
  }
  lines.push(
    "",
    'How often each word was right (the planted k; on tables without clusters, "no structure"):',
    "",
    "| family | agreed | split | no-structure |",
    "|---|--:|--:|--:|",
  );
  for (const [family, words] of Object.entries(scored.calibration).sort()) {
    const cell = (w) => (words[w] ? pct(words[w]) : "–");
    lines.push(`| ${family} | ${cell("agreed")} | ${cell("split")} | ${cell("no-structure")} |`);
  }
  return lines.join("\n") + "\n";
}
