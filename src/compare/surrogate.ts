/**
 * Surrogate rules: each cluster described by a short conjunction over the raw
 * features, read off a shallow one-vs-rest decision tree, with how faithfully
 * the rule reproduces the cluster.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { displayThreshold, formatNumber } from "./format.js";
import { orderLabels } from "./order.js";
import { fitBinaryCart, presortRows, treeLeaves, type CartSplit } from "./tree.js";
import type { RuleCondition, SurrogateOptions, SurrogateRule } from "./types.js";

/** Rule text when the tree found no split: the rule is "every client". */
export const EVERY_CLIENT = "every client (no split of the features isolates it)";

/**
 * One rule per label of `labels` (a cluster, one-vs-rest), from a Gini tree of
 * depth ≤ 3 over the raw features. Of the tree's leaves, the rule is the path
 * whose displayed conjunction has the best F1 on all clients (ties: more
 * clients of the cluster reproduced, then fewer conditions, then the leftmost
 * leaf), among the paths whose precision is at least 0.5 when any is
 * ("predicting this cluster"), otherwise among all (`weak: true`).
 * Conditions on the same feature merge into one range, thresholds become
 * the roundest number that splits the training data the same way (see
 * `displayThreshold`), and fidelity (recall), precision and coverage are
 * measured on the rule as displayed, over every client: a missing or
 * non-finite value never matches a condition. Rows with a missing feature
 * value are left out of the tree's training. Deterministic.
 *
 * @param features Raw (unscaled) features, one row per client, aligned with `labels`.
 * @param featureNames One name per column, used in the rule text.
 * @throws RangeError when the shapes disagree, or maxDepth is not 1–3, or minLeafSize < 1.
 * @example
 * // cluster "1" is exactly recency ≤ 30 and monetary ≥ 2000:
 * surrogateRules(x, ["recency_days", "monetary"], labels)[1].text;
 * // => "cluster 1 ≈ recency_days ≤ 30 and monetary ≥ 2,000"
 */
export function surrogateRules(
  features: DenseMatrix,
  featureNames: readonly string[],
  labels: readonly string[],
  options: SurrogateOptions = {},
): SurrogateRule[] {
  const n = features.rows;
  if (labels.length !== n) {
    throw new RangeError(`${labels.length} labels for ${n} feature rows`);
  }
  if (featureNames.length !== features.cols) {
    throw new RangeError(`${featureNames.length} feature names for ${features.cols} columns`);
  }
  const maxDepth = options.maxDepth ?? 3;
  if (!(Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= 3)) {
    throw new RangeError(`maxDepth must be 1, 2 or 3, got ${maxDepth}`);
  }
  if (options.minLeafSize !== undefined && !(options.minLeafSize >= 1)) {
    throw new RangeError(`minLeafSize must be ≥ 1, got ${options.minLeafSize}`);
  }
  const digits = options.maxSignificantDigits ?? 3;
  const complete = completeRows(features);
  const sorted = presortRows(features, complete);
  const target = new Uint8Array(n);

  return orderLabels(labels, options.labelOrder).map((label) => {
    let clusterSize = 0;
    for (let i = 0; i < n; i++) {
      target[i] = labels[i] === label ? 1 : 0;
      clusterSize += target[i]!;
    }
    const minLeafSize =
      options.minLeafSize ??
      Math.max(1, Math.min(Math.ceil(0.01 * n), Math.ceil(0.25 * clusterSize)));
    const tree = fitBinaryCart(features, target, sorted, { maxDepth, minLeafSize });
    const candidates = treeLeaves(tree).map(({ path }, leafIndex) => {
      const { conditions, columns } = mergePath(path, featureNames, digits);
      const counts = countMatches(features, conditions, columns, target);
      return { conditions, leafIndex, ...counts };
    });
    const precise = candidates.filter((c) => c.matched > 0 && c.truePositives / c.matched >= 0.5);
    const pool = precise.length > 0 ? precise : candidates;
    const f1 = (c: { matched: number; truePositives: number }): number =>
      c.matched + clusterSize === 0 ? 0 : (2 * c.truePositives) / (c.matched + clusterSize);
    const best = pool.reduce((a, b) => {
      const byF1 = f1(b) - f1(a);
      if (byF1 !== 0) return byF1 > 0 ? b : a;
      if (b.truePositives !== a.truePositives) return b.truePositives > a.truePositives ? b : a;
      if (b.conditions.length !== a.conditions.length) {
        return b.conditions.length < a.conditions.length ? b : a;
      }
      return a;
    });
    const name = /^-?\d+$/.test(label) ? `cluster ${label}` : label;
    const body =
      best.conditions.length === 0
        ? EVERY_CLIENT
        : best.conditions.map((c) => c.text).join(" and ");
    return {
      label,
      clusterSize,
      conditions: best.conditions,
      text: `${name} ≈ ${body}`,
      matched: best.matched,
      truePositives: best.truePositives,
      fidelity: clusterSize === 0 ? 0 : best.truePositives / clusterSize,
      precision: best.matched === 0 ? 0 : best.truePositives / best.matched,
      coverage: n === 0 ? 0 : best.matched / n,
      weak: precise.length === 0,
    };
  });
}

