/**
 * Hand-made models run both ways: ties, rows one ulp from a decision
 * boundary, NULLs, quotes in labels and names, and literals that must read
 * back as the same float64 in DuckDB.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  doubleLiteral,
  gradeTable,
  scoringSql,
  stringLiteral,
  type SegworkModel,
} from "../../src/grade/index.js";
import { tableFrom } from "../helpers/table.js";
import { handModel } from "./hand-model.js";
import { openDuckDb, queryRows } from "./helpers.js";

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await openDuckDb();
});
afterAll(() => connection?.closeSync());

/** Loads rows of `x` (and `y`) into DuckDB table `t` as DOUBLEs; null → NULL. */
async function loadRows(columns: Record<string, (number | null)[]>): Promise<void> {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const values = Array.from({ length: n }, (_, i) => {
    const cells = names.map((f) => {
      const v = columns[f]![i]!;
      return v === null ? "NULL" : doubleLiteral(v);
    });
    return `(${i + 1}, ${cells.join(", ")})`;
  });
  await connection.run(
    `CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ${values.join(", ")}) v(client_id, ${names.join(", ")})`,
  );
}

/** Cluster per row from SQL (null for NULL), in client_id order. */
async function sqlClusters(model: SegworkModel): Promise<(number | null)[]> {
  const rows = await queryRows(connection, `${scoringSql(model, { table: "t" })}ORDER BY "id"`);
  return rows.map((r) => r[1] as number | null);
}

function tsClusters(
  model: SegworkModel,
  columns: Record<string, (number | null)[]>,
): (number | null)[] {
  return Array.from(gradeTable(model, tableFrom(columns)).cluster, (c) => (c < 0 ? null : c));
}

describe("ties and decision boundaries", () => {
  it("an exact tie goes to the lowest cluster number, in SQL as in TypeScript", async () => {
    // Centroids 5, −1, 1 and x = 0: squared distances 25, 1, 1 → clusters 1 and 2 tie → 1.
    // x = 2: distances 9, 9, 1 → 2. x = 3: 4, 16, 4 → 0 and 2 tie → 0.
    const model = handModel([[5], [-1], [1]]);
    const columns = { x: [0, 2, 3] };
    await loadRows(columns);
    expect(tsClusters(model, columns)).toEqual([1, 2, 0]);
    expect(await sqlClusters(model)).toEqual([1, 2, 0]);
  });

  it("rows one ulp apart across the boundary between two 17-digit centroids agree", async () => {
    // Centroids 1/3 and 2/3 need all 17 digits; x steps in ulps across 0.5.
    const model = handModel([[1 / 3], [2 / 3]]);
    const ulp = 2 ** -53; // spacing of doubles in [0.5, 1); 2^-54 below 0.5
    const xs = Array.from({ length: 81 }, (_, i) => 0.5 + (i - 40) * ulp);
    await loadRows({ x: xs });
    const ts = tsClusters(model, { x: xs });
    expect(new Set(ts)).toEqual(new Set([0, 1])); // the boundary really is inside the grid
    expect(await sqlClusters(model)).toEqual(ts);
  });

  it("a two-feature boundary under z-scaling agrees ulp for ulp", async () => {
    const model = handModel(
      [
        [0.1, -0.7],
        [0.30000000000000004, 0.2],
      ],
      {
        method: "zscore",
        center: [1 / 7, 2 / 3],
        scale: [0.123456789, 3.3],
      },
    );
    // Points on the segment between the centroids mapped back to original
    // units, nudged by ulps: many fall within rounding of the boundary.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = -30; i <= 30; i++) {
      const t = 0.5 + i * 2 ** -50;
      xs.push((0.1 + t * 0.20000000000000004) * 0.123456789 + 1 / 7);
      ys.push((-0.7 + t * 0.9) * 3.3 + 2 / 3);
    }
    await loadRows({ x: xs, y: ys });
    const ts = tsClusters(model, { x: xs, y: ys });
    expect(new Set(ts)).toEqual(new Set([0, 1]));
    expect(await sqlClusters(model)).toEqual(ts);
  });
});

