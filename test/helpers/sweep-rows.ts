import type { SweepRow } from "../../src/evaluate/types.js";

/**
 * Sweep rows for k = 2..(1 + length) from per-k silhouette, Calinski–Harabasz
 * and Davies–Bouldin (the inertia falls as 1000 / (k − 1)), for the vote's tests.
 */
export function sweepRows(silhouette: number[], ch: number[], db: number[]): SweepRow[] {
  return silhouette.map((s, i) => ({
    k: i + 2,
    inertia: 1000 / (i + 1),
    silhouette: s,
    calinskiHarabasz: ch[i]!,
    daviesBouldin: db[i]!,
    iterations: 10,
  }));
}
