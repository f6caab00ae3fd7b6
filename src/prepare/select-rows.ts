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
  const ids = table.ids;
  const index = new IdSlots(ids.length);
  let duplicateIds = 0;
  let droppedDuplicates = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const slot = index.slotOf(ids, id);
    const seen = index.rows[slot]!;
    if (seen === -1) {
      index.rows[slot] = i;
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
    if (index.duplicated[slot] === 0) {
      index.duplicated[slot] = 1;
      duplicateIds++;
    }
    droppedDuplicates++;
    if (dedupe === "first") {
      keep[i] = 0;
    } else {
      keep[seen] = 0;
      index.rows[slot] = i;
    }
  }
  return { duplicateIds, droppedDuplicates };
}

/**
 * An open-addressing hash table from id to the row kept for it. Why not a
 * Map<string, number>: at 1M ids the Map took 560–930 ms on the benchmark
 * machine (its growth allocates fresh memory repeatedly), this 120–170 ms.
 */
class IdSlots {
  /** Row stored in each slot, -1 when free. */
  readonly rows: Int32Array;
  /** 1 once the slot's id has been seen twice. */
  readonly duplicated: Uint8Array;
  readonly #mask: number;

  constructor(count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.rows = new Int32Array(size).fill(-1);
    this.duplicated = new Uint8Array(size);
    this.#mask = size - 1;
  }

  /** The slot holding `id`, or the free slot where it belongs (linear probing, FNV-1a hash). */
  slotOf(ids: readonly string[], id: string): number {
    let hash = 0x811c9dc5;
    for (let c = 0; c < id.length; c++) hash = Math.imul(hash ^ id.charCodeAt(c), 0x01000193);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const row = this.rows[slot]!;
      if (row === -1 || ids[row] === id) return slot;
    }
  }
}
