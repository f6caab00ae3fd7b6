/**
 * The CSV artifacts, as real runs write them: assignments.csv (cluster and
 * grade) and segments.csv (rfm and thresholds) read back to what was
 * written, and a file without a column the reader needs is refused with one
 * line naming the file and the column.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readAssignmentsFile, writeAssignments } from "../../src/artifacts/assignments.js";
import { readSegmentsFile } from "../../src/artifacts/segments.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as msg from "../../src/shared/messages/artifacts.js";
import {
  clusterWorkflow,
  gradeFiles,
  gradeWorkflow,
  readThresholdConfig,
  rfmClientsFromTable,
  rfmSegmentsFile,
  rfmSettings,
  rfmWorkflow,
  thresholdsFiles,
  thresholdsWorkflow,
  type ClusterResult,
  type RfmResult,
} from "../../src/workflows/index.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { tableOf } from "../workflows/fixtures.js";

/** The SegworkError the promise rejects with, checked to be one line. */
async function oneLineError(promise: Promise<unknown>): Promise<SegworkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SegworkError);
  expect((error as SegworkError).message).not.toContain("\n");
  return error as SegworkError;
}

/** CSV text without one column (no quoted commas in these files' other columns). */
function dropColumn(text: string, column: string): string {
  const lines = text.trimEnd().split("\n");
  const index = lines[0]!.split(",").indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  return (
    lines
      .map((l) =>
        l
          .split(",")
          .filter((_, i) => i !== index)
          .join(","),
      )
      .join("\n") + "\n"
  );
}

describe("CSV artifacts written by real runs", () => {
  const dir = tempDir("segwork-csv-artifacts-");
  let cluster: ClusterResult;
  let rfm: RfmResult;
  let assignmentsText: string;
  let segmentsText: string;

  beforeAll(async () => {
    // An extra client with a missing spend, so grade leaves one row unscored.
    const table = await tableOf(SIX_CLIENTS + "C7,3,2,,UK\n", { id: "client_id" });
    const complete = await tableOf(SIX_CLIENTS, { id: "client_id" });
    const prepare = { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] };
    cluster = clusterWorkflow({ table: complete, prepare, k: 2, fit: { seed: 1 } });
    assignmentsText = String(
      gradeFiles(gradeWorkflow({ model: cluster.model, table }))[0]!.content,
    );
    rfm = rfmWorkflow({
      clients: rfmClientsFromTable(complete, {}, { withTenure: false, dropMissing: false }),
      settings: rfmSettings(),
    });
    segmentsText = String(rfmSegmentsFile(rfm).content);
  });

  it("assignments.csv of cluster reads back to the clusters and labels written", async () => {
    const file = writeInput(dir, "assignments.csv", writeAssignments(cluster.assignments));
    const read = await readAssignmentsFile(file);
    expect(read.ids).toEqual(cluster.assignments.ids);
    expect(read.cluster).toEqual(cluster.assignments.cluster);
    expect(read.label).toEqual(cluster.assignments.label);
  });

  it("assignments.csv of grade: an unscored row reads back as cluster −1 with an empty label", async () => {
    expect(assignmentsText.trimEnd().split("\n").at(-1)).toBe("C7,,");
    const read = await readAssignmentsFile(writeInput(dir, "graded.csv", assignmentsText));
    expect(read.ids.at(-1)).toBe("C7");
    expect(read.cluster.at(-1)).toBe(-1);
    expect(read.label.at(-1)).toBe("");
    expect(writeAssignments(read)).toBe(assignmentsText);
  });

  it("assignments.csv without its cluster column is refused, naming the file and the column", async () => {
    const file = writeInput(dir, "no-cluster.csv", dropColumn(assignmentsText, "cluster"));
    expect((await oneLineError(readAssignmentsFile(file))).message).toBe(
      msg.missingColumn(file, "cluster", ["id", "label"], "segwork cluster").message,
    );
  });

  it("a cluster cell that is not a cluster number names the line and the value", async () => {
    const expected = "a cluster number (a whole number ≥ 0, or empty)";
    // C3 is on line 4 (the header is line 1).
    const text = writeInput(dir, "text-cell.csv", assignmentsText.replace(/\nC3,\d+,/, "\nC3,x,"));
    expect((await oneLineError(readAssignmentsFile(text))).message).toBe(
      msg.badCell(text, 4, "cluster", "x", expected, "segwork cluster").message,
    );
    const negative = writeInput(
      dir,
      "negative.csv",
      assignmentsText.replace(/\nC4,\d+,/, "\nC4,-2,"),
    );
    expect((await oneLineError(readAssignmentsFile(negative))).message).toBe(
      msg.badCell(negative, 5, "cluster", "-2", expected, "segwork cluster").message,
    );
  });

  it("segments.csv of rfm reads back to the segments and scores written", async () => {
    const read = await readSegmentsFile(writeInput(dir, "segments.csv", segmentsText));
    expect(read.ids).toEqual(rfm.clients.ids);
    expect(read.segment).toEqual(rfm.assignment.segment);
    expect(Array.from(read.scores!.r)).toEqual(Array.from(rfm.scores.recencyScore));
    expect(Array.from(read.scores!.f)).toEqual(Array.from(rfm.scores.frequencyScore));
    expect(Array.from(read.scores!.m)).toEqual(Array.from(rfm.scores.monetaryScore));
  });

  it("segments.csv of thresholds (no scores) reads back to the labels written", async () => {
    const table = await tableOf(SIX_CLIENTS, { id: "client_id" });
    const result = thresholdsWorkflow({ table, config: readThresholdConfig() });
    const text = String((await thresholdsFiles(result))[0]!.content);
    const read = await readSegmentsFile(writeInput(dir, "threshold-segments.csv", text));
    expect(read.ids).toEqual(result.clients.ids);
    expect(read.segment).toEqual(result.assignment.label);
    expect(read.scores).toBeUndefined();
  });

  it("segments.csv without its segment column is refused, naming the file and the column", async () => {
    const file = writeInput(dir, "no-segment.csv", dropColumn(segmentsText, "segment"));
    const headers = segmentsText
      .split("\n")[0]!
      .split(",")
      .filter((h) => h !== "segment");
    expect((await oneLineError(readSegmentsFile(file))).message).toBe(
      msg.missingColumn(file, "segment", headers, "segwork rfm").message,
    );
  });
});
