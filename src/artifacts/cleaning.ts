/**
 * `<clients>.cleaning.json`: what `segwork features` did to a transaction
 * log — every cleaning rule with its count, the as-of date, how dates and
 * amounts were read — written beside the client table it produced.
 */
import { z } from "zod";
import type { TransactionCleaningSummary } from "../features/types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { count, header } from "./schema.js";

/** The content of a cleaning summary file. */
export type CleaningArtifact = {
  format: "segwork-cleaning";
  formatVersion: 1;
} & TransactionCleaningSummary;

const v1 = z.looseObject({
  ...header("segwork-cleaning", 1),
  source: z.string(),
  linesRead: count,
  missingClientId: count,
  duplicateLines: count,
  unparseableAmount: count,
  nonPositivePrice: count,
  afterAsOf: count,
  cancellations: count,
  linesUsed: count,
  clients: count,
  asOf: z.string(),
});

/** The cleaning summary format. */
export const CLEANING_FORMAT: JsonArtifactFormat<CleaningArtifact> = {
  format: "segwork-cleaning",
  version: 1,
  writtenBy: "segwork features",
  schemas: { 1: v1 },
};

/**
 * The file name of the cleaning summary beside a client table.
 *
 * @example
 * cleaningPathFor("runs/clients.csv") // => "runs/clients.cleaning.json"
 */
export function cleaningPathFor(clientsPath: string): string {
  return clientsPath.replace(/(\.csv)?$/i, ".cleaning.json");
}

/**
 * The cleaning summary artifact of a features run.
 *
 * @example
 * cleaningArtifact(summary).linesRead // => 541909
 */
export function cleaningArtifact(summary: TransactionCleaningSummary): CleaningArtifact {
  return { format: "segwork-cleaning", formatVersion: 1, ...summary };
}

/** cleaning summary text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeCleaning,
  parse: parseCleaning,
  read: readCleaningFile,
}: JsonArtifactIO<CleaningArtifact> = jsonArtifactIO(CLEANING_FORMAT);
