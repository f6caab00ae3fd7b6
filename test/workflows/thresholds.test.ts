/**
 * The thresholds workflow with the shipped rules (data/rules/thresholds.json)
 * on the shipped clients: every client gets the first rule it satisfies, and
 * the counts agree with the rules evaluated plainly in this file.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseThresholds, writeThresholds } from "../../src/artifacts/thresholds.js";
import type { Table } from "../../src/load/types.js";
import * as rulesMsg from "../../src/shared/messages/cli-rules.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  readThresholdConfig,
  thresholdsFiles,
  thresholdsWorkflow,
  THRESHOLDS_OUTPUTS,
  type ThresholdsResult,
} from "../../src/workflows/index.js";
import { errorOf } from "../helpers/errors.js";
import { recorder, shippedClients } from "./fixtures.js";

describe("thresholdsWorkflow: shipped rules on the shipped clients", () => {
  let table: Table;
  let result: ThresholdsResult;
  const progress = recorder();

  beforeAll(async () => {
    table = await shippedClients();
    result = thresholdsWorkflow({
      table,
      config: readThresholdConfig(),
      onProgress: progress.onProgress,
    });
  });

  it("labels each client with the first rule it satisfies (checked against the rules written out plainly)", () => {
    const { recency_days: r, frequency: f, monetary: m } = table.columns;
    const expected = table.ids.map((_, i) => {
      if (r![i]! <= 30 && f![i]! >= 5 && m![i]! >= 2000) return "high value";
      if (r![i]! <= 30 && f![i]! >= 2 && f![i]! <= 4 && m![i]! >= 500 && m![i]! <= 1999)
        return "potential";
      if (r![i]! >= 90 && f![i]! <= 1) return "churn risk";
      return "Others";
    });
    expect(result.assignment.label).toEqual(expected);
    const count = (name: string) => expected.filter((l) => l === name).length;
    expect(result.assignment.counts.map((c) => [c.name, c.count])).toEqual([
      ["high value", count("high value")],
      ["potential", count("potential")],
      ["churn risk", count("churn risk")],
      ["Others", count("Others")],
    ]);
    expect(count("high value")).toBe(537);
    expect(result.summary).toEqual(
      result.assignment.counts.map((c) => notes.segmentLine(c.name, c.count, c.share)),
    );
  });

  it("thresholds.json: matches, overlaps and the unmatched share; the notes go to progress", () => {
    const { artifact } = result;
    expect(artifact.rules.map((r) => r.name)).toEqual(["high value", "potential", "churn risk"]);
    expect(artifact.overlaps).toEqual([]); // recent vs lapsed, big vs mid-sized: disjoint
    expect(artifact.matchingNobody).toEqual([]);
    expect(parseThresholds(writeThresholds(artifact), "thresholds.json")).toEqual(
      JSON.parse(writeThresholds(artifact)),
    );
    for (const line of result.notes) expect(progress.notes()).toContain(notes.note(line));
  });

  it("gives segments.csv with the columns the rules read, the segment table and the report", async () => {
    const files = await thresholdsFiles(result);
    expect(files.map((f) => f.name)).toEqual(THRESHOLDS_OUTPUTS);
    expect(String(files[0]!.content).split("\n")[0]).toBe(
      "id,recency_days,frequency,monetary,segment",
    );
  });

  it("names the table's columns when --revenue names one it lacks", () => {
    expect(
      errorOf(() => thresholdsWorkflow({ table, config: readThresholdConfig(), revenue: "sales" }))
        .message,
    ).toBe(rulesMsg.unknownRevenueColumn(table.source, "sales", table.headers).message);
  });
});
