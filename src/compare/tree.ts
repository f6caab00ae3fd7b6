/**
 * A small binary CART (Gini) for the surrogate rules.
 *
 * Why not mljs `ml-cart` (measured here, then dropped from the dependencies):
 * its tree structure is reachable (`root.splitColumn`, `splitValue`, `left`,
 * `right`), but its split search
 * re-partitions the node's labels for every candidate threshold, which is
 * quadratic in the node size: measured 56 ms for 1,000 clients, 209 ms for
 * 2,000, so ≈ 1 s for the 4,338 Online Retail clients per cluster and hours
 * for 100k. It also has no minimum leaf size (only a minimum node size) and
 * stops whenever a child's gain equals its parent's. This kernel sorts each
 * feature once and scans the sorted rows per node: O(d·n) per node, and it
 * grows the same tree as scikit-learn's `DecisionTreeClassifier(criterion=
 * "gini", max_depth, min_samples_leaf)` up to the order in which exact ties
 * are broken (checked against a committed sklearn fixture).
 */
import type { DenseMatrix } from "../shared/matrix.js";

/** scikit-learn's FEATURE_THRESHOLD: values closer than this are not split apart. */
const FEATURE_THRESHOLD = 1e-7;

/** A node of a fitted tree. Rows with `value ≤ split.below` go left, the others right. */
export interface CartNode {
  depth: number;
  /** Training rows in the node. */
  samples: number;
  /** Of which in the positive class. */
  positives: number;
  split?: CartSplit;
}

/** A split between two consecutive distinct values of one feature. */
export interface CartSplit {
  feature: number;
  /** sklearn's threshold: below/2 + above/2 (left: value ≤ threshold). */
  threshold: number;
  /** Largest training value going left. */
  below: number;
  /** Smallest training value going right. */
  above: number;
  left: CartNode;
  right: CartNode;
}

/** Growth limits of {@link fitBinaryCart}. */
export interface CartOptions {
  /** Depth of the deepest leaf (the root has depth 0), ≥ 0. */
  maxDepth: number;
  /** Fewest training rows in a leaf, ≥ 1. */
  minLeafSize: number;
}

/**
 * Rows sorted by each feature: `result[j]` lists `rows` in ascending order of
 * column j (ties by row index). Computed once and shared by all the trees
 * fitted on the same features.
 *
 * @example
 * presortRows(fromRows([[3], [1], [2]]), Int32Array.of(0, 1, 2)); // => [Int32Array [1, 2, 0]]
 */
export function presortRows(x: DenseMatrix, rows: Int32Array): Int32Array[] {
  const sorted: Int32Array[] = [];
  for (let j = 0; j < x.cols; j++) {
    const order = Array.from(rows);
    order.sort((r, s) => x.data[r * x.cols + j]! - x.data[s * x.cols + j]! || r - s);
    sorted.push(Int32Array.from(order));
  }
  return sorted;
}

/**
 * Fits a binary classification tree with the Gini criterion, growing every
 * node that is impure, above `maxDepth` and splittable into two leaves of at
 * least `minLeafSize` rows (as scikit-learn does with
 * `min_impurity_decrease=0`). The split minimises the size-weighted Gini
 * impurity of the children; exact ties go to the lower feature index, then the
 * lower threshold. Training rows are those in `sorted` (rows with missing
 * values should be left out by the caller).
 *
 * @param target 1 for the positive class, 0 otherwise, one per matrix row.
 * @param sorted Output of {@link presortRows} for the training rows.
 * @throws RangeError when `maxDepth` < 0 or `minLeafSize` < 1.
 * @example
 * const x = fromRows([[1], [2], [3], [4]]);
 * const tree = fitBinaryCart(x, Uint8Array.of(0, 0, 1, 1), presortRows(x, Int32Array.of(0, 1, 2, 3)), { maxDepth: 1, minLeafSize: 1 });
 * // tree.split.threshold => 2.5; tree.split.left.positives => 0; tree.split.right.positives => 2
 */
