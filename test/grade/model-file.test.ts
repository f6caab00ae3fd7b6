import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateModel } from "../../src/grade/index.js";
import { parseModel as parseModelText, readModelFile } from "../../src/artifacts/model.js";
import { SegworkError } from "../../src/shared/errors.js";
import { handModel } from "./hand-model.js";
import * as artifactMsg from "../../src/shared/messages/artifacts.js";

const REFIT = 'the model looks damaged or hand-edited: refit with "segwork cluster"';

/** The message of the SegworkError `f` throws (fails the test if it throws anything else or nothing). */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(SegworkError);
    return (error as SegworkError).message;
  }
  throw new Error("expected a SegworkError");
}

/**
 * A valid two-feature, two-cluster model as plain JSON data with the value at
 * `key` (a dotted path, numbers for list indices) replaced, or deleted when
 * `value` is `undefined`.
 */
function edited(key: string, value: unknown): unknown {
  const model = JSON.parse(
    JSON.stringify(
      handModel([
        [0, 0],
        [1, 1],
      ]),
    ),
  ) as Record<string, unknown>;
  const parts = key.split(".");
  let target = model;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return model;
}

describe("validateModel", () => {
  it("accepts a model written by buildModel's shape and returns it", () => {
    const model = handModel([
      [0, 0],
      [1, 1],
    ]);
    expect(validateModel(model, "m.json")).toBe(model);
  });

  it.each([
    [
      "not an object",
      () => [1, 2],
      'm.json: not a segwork model (key "format" is nothing, expected "segwork-model"); pass the model.json written by "segwork cluster"',
    ],
    [
      "another format",
      () => edited("format", "sklearn"),
      'm.json: not a segwork model (key "format" is "sklearn", expected "segwork-model"); pass the model.json written by "segwork cluster"',
    ],
    [
      "a newer format version",
      () => edited("formatVersion", 2),
      'm.json: model format version 2 is not supported (key "formatVersion"; this segwork reads version 1); refit with "segwork cluster"',
    ],
    [
      "no segworkVersion",
      () => edited("segworkVersion", undefined),
      `m.json: key "segworkVersion" must be a string (got nothing); ${REFIT}`,
    ],
    [
      "no fit",
      () => edited("fit", null),
      `m.json: key "fit" must be an object (got null); ${REFIT}`,
    ],
    [
      "fit.source not text",
      () => edited("fit.source", 3),
      `m.json: key "fit.source" must be a string (got 3); ${REFIT}`,
    ],
    [
      "fit.rows negative",
      () => edited("fit.rows", -1),
      `m.json: key "fit.rows" must be a whole number ≥ 0 (got -1); ${REFIT}`,
    ],
    [
      "empty features",
      () => edited("features", []),
      `m.json: key "features" must be a non-empty list of column names (got []); ${REFIT}`,
    ],
    [
      "duplicate features",
      () => edited("features", ["x", "x"]),
      `m.json: key "features" must be a list of distinct column names (got ["x","x"]); ${REFIT}`,
    ],
    [
      "unknown scaling",
      () => edited("scaler.method", "l2"),
      `m.json: key "scaler.method" must be one of zscore, robust, minmax, none (got "l2"); ${REFIT}`,
    ],
    [
      "scaler features out of step",
      () => edited("scaler.features", ["y", "x"]),
      `m.json: key "scaler.features" must be the same list as "features" (x, y) (got ["y","x"]); ${REFIT}`,
    ],
    [
      "log names a non-feature",
      () => edited("scaler.log", ["z"]),
      `m.json: key "scaler.log" must be a list of feature names (got ["z"]); ${REFIT}`,
    ],
    [
      "center too short",
      () => edited("scaler.center", [0]),
      `m.json: key "scaler.center" must be a list of 2 numbers, one per feature (got [0]); ${REFIT}`,
    ],
    [
      "center not finite",
      () => edited("scaler.center", [0, null]),
      `m.json: key "scaler.center[1]" must be a finite number (got null); ${REFIT}`,
    ],
    [
      "zero scale",
      () => edited("scaler.scale", [1, 0]),
      `m.json: key "scaler.scale[1]" must be a non-zero number (got 0); ${REFIT}`,
    ],
    [
      "clip not an object",
      () => edited("scaler.clip", [0, 1]),
      `m.json: key "scaler.clip" must be null or an object with lower and upper bounds (got [0,1]); ${REFIT}`,
    ],
    [
      "clip bounds crossed",
      () => edited("scaler.clip", { lower: [0, 5], upper: [1, 2] }),
      `m.json: key "scaler.clip.lower[1]" must be at most scaler.clip.upper[1] (2) (got 5); ${REFIT}`,
    ],
    [
      "k not whole",
      () => edited("k", 2.5),
      `m.json: key "k" must be a whole number ≥ 1 (got 2.5); ${REFIT}`,
    ],
    [
      "k and clusters disagree",
      () => edited("k", 3),
      `m.json: key "clusters" must be a list of k = 3 clusters (got 2); ${REFIT}`,
    ],
    [
      "cluster number repeated",
      () => edited("clusters.1.cluster", 0),
      `m.json: key "clusters[1].cluster" must be a cluster number 0..1 not used by another cluster (got 0); ${REFIT}`,
    ],
    [
      "label missing",
      () => edited("clusters.0.label", undefined),
      `m.json: key "clusters[0].label" must be a string (got nothing); ${REFIT}`,
    ],
    [
      "size negative",
      () => edited("clusters.0.size", -3),
      `m.json: key "clusters[0].size" must be a whole number ≥ 0 (got -3); ${REFIT}`,
    ],
    [
      "share above 1",
      () => edited("clusters.0.share", 1.5),
      `m.json: key "clusters[0].share" must be a number from 0 to 1 (got 1.5); ${REFIT}`,
    ],
    [
      "centroid of the wrong width",
      () => edited("clusters.1.centroidScaled", [1, 1, 1]),
      `m.json: key "clusters[1].centroidScaled" must be a list of 2 numbers, one per feature (got [1,1,1]); ${REFIT}`,
    ],
  ])("rejects %s with a message naming the file and key", (_what, make, expected) => {
    expect(messageOf(() => validateModel(make(), "m.json"))).toBe(expected);
  });
});

describe("reading model files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "segwork-grade-model-"));

  it("reads a valid file (a byte-order mark is ignored)", () => {
    const file = path.join(dir, "ok.json");
    writeFileSync(file, "\uFEFF" + JSON.stringify(handModel([[0], [1]])));
    expect(readModelFile(file).k).toBe(2);
  });

  it("names a missing file", () => {
    const file = path.join(dir, "nope.json");
    expect(messageOf(() => readModelFile(file))).toBe(
      artifactMsg.notFound(file, "segwork cluster").message,
    );
  });

  it("reports invalid JSON with the parser's detail", () => {
    expect(messageOf(() => parseModelText("{", "bad.json"))).toBe(
      artifactMsg.syntax(
        "bad.json",
        1,
        2,
        "expected a quoted key but found the end of the file",
        "segwork cluster",
      ).message,
    );
  });
});
