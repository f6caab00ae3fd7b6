/** Loads the committed scikit-learn fixtures (made by test/fixtures/make_sklearn_fixtures.py). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { denseMatrix, fromRows, type DenseMatrix } from "../../src/shared/matrix.js";

const DIR = fileURLToPath(new URL("../fixtures/sklearn/", import.meta.url));

export interface SweepFixtureRow {
  k: number;
  inertia: number;
  iterations: number;
  centers: number[];
  labels: number[];
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
}

export interface RealFixture {
  name: string;
  features: string[];
  rows: number;
  cols: number;
  versions: Record<string, string>;
  scaler: { mean: number[]; scale: number[] };
  scaled: number[];
  sweep: SweepFixtureRow[];
  silhouetteSamples: { k: number; values: number[] };
}

export interface EdgeCase {
  name: string;
  note: string;
  points: number[][];
  labels: number[];
  silhouetteSamples: number[];
  silhouette: number;
  calinskiHarabasz: number;
  daviesBouldin: number;
}

export function loadReal(name: "wholesale" | "online-retail"): RealFixture {
  return JSON.parse(readFileSync(DIR + `${name}.json`, "utf8")) as RealFixture;
}

export function scaledMatrix(fixture: RealFixture): DenseMatrix {
  return denseMatrix(Float64Array.from(fixture.scaled), fixture.rows, fixture.cols);
}

export function loadEdgeCases(): EdgeCase[] {
  return (JSON.parse(readFileSync(DIR + "edge-cases.json", "utf8")) as { cases: EdgeCase[] }).cases;
}

export function edgeCase(name: string): {
  c: EdgeCase;
  m: DenseMatrix;
  labels: Int32Array;
  k: number;
} {
  const c = loadEdgeCases().find((e) => e.name === name);
  if (!c) throw new Error(`no edge case ${name}`);
  return {
    c,
    m: fromRows(c.points),
    labels: Int32Array.from(c.labels),
    k: Math.max(...c.labels) + 1,
  };
}

/** |actual − expected| ≤ tol · |expected| (absolute tol when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
