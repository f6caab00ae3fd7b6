/**
 * Every JSON artifact, as a real workflow run writes it, through its file
 * reader: the reader accepts it (and writing back what it read gives the
 * same content), and refuses a truncated file, another `format`, a newer
 * `formatVersion` and a missing key — each with one line naming the file
 * and the key, exactly as the artifact message catalogue words it.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ABC_FORMAT,
  CLEANING_FORMAT,
  COMPARE_FORMAT,
  GRADE_FORMAT,
  MODEL_FORMAT,
  PROFILES_FORMAT,
  RFM_FORMAT,
  SWEEP_FORMAT,
  THRESHOLDS_FORMAT,
  TIERS_FORMAT,
  readAbcFile,
  readCleaningFile,
  readCompareFile,
  readGradeFile,
  readModelFile,
  readProfilesFile,
  readRfmFile,
  readSweepFile,
  readThresholdsFile,
  readTiersFile,
  toJson,
  writeAbc,
  writeCleaning,
  writeCompare,
  writeGrade,
  writeModel,
  writeProfiles,
  writeRfm,
  writeSweep,
  writeThresholds,
  writeTiers,
  type JsonArtifactFormat,
} from "../../src/artifacts/index.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as msg from "../../src/shared/messages/artifacts.js";
import * as gradeMsg from "../../src/shared/messages/grade.js";
import { jsonEndOfFile, jsonExpected } from "../../src/shared/messages/rules.js";
import {
  abcWorkflow,
  clusterWorkflow,
  compareWorkflow,
  featuresWorkflow,
  gradeWorkflow,
  readAbcConfig,
  readScorecard,
  readThresholdConfig,
  rfmClientsFromTable,
  rfmSettings,
  rfmWorkflow,
  sweepWorkflow,
  thresholdsWorkflow,
  tiersWorkflow,
} from "../../src/workflows/index.js";
import { repoRoot, tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { tableOf } from "../workflows/fixtures.js";

/** One JSON artifact: its text from a real run, its format and reader, and a key it cannot lack. */
interface JsonCase {
  name: string;
  text: string;
  format: JsonArtifactFormat<unknown>;
  read: (file: string) => unknown;
  /** A required key and the error its absence gives. */
  missing: { key: string; error: (file: string) => SegworkError };
}

/** Runs every workflow on small inputs and collects the JSON each writes. */
async function artifactsOfRealRuns(): Promise<JsonCase[]> {
  const clients = await tableOf(SIX_CLIENTS, { id: "client_id" });
  const prepare = { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] };
  const sweep = sweepWorkflow({ table: clients, prepare, k: { min: 2, max: 3 }, fit: { seed: 1 } });
  const cluster = clusterWorkflow({ table: clients, prepare, k: 2, fit: { seed: 1 } });
  const rfm = rfmWorkflow({
    clients: rfmClientsFromTable(clients, {}, { withTenure: false, dropMissing: false }),
    settings: rfmSettings(),
  });
  const thresholds = thresholdsWorkflow({ table: clients, config: readThresholdConfig() });
  const tiers = tiersWorkflow({ table: clients, scorecard: readScorecard() });
  const abc = abcWorkflow({ table: clients, config: readAbcConfig() });
  const compare = compareWorkflow({
    a: {
      labeling: {
        ids: cluster.assignments.ids,
        labels: cluster.assignments.label,
        source: "assignments.csv",
      },
      file: "assignments.csv",
      idColumn: "id",
      labelColumn: "label",
    },
    b: {
      labeling: { ids: clients.ids, labels: rfm.assignment.segment, source: "segments.csv" },
      file: "segments.csv",
      idColumn: "id",
      labelColumn: "segment",
    },
    clients,
    features: ["recency_days", "frequency", "monetary"],
  });
  const grade = gradeWorkflow({ model: cluster.model, table: clients });
  const features = await featuresWorkflow({
    transactions: path.join(repoRoot, "test/cli-rules/transactions.csv"),
    id: "CustomerID",
    date: "InvoiceDate",
    amount: "Quantity*UnitPrice",
    invoice: "InvoiceNo",
    // A 30-line log: each line a rule drops is more than 1% of it.
    allowDropped: true,
  });
  /** A case whose missing key gives the catalogue's `missingKey` with `expected`. */
  const entry = <T>(
    name: string,
    text: string,
    format: JsonArtifactFormat<T>,
    read: (file: string) => T,
    key: string,
    expected: string | ((file: string) => SegworkError),
  ): JsonCase => ({
    name,
    text,
    format: format as JsonArtifactFormat<unknown>,
    read,
    missing: {
      key,
      error:
        typeof expected === "string"
          ? (file) => msg.missingKey(file, key, expected, format.writtenBy)
          : expected,
    },
  });
  return [
    entry(
      "sweep.json",
      writeSweep(sweep.artifact),
      SWEEP_FORMAT,
      readSweepFile,
      "recommendedK",
      msg.expectedNumber,
    ),
    // model.json's keys are checked by the grade stage (so a model built in memory is checked the same way).
    entry(
      "model.json",
      writeModel(cluster.model),
      MODEL_FORMAT,
      readModelFile,
      "segworkVersion",
      (file) => gradeMsg.modelKey(file, "segworkVersion", msg.expectedText, undefined),
    ),
    entry(
      "profiles.json",
      writeProfiles(cluster.profiles),
      PROFILES_FORMAT,
      readProfilesFile,
      "clusters",
      msg.expectedList,
    ),
    entry(
      "rfm.json",
      writeRfm(rfm.artifact),
      RFM_FORMAT,
      readRfmFile,
      "thresholds",
      msg.expectedObject,
    ),
    entry(
      "thresholds.json",
      writeThresholds(thresholds.artifact),
      THRESHOLDS_FORMAT,
      readThresholdsFile,
      "rules",
      msg.expectedList,
    ),
    entry(
      "tiers.json",
      writeTiers(tiers.artifact),
      TIERS_FORMAT,
      readTiersFile,
      "scorecard",
      msg.expectedObject,
    ),
    entry("abc.json", writeAbc(abc.artifact), ABC_FORMAT, readAbcFile, "classes", msg.expectedList),
    entry(
      "compare.json",
      writeCompare(compare.artifact),
      COMPARE_FORMAT,
      readCompareFile,
      "ari",
      msg.expectedNumber,
    ),
    entry(
      "grade.json",
      writeGrade(grade.artifact),
      GRADE_FORMAT,
      readGradeFile,
      "counts",
      msg.expectedObject,
    ),
    entry(
      "clients.cleaning.json",
      writeCleaning(features.cleaning),
      CLEANING_FORMAT,
      readCleaningFile,
      "linesRead",
      msg.expectedNumber,
    ),
  ];
}

