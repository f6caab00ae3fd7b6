import * as loadMessages from "../shared/messages/load.js";
import type { Table } from "./types.js";

type Danfo = typeof import("danfojs-node");

/**
 * danfojs-node, imported on demand. It is an optional peer dependency, not
 * installed with segwork (it brings TensorFlow.js: 267 MB of the 470 MB an
 * install took with it), so its absence is a user error with the command
 * that installs it, not a crash.
 *
 * @param specifier the package to import (another name only in tests).
 * @throws SegworkError (`danfojsMissing`) when the package cannot be found.
 * @example const dfd = await loadDanfo(); new dfd.DataFrame({ a: [1, 2] });
 */
export async function loadDanfo(specifier = "danfojs-node"): Promise<Danfo> {
  try {
    return (await import(specifier)) as Danfo;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND")
      throw loadMessages.danfojsMissing(specifier);
    throw error;
  }
}

/**
 * A loaded table as a danfojs-node DataFrame, for interactive exploration in
 * notebooks (`df.describe()`, `groupby`, `print()`).
 *
 * Why only here: danfojs-node costs ~0.7 s to import (it loads TensorFlow.js),
 * its `readCSV` took 54 s and 1 GB for a 1M × 9 CSV that segwork's loader
 * reads in 1.7 s, and it types text ids such as "00123" as integers. So the
 * pipeline never depends on it; this adapter hands an already-correct table
 * over for table work where danfojs serves well. Ids stay strings.
 * danfojs-node is loaded on demand (see {@link loadDanfo}).
 *
 * @throws SegworkError when danfojs-node is not installed.
 * @example
 * const df = await toDataFrame(await loadTable("clients.csv", { id: "client_id" }));
 * df.describe().print();
 */
export async function toDataFrame(table: Table, columns: string[] = Object.keys(table.columns)) {
  const dfd = await loadDanfo();
  const data: Record<string, (string | number)[]> = { id: table.ids };
  for (const name of Object.keys(table.text)) data[name] = table.text[name]!;
  for (const name of columns) data[name] = Array.from(table.columns[name]!);
  return new dfd.DataFrame(data, {
    dtypes: [
      "string",
      ...Object.keys(table.text).map(() => "string"),
      ...columns.map(() => "float32"),
    ],
  });
}
