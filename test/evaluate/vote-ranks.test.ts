import { describe, expect, it } from "vitest";
import { rankSums } from "../../src/evaluate/vote-ranks.js";
import { sweepRows } from "../helpers/sweep-rows.js";

const sweep = sweepRows;

describe("rankSums", () => {
  it("adds each k's place on the three sweep curves (hand-worked)", () => {
    // silhouette 0.5 0.6 0.4 → places 2 1 3; CH 30 20 10 → 1 2 3;
    // DB 0.7 0.6 0.9 (lower is better) → 2 1 3. Sums: k=2 5, k=3 4, k=4 9.
    const rows = sweep([0.5, 0.6, 0.4], [30, 20, 10], [0.7, 0.6, 0.9]);
    const { sums, curves } = rankSums({ rows });
    expect([...sums]).toEqual([
      [2, 5],
      [3, 4],
      [4, 9],
    ]);
    expect(curves).toEqual(["silhouette", "calinskiHarabasz", "daviesBouldin"]);
  });

  it("reads the jump, gap − SE and stability curves when given", () => {
    const rows = sweep([0.5, 0.6, 0.4], [30, 20, 10], [0.7, 0.6, 0.9]);
    // jump J(k) for k = 1..4: places among k = 2..4 of 0.2, 0.9, 0.1 → 2 1 3
    const jump = { k: [1, 2, 3, 4], jump: [0.5, 0.2, 0.9, 0.1] };
    // gap − SE at k = 2, 3, 4: 0.40 − 0.05, 0.50 − 0.20, 0.45 − 0.01 → 0.35 0.30 0.44 → 2 3 1
    const gap = { gap: [0.1, 0.4, 0.5, 0.45], se: [0.01, 0.05, 0.2, 0.01] };
    // ARI 0.9 0.9 0.5: the tie shares the better place → 1 1 3
    const stability = [
      { k: 2, ari: 0.9 },
      { k: 3, ari: 0.9 },
      { k: 4, ari: 0.5 },
    ];
    const { sums, curves } = rankSums({ rows, jump, gap, stability });
    expect(curves).toEqual([
      "silhouette",
      "calinskiHarabasz",
      "daviesBouldin",
      "jump",
      "gap",
      "stability",
    ]);
    // k=2: 5 + 2 + 2 + 1 = 10; k=3: 4 + 1 + 3 + 1 = 9; k=4: 9 + 3 + 1 + 3 = 16
    expect([...sums]).toEqual([
      [2, 10],
      [3, 9],
      [4, 16],
    ]);
  });

  it("a non-finite value ranks after every finite one", () => {
    const rows = sweep([Number.NaN, 0.1, 0.2], [1, 2, 3], [3, 2, 1]);
    // silhouette places: NaN last (3), 0.1 → 2, 0.2 → 1; CH and DB both favour k=4
    expect([...rankSums({ rows }).sums]).toEqual([
      [2, 9],
      [3, 6],
      [4, 3],
    ]);
  });

  it("without ties every curve hands out the places 1..K once", () => {
    const rows = sweep(
      [0.31, 0.42, 0.25, 0.38, 0.29],
      [210, 190, 260, 150, 120],
      [1.1, 0.8, 0.95, 1.3, 1.2],
    );
    const { sums, curves } = rankSums({ rows });
    const total = [...sums.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe((curves.length * 5 * 6) / 2);
  });

  it("does not depend on the rows' order", () => {
    const rows = sweep([0.5, 0.6, 0.4], [30, 20, 10], [0.7, 0.6, 0.9]);
    const sorted = [...rankSums({ rows }).sums].sort((a, b) => a[0] - b[0]);
    const reversed = [...rankSums({ rows: [...rows].reverse() }).sums].sort((a, b) => a[0] - b[0]);
    expect(reversed).toEqual(sorted);
  });
});