/** The SegworkError `f` throws, checked to be one line naming `file`. */
function oneLineError(f: () => unknown, file: string): SegworkError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SegworkError);
    const e = error as SegworkError;
    expect(e.message).not.toContain("\n");
    expect(e.message.startsWith(`${file}`)).toBe(true);
    return e;
  }
  throw new Error(`expected reading ${file} to fail`);
}

/** The text with `key` (a top-level key) removed. */
function withoutKey(text: string, key: string): string {
  const value = JSON.parse(text) as Record<string, unknown>;
  delete value[key];
  return toJson(value);
}

describe("JSON artifact readers on the files real runs write", () => {
  let cases: JsonCase[];
  const dir = tempDir("segwork-artifacts-");
  const NAMES = [
    "sweep.json",
    "model.json",
    "profiles.json",
    "rfm.json",
    "thresholds.json",
    "tiers.json",
    "abc.json",
    "compare.json",
    "grade.json",
    "clients.cleaning.json",
  ];

  beforeAll(async () => {
    cases = await artifactsOfRealRuns();
  });
  const caseOf = (name: string): JsonCase => cases.find((c) => c.name === name)!;

  it.each(NAMES)("%s: accepted, and what is read writes back to the same content", (name) => {
    const c = caseOf(name);
    const file = writeInput(dir, name, c.text);
    const value = c.read(file) as Record<string, unknown>;
    expect(value.format).toBe(c.format.format);
    expect(value.formatVersion).toBe(c.format.version);
    // The same content (zod puts the keys it knows first, so the order may differ).
    expect(JSON.parse(toJson(value))).toEqual(JSON.parse(c.text));
  });

  it.each(NAMES)("%s: a truncated file names the line and column where it ends", (name) => {
    const c = caseOf(name);
    // Cut after the third line, a top-level `"key": value,`: the scanner wants the next quoted key.
    const cut = c.text.split("\n").slice(0, 3).join("\n") + "\n";
    expect(cut).toMatch(/^\{\n {2}"\w+": [^\n]*\n {2}"\w+": [^\n]*,\n$/);
    const file = writeInput(dir, `truncated-${name}`, cut);
    const detail = jsonExpected("a quoted key", jsonEndOfFile());
    expect(oneLineError(() => c.read(file), file).message).toBe(
      msg.syntax(file, 4, 1, detail, c.format.writtenBy).message,
    );
  });

  it.each(NAMES)("%s: another format is refused, naming the key", (name) => {
    const c = caseOf(name);
    const other = c.format.format === "segwork-sweep" ? "segwork-model" : "segwork-sweep";
    const file = writeInput(
      dir,
      `other-${name}`,
      c.text.replace(`"format": "${c.format.format}"`, `"format": "${other}"`),
    );
    expect(oneLineError(() => c.read(file), file).message).toBe(
      msg.wrongFormat(file, other, c.format.format, c.format.writtenBy).message,
    );
  });

  it.each(NAMES)("%s: a newer formatVersion asks for a newer segwork", (name) => {
    const c = caseOf(name);
    const newer = c.format.version + 1;
    const file = writeInput(
      dir,
      `newer-${name}`,
      c.text.replace(`"formatVersion": ${c.format.version}`, `"formatVersion": ${newer}`),
    );
    expect(oneLineError(() => c.read(file), file).message).toBe(
      msg.newerVersion(file, c.format.format, newer, c.format.version).message,
    );
  });

  it.each(NAMES)("%s: a missing key is named", (name) => {
    const c = caseOf(name);
    const file = writeInput(dir, `missing-${name}`, withoutKey(c.text, c.missing.key));
    const error = oneLineError(() => c.read(file), file);
    expect(error.message).toBe(c.missing.error(file).message);
    expect(error.location.key).toBe(c.missing.key);
  });

  it("a missing key inside a list is named by its path (sweep.json k[1].inertia)", () => {
    const c = caseOf("sweep.json");
    const value = JSON.parse(c.text) as { k: Record<string, unknown>[] };
    delete value.k[1]!.inertia;
    const file = writeInput(dir, "nested-sweep.json", toJson(value));
    expect(oneLineError(() => c.read(file), file).message).toBe(
      msg.missingKey(file, "k[1].inertia", msg.expectedNumber, c.format.writtenBy).message,
    );
  });

  it("a file that is not there says which command writes it", () => {
    const file = path.join(dir, "nowhere", "model.json");
    expect(oneLineError(() => readModelFile(file), file).message).toBe(
      msg.notFound(file, MODEL_FORMAT.writtenBy).message,
    );
  });
});
