/**
 * `assignments.csv`: one row per client — `id,cluster,label` — written by
 * `segwork cluster` (every client of the fit) and `segwork grade` (an empty
 * cluster and label for a row that could not be scored). Cluster numbers are
 * the reported ones (0 = top cluster); labels are the model's.
 */
import { toCsv } from "../shared/csv.js";
import * as msg from "../shared/messages/artifacts.js";
import { readCsvArtifact } from "./csv-table.js";

/** Header of assignments.csv, exactly. */
export const ASSIGNMENTS_HEADER = ["id", "cluster", "label"];

/** Cluster of each client; cluster −1 (and label "") for an unscored row. */
export interface Assignments {
  ids: string[];
  cluster: Int32Array;
  label: string[];
}

/**
 * assignments.csv text.
 *
 * @example
 * writeAssignments({ ids: ["a"], cluster: Int32Array.of(0), label: ["Recent"] }) // => "id,cluster,label\na,0,Recent\n"
 */
export function writeAssignments(assignments: Assignments): string {
  return toCsv(
    ASSIGNMENTS_HEADER,
    assignments.ids.map((id, i) => {
      const c = assignments.cluster[i]!;
      return [id, c < 0 ? "" : c, assignments.label[i] ?? ""];
    }),
  );
}

/**
 * Reads and checks an assignments.csv file: the three columns, and cluster
 * numbers that are whole numbers ≥ 0 or empty.
 *
 * @throws SegworkError `artifact.missing-column`, `artifact.bad-cell` naming the line.
 * @example
 * (await readAssignmentsFile("runs/k4/assignments.csv")).cluster[0] // => 2
 */
export async function readAssignmentsFile(file: string): Promise<Assignments> {
  const table = await readCsvArtifact(file, {
    text: ["label"],
    numeric: ["cluster"],
    writtenBy: "segwork cluster",
  });
  const values = table.columns.cluster!;
  const cluster = new Int32Array(table.rowCount);
  const refuse = (line: number, raw: string) =>
    msg.badCell(
      file,
      line,
      "cluster",
      raw,
      "a cluster number (a whole number ≥ 0, or empty)",
      "segwork cluster",
    );
  // Text that is no number (the loader counts it apart from empty cells) is refused, not read as unscored.
  const text = table.issues.cluster?.firstNonNumeric;
  if (text) throw refuse(text.line, text.value);
  for (let i = 0; i < table.rowCount; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) cluster[i] = -1;
    else if (Number.isInteger(v) && v >= 0) cluster[i] = v;
    else throw refuse(table.sourceLines[i]!, String(v));
  }
  return { ids: table.ids, cluster, label: table.text.label! };
}
