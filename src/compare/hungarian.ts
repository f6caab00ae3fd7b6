/**
 * The assignment problem: match n rows to n columns, one each, at the
 * least total cost (Kuhn 1955, Munkres 1957), in O(n³) with row and column
 * potentials and shortest augmenting paths (the formulation of Jonker &
 * Volgenant 1987 as usually written for dense matrices).
 *
 * Written here rather than taken from npm: the packages that do it
 * (`munkres-js`, `hungarian-on3`) are unmaintained since 2016–2019 and
 * untyped, and the kernel is forty lines; it is tested against brute force
 * over every permutation for n ≤ 8.
 */

/** Result of {@link minimumCostAssignment}. */
export interface CostAssignment {
  /** `columnOf[i]` = the column matched to row i. */
  columnOf: Int32Array;
  /** Sum of the matched costs. */
  cost: number;
}

/**
 * The least-cost perfect matching of a square cost matrix (row-major,
 * n × n, finite costs). Among several optimal matchings the result is
 * deterministic (same input → same matching).
 *
 * @throws RangeError when `costs` is not n × n or holds a non-finite cost.
 * @example
 * minimumCostAssignment(Float64Array.of(4, 1, 3, 2, 0, 5, 3, 2, 2), 3);
 * // => { columnOf: Int32Array [1, 0, 2], cost: 5 }
 */
export function minimumCostAssignment(costs: ArrayLike<number>, n: number): CostAssignment {
  if (!Number.isInteger(n) || n < 0 || costs.length !== n * n) {
    throw new RangeError(`expected an ${n} × ${n} cost matrix, got ${costs.length} costs`);
  }
  for (let i = 0; i < costs.length; i++) {
    if (!Number.isFinite(costs[i]!)) throw new RangeError(`cost ${i} is not finite`);
  }
  // 1-based arrays, index 0 is the virtual start of each augmenting path.
  const u = new Float64Array(n + 1); // row potentials
  const v = new Float64Array(n + 1); // column potentials
  const rowOfColumn = new Int32Array(n + 1); // 0 = free
  const way = new Int32Array(n + 1);
  const minTo = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    minTo.fill(Infinity);
    used.fill(0);
    // Grow a tree of tight edges until it reaches a free column.
    do {
      used[column] = 1;
      const i = rowOfColumn[column]!;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = costs[(i - 1) * n + (j - 1)]! - u[i]! - v[j]!;
        if (reduced < minTo[j]!) {
          minTo[j] = reduced;
          way[j] = column;
        }
        if (minTo[j]! < delta) {
          delta = minTo[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOfColumn[j]!] = u[rowOfColumn[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minTo[j] = minTo[j]! - delta;
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    // Flip the path back to the start.
    do {
      const previous = way[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const columnOf = new Int32Array(n);
  for (let j = 1; j <= n; j++) columnOf[rowOfColumn[j]! - 1] = j - 1;
  let cost = 0;
  for (let i = 0; i < n; i++) cost += costs[i * n + columnOf[i]!]!;
  return { columnOf, cost };
}
