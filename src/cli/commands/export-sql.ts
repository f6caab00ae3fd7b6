/**
 * `segwork export-sql`: one portable SQL query that scores a table with the
 * saved model (and RFM settings), to --out or to stdout.
 */
import path from "node:path";
import { readModelFile } from "../../artifacts/model.js";
import { readRfmScoringFile } from "../../artifacts/rfm.js";
import * as msg from "../../shared/messages/grade.js";
import type { SqlDialect } from "../../shared/sql-dialect.js";
import { exportSqlWorkflow } from "../../workflows/export-sql.js";
import { checkOutputFile, writeOutputsAtomically } from "../output.js";

export function run(options: {
  model: string;
  rfm?: string;
  table?: string;
  id?: string;
  dialect?: SqlDialect;
  out?: string;
}): void {
  const inputs = [options.model, ...(options.rfm ? [options.rfm] : [])];
  if (options.out !== undefined) checkOutputFile(options.out, inputs, [], msg.outIsDirectory);
  const sql = exportSqlWorkflow({
    model: readModelFile(options.model),
    modelFile: options.model,
    ...(options.rfm === undefined ? {} : { rfm: readRfmScoringFile(options.rfm) }),
    ...(options.table === undefined ? {} : { table: options.table }),
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.dialect === undefined ? {} : { dialect: options.dialect }),
  });
  if (options.out === undefined) process.stdout.write(sql);
  else
    writeOutputsAtomically(path.dirname(options.out), [
      { name: path.basename(options.out), content: sql },
    ]);
}
