/**
 * Reading a client table and preparing its features: the start that
 * `sweep`, `cluster` and the rule workflows share.
 */
import { loadTable } from "../load/index.js";
import type { LoadOptions, Table } from "../load/types.js";
import { prepare, samplePrepared } from "../prepare/index.js";
import type { Prepared, PrepareOptions } from "../prepare/types.js";
import * as msg from "../shared/messages/workflows.js";
import { progressOf, type Progress, type ProgressCallback } from "../shared/progress.js";
import { validatePositiveInteger } from "../cluster/validate.js";

/**
 * Loads a client table and notes how many rows it has.
 *
 * @throws SegworkError from the load stage, naming the file, line and column.
 * @example
 * const table = await readClientTable("clients.csv", { id: "client_id" }, onProgress);
 */
export async function readClientTable(
  file: string,
  options: LoadOptions,
  onProgress?: ProgressCallback,
): Promise<Table> {
  const progress = progressOf(onProgress);
  const table = await loadTable(file, options);
  progress.note(msg.loadedRows(table.rowCount, table.source));
  return table;
}

/**
 * Prepares the features of a loaded table and, with `sample`, keeps a seeded
 * sample of the prepared rows to fit on (the scaler stays the one of all rows).
 *
 * @throws SegworkError from the prepare stage.
 * @example
 * const prepared = prepareClients(table, { features: ["recency_days", "monetary"] }, { seed: 7 }, progress);
 */
export function prepareClients(
  table: Table,
  options: PrepareOptions,
  fit: { sample?: number; seed: number },
  progress: Progress,
): Prepared {
  if (fit.sample !== undefined) validatePositiveInteger("sample", fit.sample);
  const prepared = prepare(table, options);
  progress.note(
    msg.preparedRows(
      prepared.ids.length,
      prepared.features.length,
      table.rowCount - prepared.ids.length,
    ),
  );
  if (fit.sample === undefined || fit.sample >= prepared.ids.length) return prepared;
  progress.note(msg.fittingOnSample(fit.sample));
  return samplePrepared(prepared, fit.sample, fit.seed);
}
