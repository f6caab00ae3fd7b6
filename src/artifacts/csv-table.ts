/**
 * Reading segwork's own CSV artifacts through the load stage (so quoting,
 * BOMs, encodings and gzip are handled as for any input), with one message
 * naming the file and the column when a column the reader needs is absent.
 * CSV has no room for a `format` key: a CSV artifact is known by its header.
 */
import { loadTable } from "../load/index.js";
import type { Table } from "../load/types.js";
import { isSegworkError } from "../shared/errors.js";
import * as msg from "../shared/messages/artifacts.js";

/** Which columns a CSV artifact must have, and who writes it. */
export interface CsvArtifactFormat {
  /** Read as text (besides the id column "id"). */
  text: string[];
  /** Read as numbers. */
  numeric: string[];
  writtenBy: string;
}

/**
 * Loads a CSV artifact whose id column is `id`.
 *
 * @throws SegworkError `artifact.not-found`, `artifact.missing-column`, or a
 *   load-stage error naming the line.
 * @example
 * const table = await readCsvArtifact("assignments.csv", { text: ["label"], numeric: ["cluster"], writtenBy: "segwork cluster" });
 */
export async function readCsvArtifact(file: string, format: CsvArtifactFormat): Promise<Table> {
  let headers: string[];
  try {
    headers = (await loadTable(file, { numeric: [] })).headers;
  } catch (error) {
    if (isSegworkError(error) && error.code === "load.file-not-found")
      throw msg.notFound(file, format.writtenBy);
    throw error;
  }
  for (const column of ["id", ...format.text, ...format.numeric]) {
    if (!headers.includes(column)) throw msg.missingColumn(file, column, headers, format.writtenBy);
  }
  return loadTable(file, { id: "id", text: format.text, numeric: format.numeric });
}
