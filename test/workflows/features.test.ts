/**
 * The features workflow on the hand-made log of test/cli-rules/transactions.csv
 * (each client worked out in its comment in test/cli-rules/rfm.test.ts): the
 * derived measures, every cleaning rule counted, the cleaning summary file,
 * and the progress notes a face prints.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCleaning } from "../../src/artifacts/cleaning.js";
import * as notes from "../../src/shared/messages/workflows.js";
import { featuresFiles, featuresWorkflow, type FeaturesResult } from "../../src/workflows/index.js";
import { repoRoot } from "../helpers/cli.js";
import { recorder } from "./fixtures.js";

const LOG = path.join(repoRoot, "test/cli-rules/transactions.csv");

describe("featuresWorkflow on a hand-made log of six clients", () => {
  let result: FeaturesResult;
  const progress = recorder();

  beforeAll(async () => {
    result = await featuresWorkflow({
      transactions: LOG,
      id: "CustomerID",
      date: "InvoiceDate",
      amount: "Quantity*UnitPrice",
      invoice: "InvoiceNo",
      asOf: "2011-12-10",
      keep: ["Country"],
      // A 30-line log: each line a rule drops is more than 1% of it.
      allowDropped: true,
      onProgress: progress.onProgress,
    });
  });

  it("derives recency, frequency (distinct invoices) and monetary (cancellations netted)", () => {
    const { clients } = result;
    expect(clients.ids).toEqual(["0042", "C1", "C3", "C4", "C5", "C6"]); // sorted as text
    expect(Array.from(clients.numeric.recency_days)).toEqual([5, 1, 10, 20, 40, 80]);
    expect(Array.from(clients.numeric.frequency)).toEqual([1, 9, 4, 2, 6, 3]);
    expect(Array.from(clients.numeric.monetary)).toEqual([50, 1600.5, 800, 400, 100, 200]);
    expect(clients.lastPurchase).toEqual([
      "2011-12-05",
      "2011-12-09",
      "2011-11-30",
      "2011-11-20",
      "2011-10-31",
      "2011-09-21",
    ]);
    expect(clients.kept[0]!.values).toEqual(["China", "France", "France", "UK", "UK", "UK"]);
  });

  it("counts every line under one rule: 30 read, 1 without id, 1 duplicate, 1 after the as-of date", () => {
    const { summary } = result;
    expect(summary).toMatchObject({
      source: LOG,
      linesRead: 30,
      missingClientId: 1,
      duplicateLines: 1,
      unparseableAmount: 0,
      nonPositivePrice: 0,
      afterAsOf: 1,
      cancellations: 1,
      linesUsed: 27,
      clients: 6,
      asOf: "2011-12-10",
      asOfSource: "option",
    });
    const dropped =
      summary.missingClientId +
      summary.duplicateLines +
      summary.unparseableAmount +
      summary.nonPositivePrice +
      summary.afterAsOf;
    expect(summary.linesUsed + dropped).toBe(summary.linesRead);
  });

  it("notes the source and every cleaning rule, as the CLI prints them", () => {
    expect(progress.notes()).toEqual([
      notes.derivingFeatures(LOG),
      ...notes.cleaningLines(result.summary).map((line) => `  ${line}`),
    ]);
    expect(result.cleaningLines).toEqual(notes.cleaningLines(result.summary));
  });

  it("gives the client table and its cleaning summary beside it", () => {
    const files = featuresFiles(result, "q3.csv");
    expect(files.map((f) => f.name)).toEqual(["q3.csv", "q3.cleaning.json"]);
    // 0042: one invoice of 5 × 10 on 2011-12-05; tenure = as-of 2011-12-10 − first purchase = 5 days.
    expect(String(files[0]!.content).split("\n").slice(0, 2)).toEqual([
      "client_id,country,recency_days,frequency,monetary,tenure_days,avg_order_value,return_rate,first_purchase,last_purchase",
      "0042,China,5,1,50,5,50,0,2011-12-05,2011-12-05",
    ]);
    const cleaning = parseCleaning(String(files[1]!.content), "q3.cleaning.json");
    expect(cleaning).toEqual({ format: "segwork-cleaning", formatVersion: 1, ...result.summary });
  });
});