export function fitBinaryCart(
  x: DenseMatrix,
  target: Uint8Array,
  sorted: Int32Array[],
  options: CartOptions,
): CartNode {
  const { maxDepth, minLeafSize } = options;
  if (!(maxDepth >= 0)) throw new RangeError(`maxDepth must be ≥ 0, got ${maxDepth}`);
  if (!(minLeafSize >= 1)) throw new RangeError(`minLeafSize must be ≥ 1, got ${minLeafSize}`);
  const nodeOf = new Int32Array(x.rows).fill(-1);
  const anyOrder = sorted[0] ?? new Int32Array(0);
  let positives = 0;
  for (const r of anyOrder) {
    nodeOf[r] = 0;
    positives += target[r]!;
  }
  let nextId = 1;

  const grow = (id: number, depth: number, samples: number, pos: number): CartNode => {
    const node: CartNode = { depth, samples, positives: pos };
    if (depth >= maxDepth || pos === 0 || pos === samples || samples < 2 * minLeafSize) return node;
    const best = bestSplit(x, target, sorted, nodeOf, id, samples, pos, minLeafSize);
    if (!best) return node;
    const leftId = nextId++;
    const rightId = nextId++;
    let leftSamples = 0;
    let leftPositives = 0;
    for (const r of sorted[best.feature]!) {
      if (nodeOf[r] !== id) continue;
      if (x.data[r * x.cols + best.feature]! <= best.below) {
        nodeOf[r] = leftId;
        leftSamples++;
        leftPositives += target[r]!;
      } else {
        nodeOf[r] = rightId;
      }
    }
    const left = grow(leftId, depth + 1, leftSamples, leftPositives);
    const right = grow(rightId, depth + 1, samples - leftSamples, pos - leftPositives);
    node.split = { ...best, left, right };
    return node;
  };

  return grow(0, 0, anyOrder.length, positives);
}

interface SplitChoice {
  feature: number;
  threshold: number;
  below: number;
  above: number;
}

function bestSplit(
  x: DenseMatrix,
  target: Uint8Array,
  sorted: Int32Array[],
  nodeOf: Int32Array,
  id: number,
  samples: number,
  positives: number,
  minLeafSize: number,
): SplitChoice | null {
  let best: SplitChoice | null = null;
  // Σ over children of P·(N−P)/N, i.e. half the size-weighted Gini impurity.
  let bestScore = Infinity;
  for (let j = 0; j < x.cols; j++) {
    let leftN = 0;
    let leftP = 0;
    let previous = NaN;
    for (const r of sorted[j]!) {
      if (nodeOf[r] !== id) continue;
      const value = x.data[r * x.cols + j]!;
      const rightN = samples - leftN;
      if (leftN >= minLeafSize && rightN >= minLeafSize && value > previous + FEATURE_THRESHOLD) {
        const rightP = positives - leftP;
        const score = (leftP * (leftN - leftP)) / leftN + (rightP * (rightN - rightP)) / rightN;
        if (score < bestScore) {
          bestScore = score;
          let threshold = previous / 2 + value / 2;
          if (threshold === value || !Number.isFinite(threshold)) threshold = previous;
          best = { feature: j, threshold, below: previous, above: value };
        }
      }
      leftN++;
      leftP += target[r]!;
      previous = value;
    }
  }
  return best;
}

/**
 * Every leaf of a tree with the path to it, root first: each step names the
 * split and the side taken.
 *
 * @example
 * treeLeaves(tree).map((l) => l.path.map((s) => s.side)); // => [["left"], ["right"]]
 */
export function treeLeaves(
  root: CartNode,
): { leaf: CartNode; path: { split: CartSplit; side: "left" | "right" }[] }[] {
  const out: { leaf: CartNode; path: { split: CartSplit; side: "left" | "right" }[] }[] = [];
  const walk = (node: CartNode, path: { split: CartSplit; side: "left" | "right" }[]): void => {
    if (!node.split) {
      out.push({ leaf: node, path });
      return;
    }
    walk(node.split.left, [...path, { split: node.split, side: "left" }]);
    walk(node.split.right, [...path, { split: node.split, side: "right" }]);
  };
  walk(root, []);
  return out;
}
