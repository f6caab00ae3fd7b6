/**
 * Scoring a later table with a saved model: the same clip → log1p → scale
 * transform as at fit time (never refitted), then the nearest centroid.
 */
import { assignToNearest } from "../cluster/index.js";
import type { Table } from "../load/types.js";
import { applyScaler } from "../prepare/scaler.js";
import * as msg from "../shared/messages/grade.js";
import { centroidMatrix, clusterLabels, validateModel, type SegworkModel } from "./model.js";

/** Why a row got no cluster. */
export const RowStatus = {
  scored: 0,
  /** A feature is empty, a missing marker, text, or not finite. */
  missingOrNonNumeric: 1,
  /** A log1p feature is ≤ −1 after clipping, so log1p is undefined. */
  logInvalid: 2,
} as const;
export type RowStatusCode = (typeof RowStatus)[keyof typeof RowStatus];

/** Per feature: what kept rows from being scored. */
export interface FeatureProblems {
  feature: string;
  /** Cells that are empty or a missing marker (from the loader). */
  missing: number;
  /** Cells that are present but not a number (from the loader). */
  nonNumeric: number;
  /** Cells where log1p is undefined after clipping (value ≤ −1). */
  logInvalid: number;
}

/** A row that was not scored, for messages and grade.json. */
export interface UnscoredExample {
  id: string;
  /** 1-based line (CSV) or sheet row (XLSX) in the input. */
  line: number;
  /** The first feature that kept the row from being scored. */
  feature: string;
  reason: "missing or non-numeric" | "log1p undefined";
}

/** How many rows were scored and why the others were not. */
export interface GradeCounts {
  rows: number;
  scored: number;
  unscored: number;
  /** Rows with at least one missing or non-numeric feature. */
  unscoredMissingOrNonNumeric: number;
  /** Rows whose features are all numbers but a log1p feature is ≤ −1 after clipping. */
  unscoredLogInvalid: number;
  features: FeatureProblems[];
  /** The first few unscored rows (at most 5). */
  examples: UnscoredExample[];
}

/** Result of {@link gradeTable}: one entry per input row, in input order. */
export interface GradeResult {
  ids: string[];
  /** Cluster number per row; −1 when the row was not scored. */
  cluster: Int32Array;
  /** Cluster label per row; null when the row was not scored. */
  label: (string | null)[];
  /** Euclidean distance to the assigned centroid in scaled space; NaN when not scored. */
  distance: Float64Array;
  /** {@link RowStatus} per row. */
  status: Uint8Array;
  counts: GradeCounts;
}

const MAX_EXAMPLES = 5;

/**
 * Assigns every row of `table` to the model's nearest centroid.
 *
 * Each row is transformed exactly as at fit time with the saved scaler
 * (`applyScaler`: clip to the saved bounds → log1p on the log features →
 * (x − center) / scale) and assigned to the centroid at the smallest squared
 * Euclidean distance; ties go to the lowest cluster number. Rows with a
 * missing, non-numeric or non-finite feature, or where log1p is undefined
 * (value ≤ −1 after clipping), are not scored: they keep cluster −1 and are
 * counted, never dropped.
 *
 * @param modelFile names the model in messages.
 * @throws SegworkError when the model is invalid (see `validateModel`) or the
 *   table lacks a model feature (`grade.missing-feature`).
 * @example
 * const result = gradeTable(readModelFile("out/model.json"), await loadTable("later.csv", { id: "client_id" }));
 * result.cluster[0] // => e.g. 2
 */
export function gradeTable(
  model: SegworkModel,
  table: Table,
  modelFile = "model.json",
): GradeResult {
  validateModel(model, modelFile);
  const { features, scaler } = model;
  for (const f of features) {
    if (!(f in table.columns)) throw msg.missingFeature(table.source, f, modelFile, features);
  }
  const n = table.rowCount;
  const d = features.length;
  const columns = features.map((f) => table.columns[f]!);
  const logged = features.map((f) => scaler.log.includes(f));
  const lower = features.map((_, j) => (scaler.clip ? scaler.clip.lower[j]! : -Infinity));
  const upper = features.map((_, j) => (scaler.clip ? scaler.clip.upper[j]! : Infinity));

  const status = new Uint8Array(n);
  const logInvalidCells = new Array<number>(d).fill(0);
  const examples: UnscoredExample[] = [];
  const scoredRows: number[] = [];
  for (let i = 0; i < n; i++) {
    let reason: RowStatusCode = RowStatus.scored;
    let culprit = -1;
    for (let j = 0; j < d; j++) {
      const v = columns[j]![i]!;
      if (!Number.isFinite(v)) {
        // A missing cell outranks a log problem elsewhere in the row.
        if (reason !== RowStatus.missingOrNonNumeric) {
          reason = RowStatus.missingOrNonNumeric;
          culprit = j;
        }
        continue;
      }
      // log1p is taken after clipping (as applyScaler does), so a bound above −1 rescues the row.
      if (logged[j] && Math.min(Math.max(v, lower[j]!), upper[j]!) <= -1) {
        logInvalidCells[j]!++;
        if (reason === RowStatus.scored) {
          reason = RowStatus.logInvalid;
          culprit = j;
        }
      }
    }
    status[i] = reason;
    if (reason === RowStatus.scored) scoredRows.push(i);
    else if (examples.length < MAX_EXAMPLES) {
      examples.push({
        id: table.ids[i]!,
        line: table.sourceLines[i]!,
        feature: features[culprit]!,
        reason: reason === RowStatus.logInvalid ? "log1p undefined" : "missing or non-numeric",
      });
    }
  }

  const original = new Float64Array(scoredRows.length * d);
  scoredRows.forEach((i, r) => {
    for (let j = 0; j < d; j++) original[r * d + j] = columns[j]![i]!;
  });
  const scaled = applyScaler(scaler, { data: original, rows: scoredRows.length, cols: d });
  const nearest =
    scoredRows.length > 0
      ? assignToNearest(scaled, centroidMatrix(model), model.k)
      : { labels: new Int32Array(0), distances: new Float64Array(0) };

  const labels = clusterLabels(model);
  const cluster = new Int32Array(n).fill(-1);
  const label = new Array<string | null>(n).fill(null);
  const distance = new Float64Array(n).fill(Number.NaN);
  scoredRows.forEach((i, r) => {
    const c = nearest.labels[r]!;
    cluster[i] = c;
    label[i] = labels[c]!;
    distance[i] = nearest.distances[r]!;
  });

  let missingRows = 0;
  let logInvalidRows = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] === RowStatus.missingOrNonNumeric) missingRows++;
    else if (status[i] === RowStatus.logInvalid) logInvalidRows++;
  }
  return {
    ids: table.ids,
    cluster,
    label,
    distance,
    status,
    counts: {
      rows: n,
      scored: scoredRows.length,
      unscored: n - scoredRows.length,
      unscoredMissingOrNonNumeric: missingRows,
      unscoredLogInvalid: logInvalidRows,
      features: features.map((feature, j) => ({
        feature,
        missing: table.issues[feature]?.missing ?? 0,
        nonNumeric: table.issues[feature]?.nonNumeric ?? 0,
        logInvalid: logInvalidCells[j]!,
      })),
      examples,
    },
  };
}
