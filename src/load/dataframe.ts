import type { Table } from "./types.js";

/**
 * A loaded table as a danfojs-node DataFrame, for interactive exploration in
 * notebooks (`df.describe()`, `groupby`, `print()`).
 *
 * Why only here: danfojs-node costs ~0.7 s to import (it loads TensorFlow.js),
 * its `readCSV` took 54 s and 1 GB for a 1M × 9 CSV that segwork's loader
 * reads in 1.7 s, and it types text ids such as "00123" as integers. So the
 * pipeline never depends on it; this adapter hands an already-correct table
 * over for table work where danfojs serves well. Ids stay strings.
 *
 * @example
 * const df = await toDataFrame(await loadTable("clients.csv", { id: "client_id" }));
 * df.describe().print();
 */
export async function toDataFrame(table: Table, columns: string[] = Object.keys(table.columns)) {
  const dfd = await import("danfojs-node");
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