describe("NULLs, log1p and clipping", () => {
  it("NULL features give NULL clusters; log1p of x ≤ −1 gives NULL unless clipping lifts it", async () => {
    // log1p on x; x = −1 and −3 have no log1p; y NULL in row 4.
    const columns = { x: [0, -1, -3, 2, 5], y: [1, 1, 1, null, 1] };
    await loadRows(columns);
    const plain = handModel(
      [
        [0, 0],
        [2, 2],
      ],
      { log: ["x"] },
    );
    // Row 1: log1p(0) = 0, y = 1 → d0 = 0 + 1 = 1, d1 = 4 + 1 = 5 → 0.
    // Row 5: log1p(5) = 1.792 → d0 = 3.21 + 1, d1 = 0.043 + 1 → 1.
    expect(tsClusters(plain, columns)).toEqual([0, null, null, null, 1]);
    expect(await sqlClusters(plain)).toEqual([0, null, null, null, 1]);
    // Clip x to [−0.5, 3]: −1 and −3 become −0.5 (log1p = −0.693 → 0); 5 becomes 3 (log1p = 1.386 → 1).
    const clipped = handModel(
      [
        [0, 0],
        [2, 2],
      ],
      { log: ["x"], clip: { lower: [-0.5, 0], upper: [3, 10] } },
    );
    expect(tsClusters(clipped, columns)).toEqual([0, 0, 0, null, 1]);
    expect(await sqlClusters(clipped)).toEqual([0, 0, 0, null, 1]);
  });
});

describe("quoting", () => {
  it("labels with quotes, backslashes and CJK text come back verbatim", async () => {
    const labels = ["Big 'spenders' \\ VIP", 'say "hi"', "高价值 · 活跃", "''", ""];
    const model = handModel([[0], [10], [20], [30], [40]], {}, labels);
    await loadRows({ x: [0, 10, 20, 30, 40] });
    const rows = await queryRows(connection, `${scoringSql(model, { table: "t" })}ORDER BY "id"`);
    expect(rows.map((r) => r[2])).toEqual(labels);
  });

  it("table and column names with double quotes and spaces are quoted", async () => {
    await connection.run(`CREATE OR REPLACE TABLE "my ""odd"" table" AS
      SELECT * FROM (VALUES ('a', 1.0), ('b', 9.0)) v("client ""id""", "spend ""€""")`);
    const model = handModel([[0], [10]], {}, undefined, ['spend "€"']);
    const sql = scoringSql(model, { table: 'my "odd" table', id: 'client "id"' });
    const rows = await queryRows(connection, `${sql}ORDER BY "id"`);
    expect(rows).toEqual([
      ["a", 0, "c0"],
      ["b", 1, "c1"],
    ]);
  });

  it("stringLiteral never emits a quote inside a literal (Spark would split it)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const sql = stringLiteral(s);
        // Every literal is '…' with no ' or \ inside; the rest is CHR(…) and ||.
        return /^(?:'[^'\\]*'|CHR\((?:39|92)\))(?: \|\| (?:'[^'\\]*'|CHR\((?:39|92)\)))*$/.test(
          sql,
        );
      }),
      { seed: 301 },
    );
  });
});

describe("doubleLiteral", () => {
  it("every literal reads back in DuckDB as the same float64 (1,000 random doubles, exact)", async () => {
    const values = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), {
      numRuns: 1000,
      seed: 7,
    });
    values.push(0.1, 1 / 3, -2, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 123456789.98765433);
    const select = values.map((v, i) => `${doubleLiteral(v)} AS v${i}`).join(", ");
    const [row] = await queryRows(connection, `SELECT ${select}`);
    const back = row as number[];
    const differing = values.filter((v, i) => !Object.is(back[i], v === 0 ? 0 : v));
    expect(differing).toEqual([]);
  });

  it("is 17 significant digits in exponent form, negatives in parentheses", () => {
    expect(doubleLiteral(0.1)).toBe("1.0000000000000001E-1");
    expect(doubleLiteral(-2)).toBe("(-2.0000000000000000E+0)");
    expect(doubleLiteral(0)).toBe("0.0000000000000000E+0");
    expect(() => doubleLiteral(Number.NaN)).toThrow(RangeError);
  });
});
