/**
 * Expected CLV per group of clients (rule segment, tier, K-Means cluster):
 * how the value a fit expects is spread over a segmentation. Clients
 * without a CLV (NaN: not in the CLV table) are counted but add nothing.
 */

/** One group's share of the expected CLV. */
export interface ClvGroupRow {
  group: string;
  clients: number;
  /** Clients of the group with a finite CLV. */
  withClv: number;
  totalClv: number;
  /** totalClv / withClv (NaN when none has one). */
  meanClv: number;
  /** totalClv / the total over every group (NaN when that is 0). */
  clvShare: number;
  /** Mean P(alive) of the clients with one (NaN without P(alive)). */
  meanProbabilityAlive: number;
}

/**
 * Expected CLV per group, groups in `order` (then any others in order of
 * first appearance).
 *
 * @example
 * lifetimeValueByGroup(["a", "b", "a"], [10, 5, Number.NaN]);
 * // => [{ group: "a", clients: 2, withClv: 1, totalClv: 10, meanClv: 10, clvShare: 0.666…, … },
 * //     { group: "b", clients: 1, withClv: 1, totalClv: 5, meanClv: 5, clvShare: 0.333…, … }]
 */
export function lifetimeValueByGroup(
  labels: readonly string[],
  clv: ArrayLike<number>,
  probabilityAlive?: ArrayLike<number>,
  order: readonly string[] = [],
): ClvGroupRow[] {
  const index = new Map<string, number>();
  const rows: ClvGroupRow[] = [];
  const aliveSum: number[] = [];
  const aliveCount: number[] = [];
  const rowOf = (group: string): number => {
    let k = index.get(group);
    if (k === undefined) {
      k = rows.length;
      index.set(group, k);
      rows.push({
        group,
        clients: 0,
        withClv: 0,
        totalClv: 0,
        meanClv: Number.NaN,
        clvShare: Number.NaN,
        meanProbabilityAlive: Number.NaN,
      });
      aliveSum.push(0);
      aliveCount.push(0);
    }
    return k;
  };
  for (const group of order) rowOf(group);
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const k = rowOf(labels[i]!);
    const row = rows[k]!;
    row.clients++;
    const value = clv[i]!;
    if (Number.isFinite(value)) {
      row.withClv++;
      row.totalClv += value;
      total += value;
    }
    const alive = probabilityAlive?.[i];
    if (alive !== undefined && Number.isFinite(alive)) {
      aliveSum[k]! += alive;
      aliveCount[k]!++;
    }
  }
  rows.forEach((row, k) => {
    row.meanClv = row.withClv > 0 ? row.totalClv / row.withClv : Number.NaN;
    row.clvShare = total !== 0 ? row.totalClv / total : Number.NaN;
    row.meanProbabilityAlive = aliveCount[k]! > 0 ? aliveSum[k]! / aliveCount[k]! : Number.NaN;
  });
  return rows;
}
