import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readModelFile, readRfmFile, scoringSql } from "../../grade/index.js";
import { cliMessages } from "../../shared/messages/index.js";
import * as msg from "../../shared/messages/grade.js";

/** Options of `segwork export-sql` as commander hands them over. */
export interface ExportSqlCliOptions {
  model: string;
  rfm?: string;
  table?: string;
  id?: string;
  out?: string;
}

/**
 * `segwork export-sql`: writes one portable SQL query that scores a table
 * with the saved model (and RFM settings) to --out, or to stdout.
 */
export function exportSqlCommand(options: ExportSqlCliOptions): void {
  const table = options.table ?? "clients";
  const id = options.id ?? "client_id";
  if (table === "") throw msg.emptyIdentifier("--table");
  if (id === "") throw msg.emptyIdentifier("--id");
  if (options.out !== undefined)
    checkSqlTarget(options.out, [options.model, ...(options.rfm ? [options.rfm] : [])]);
  const model = readModelFile(options.model);
  const rfm = options.rfm === undefined ? undefined : readRfmFile(options.rfm);
  const sql = scoringSql(model, { table, id, modelFile: options.model, ...(rfm ? { rfm } : {}) });
  if (options.out === undefined) {
    process.stdout.write(sql);
    return;
  }
  writeFileAtomically(options.out, sql);
}

function checkSqlTarget(out: string, inputs: string[]): void {
  if (existsSync(out) && statSync(out).isDirectory()) throw msg.outIsDirectory(out);
  const target = path.resolve(out);
  if (inputs.some((p) => path.resolve(p) === target))
    throw cliMessages.outWouldOverwriteInput(target);
}

/** Writes beside the target and renames, so a reader never sees half a query. */
function writeFileAtomically(file: string, content: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