/** Indices of rows whose features are all finite. */
function completeRows(x: DenseMatrix): Int32Array {
  const rows: number[] = [];
  outer: for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.cols; j++) if (!Number.isFinite(x.data[i * x.cols + j]!)) continue outer;
    rows.push(i);
  }
  return Int32Array.from(rows);
}

interface Bound {
  value: number;
  inclusive: boolean;
}

/**
 * Merges the conditions of a leaf path into one range per feature (features in
 * the order the path first uses them), with display thresholds.
 */
function mergePath(
  path: { split: CartSplit; side: "left" | "right" }[],
  featureNames: readonly string[],
  digits: number,
): { conditions: RuleCondition[]; columns: number[] } {
  const bounds = new Map<number, { lower?: Bound; upper?: Bound }>();
  for (const { split, side } of path) {
    const shown = displayThreshold(split.below, split.above, digits);
    const entry = bounds.get(split.feature) ?? {};
    if (side === "left") {
      const bound = { value: shown.value, inclusive: shown.leftInclusive };
      if (!entry.upper || tighterUpper(bound, entry.upper)) entry.upper = bound;
    } else {
      const bound = { value: shown.value, inclusive: shown.rightInclusive };
      if (!entry.lower || tighterLower(bound, entry.lower)) entry.lower = bound;
    }
    bounds.set(split.feature, entry);
  }
  const conditions = [...bounds].map(([feature, { lower, upper }]) => {
    const name = featureNames[feature]!;
    const condition: RuleCondition = { feature: name, text: conditionText(name, lower, upper) };
    if (lower) condition.lower = lower;
    if (upper) condition.upper = upper;
    return condition;
  });
  return { conditions, columns: [...bounds.keys()] };
}

function tighterUpper(candidate: Bound, current: Bound): boolean {
  return (
    candidate.value < current.value ||
    (candidate.value === current.value && !candidate.inclusive && current.inclusive)
  );
}

function tighterLower(candidate: Bound, current: Bound): boolean {
  return (
    candidate.value > current.value ||
    (candidate.value === current.value && !candidate.inclusive && current.inclusive)
  );
}

function conditionText(name: string, lower?: Bound, upper?: Bound): string {
  const up = upper ? `${upper.inclusive ? "≤" : "<"} ${formatNumber(upper.value)}` : "";
  if (!lower) return `${name} ${up}`;
  const low = formatNumber(lower.value);
  if (!upper) return `${name} ${lower.inclusive ? "≥" : ">"} ${low}`;
  return `${low} ${lower.inclusive ? "≤" : "<"} ${name} ${up}`;
}

/** Clients matching every condition, and how many of them are positives. */
function countMatches(
  x: DenseMatrix,
  conditions: RuleCondition[],
  columns: number[],
  target: Uint8Array,
): { matched: number; truePositives: number } {
  let matched = 0;
  let truePositives = 0;
  rows: for (let i = 0; i < x.rows; i++) {
    for (let c = 0; c < conditions.length; c++) {
      const v = x.data[i * x.cols + columns[c]!]!;
      if (!Number.isFinite(v)) continue rows;
      const { lower, upper } = conditions[c]!;
      if (lower && !(lower.inclusive ? v >= lower.value : v > lower.value)) continue rows;
      if (upper && !(upper.inclusive ? v <= upper.value : v < upper.value)) continue rows;
    }
    matched++;
    truePositives += target[i]!;
  }
  return { matched, truePositives };
}
