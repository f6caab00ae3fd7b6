/**
 * The ABC workflow on the shipped clients with the shipped shares (80/15/5):
 * the classes, shares and Gini coefficient agree with a plain computation in
 * this file (sort by revenue; Gini = 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1)/n).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseAbc, writeAbc } from "../../src/artifacts/abc.js";
import type { Table } from "../../src/load/types.js";
import * as rulesMsg from "../../src/shared/messages/cli-rules.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  abcFiles,
  abcWorkflow,
  ABC_OUTPUTS,
  readAbcConfig,
  type AbcWorkflowResult,
} from "../../src/workflows/index.js";
import { errorOf } from "../helpers/errors.js";
import { shippedClients } from "./fixtures.js";

describe("abcWorkflow: the shipped clients by monetary", () => {
  let table: Table;
  let result: AbcWorkflowResult;

  beforeAll(async () => {
    table = await shippedClients();
    result = abcWorkflow({ table, config: readAbcConfig() });
  });

  it("has the Gini coefficient of a plain computation (0.705)", () => {
    const x = Array.from(table.columns.monetary!, (v) => Math.max(v, 0)).sort((a, b) => a - b);
    const n = x.length;
    const total = x.reduce((s, v) => s + v, 0);
    const weighted = x.reduce((s, v, i) => s + (i + 1) * v, 0);
    const gini = (2 * weighted) / (n * total) - (n + 1) / n;
    // Summation order differs: measured gap ~1e-16; 1e-12 allowed.
    expect(Math.abs(result.result.gini - gini)).toBeLessThan(1e-12);
    expect(result.result.gini.toFixed(3)).toBe("0.705");
    expect(result.summary.at(-1)).toBe(notes.giniLine(result.result.gini));
  });

  it("A is the smallest top set reaching 80% of revenue; the classes cover everyone", () => {
    const { classes, abcClass, totalRevenue } = result.result;
    expect(classes.map((c) => c.count).reduce((a, b) => a + b, 0)).toBe(4338);
    const revenue = table.columns.monetary!;
    const aRevenue = abcClass.reduce(
      (s, c, i) => s + (c === "A" ? Math.max(revenue[i]!, 0) : 0),
      0,
    );
    expect(aRevenue / totalRevenue).toBeGreaterThanOrEqual(0.8);
    // Every A client spent at least as much as every B client.
    const minA = Math.min(...abcClass.flatMap((c, i) => (c === "A" ? [revenue[i]!] : [])));
    const maxB = Math.max(...abcClass.flatMap((c, i) => (c === "B" ? [revenue[i]!] : [])));
    expect(minA).toBeGreaterThanOrEqual(maxB);
    expect(classes.map((c) => [c.name, c.count])).toEqual([
      ["A", 1175],
      ["B", 1456],
      ["C", 1707],
    ]);
  });

  it("abc.json reads back; the files are abc.csv, abc.json and report.html", async () => {
    expect(parseAbc(writeAbc(result.artifact), "abc.json")).toEqual(
      JSON.parse(writeAbc(result.artifact)),
    );
    expect((await abcFiles(result)).map((f) => f.name)).toEqual(ABC_OUTPUTS);
  });

  it("names the table's columns for an unknown revenue column", () => {
    expect(
      errorOf(() => abcWorkflow({ table, config: readAbcConfig(), revenue: "sales" })).message,
    ).toBe(rulesMsg.unknownRevenueColumn(table.source, "sales", table.headers).message);
  });
});
