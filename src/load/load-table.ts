/**
 * Loading a client table from a file: the file-system edge of the load stage.
 */
import { readFile, stat } from "node:fs/promises";
import { isSegworkError } from "../shared/errors.js";
import * as loadMessages from "../shared/messages/load.js";
import { inputKindOf, parseTable } from "./parse-table.js";
import type { LoadOptions, Table } from "./types.js";

/**
 * Reads `path` (CSV/TSV/TXT, optionally gzipped; JSON, JSON Lines; XLSX) into
 * a column-major {@link Table}. The format comes from the extension; see
 * {@link parseTable} for decoding and parsing.
 *
 * @throws SegworkError when the file is missing, is a folder, cannot be
 *   read, has an unsupported extension, is empty, is too large to hold as one
 *   string, or has any format or column problem (see
 *   `src/shared/messages/load.ts`).
 * @example
 * const table = await loadTable("data/online-retail-clients.csv", { id: "client_id", text: ["country"] });
 * table.rowCount // => 4338
 */
export async function loadTable(path: string, options: LoadOptions = {}): Promise<Table> {
  try {
    if ((await stat(path)).isDirectory()) throw loadMessages.notAFile(path);
    const kind = inputKindOf(path);
    return await parseTable(await readFile(path), path, kind, options);
  } catch (error) {
    throw toUserError(error, path);
  }
}

/** Operating-system errors become user errors naming the file; anything else passes through. */
function toUserError(error: unknown, path: string): unknown {
  if (isSegworkError(error) || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return loadMessages.fileNotFound(path);
  if (code === "EISDIR") return loadMessages.notAFile(path);
  if (code === "EACCES" || code === "EPERM")
    return loadMessages.unreadableFile(path, "permission denied");
  if (
    code === "ERR_STRING_TOO_LONG" ||
    (error instanceof RangeError && /string length/i.test(error.message))
  ) {
    return loadMessages.fileTooLarge(path);
  }
  if (typeof code === "string" && code.startsWith("E"))
    return loadMessages.unreadableFile(path, error.message);
  return error;
}
