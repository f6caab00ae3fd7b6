import type { Table } from "../load/types.js";
import { prepareMessages as msg } from "../shared/messages/index.js";
import type { DedupeMethod, ImputeMethod } from "./types.js";

/** Which input rows survive cleaning, and why the others did not. */
export interface RowSelection {
  /** Indices of kept rows in input order. */
  kept: Int32Array;
  duplicateIds: number;
  droppedDuplicates: number;
  droppedMissing: number;
  droppedNonNumeric: number;
  droppedLogInvalid: number;
  /** Per feature (in `features` order): rows dropped because log1p was undefined there. */
  logInvalidByFeature: number[];
}

/**
 * Resolves duplicate ids, then drops rows with a missing or non-numeric
 * feature (unless imputing) and rows where log1p is undefined (value ≤ −1).
 * Counts are disjoint: a row is counted under the first reason that removes it.
 */
export function selectRows(
  table: Table,
  features: string[],
  log: Set<string>,
  impute: ImputeMethod,
  dedupe: DedupeMethod,
): RowSelection {
  const n = table.rowCount;
  const keep = new Uint8Array(n).fill(1);
  const { duplicateIds, droppedDuplicates } = resolveDuplicates(table, keep, dedupe);

  // A cell is NaN when missing or non-numeric; the loader counted which is which
  // per column but not per cell, so we attribute a dropped row to "missing"
  // unless its column has non-numeric cells and no missing ones.
  let droppedMissing = 0;
  let droppedNonNumeric = 0;
  let droppedLogInvalid = 0;
  const columns = features.map((f) => table.columns[f]!);
  const nonNumericOnly = features.map(
    (f) => table.issues[f]!.nonNumeric > 0 && table.issues[f]!.missing === 0,
  );
  const logFlags = features.map((f) => log.has(f));
  const logInvalidByFeature = features.map(() => 0);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j]![i]!;
      if (Number.isNaN(v)) {
        if (impute === "median") continue;
        keep[i] = 0;
        if (nonNumericOnly[j]) droppedNonNumeric++;
        else droppedMissing++;
        break;
      }
      if (logFlags[j] && v <= -1) {
        keep[i] = 0;
        droppedLogInvalid++;
        logInvalidByFeature[j]!++;
        break;
      }
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i]!;
  const kept = new Int32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) kept[j++] = i;
  return {
    kept,
    duplicateIds,
    droppedDuplicates,
    droppedMissing,
    droppedNonNumeric,
    droppedLogInvalid,
    logInvalidByFeature,
  };
}

function resolveDuplicates(
  table: Table,
  keep: Uint8Array,
  dedupe: DedupeMethod,
): { duplicateIds: number; droppedDuplicates: number } {
  if (table.idColumn === null) return { duplicateIds: 0, droppedDuplicates: 0 };
  const firstRow = new Map<string, number>();
  const duplicated = new Set<string>();
  let droppedDuplicates = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const id = table.ids[i]!;
    const seen = firstRow.get(id);
    if (seen === undefined) {
      firstRow.set(id, i);
      continue;
    }
    if (dedupe === "error") {
      throw msg.duplicateId(
        table.source,
        table.idColumn,
        id,
        table.sourceLines[seen]!,
        table.sourceLines[i]!,
      );
    }
    duplicated.add(id);
    droppedDuplicates++;
    if (dedupe === "first") {
      keep[i] = 0;
    } else {
      keep[seen] = 0;
      firstRow.set(id, i);
    }
  }
  return { duplicateIds: duplicated.size, droppedDuplicates };
}
