/**
 * The CDNOW 1/10 sample (test/fixtures/clv/CDNOW_sample.txt, MIT, shipped
 * with lifetimes) summarized as in Fader, Hardie & Lee (2005): calibration
 * 1997-01-01..1997-09-30 (39 weeks), holdout to 1998-06-30, weeks.
 */
import path from "node:path";
import {
  summarizeForClv,
  type ClvSummary,
  type ClvTimeUnit,
} from "../../src/features/clv-summary.js";

export const CDNOW_SAMPLE = path.join(import.meta.dirname, "../fixtures/clv/CDNOW_sample.txt");
export const CDNOW_COLUMNS = ["customer_id", "sample_id", "date", "cds", "dollars"];

/** The full-precision published BG/NBD fit (the issue quotes 0.2425945, 4.4136019, 0.7929199, 2.4258881). */
export const PUBLISHED_BGNBD = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

/** The log, its columns and the published split, as `summarizeForClv` and `clvWorkflow` take them. */
export const CDNOW_LOG = {
  transactions: CDNOW_SAMPLE,
  columns: CDNOW_COLUMNS,
  id: "customer_id",
  date: "date",
  amount: "dollars",
  calibrationEnd: "1997-09-30",
  holdoutEnd: "1998-06-30",
};

/** The same log and split as `segwork clv` takes them on the command line. */
export const CDNOW_CLI_ARGS: readonly string[] = [
  "clv",
  "--transactions",
  CDNOW_SAMPLE,
  "--columns",
  CDNOW_COLUMNS.join(","),
  "--id",
  CDNOW_LOG.id,
  "--date",
  CDNOW_LOG.date,
  "--amount",
  CDNOW_LOG.amount,
  "--calibration-end",
  CDNOW_LOG.calibrationEnd,
  "--holdout-end",
  CDNOW_LOG.holdoutEnd,
];

export function summarizeCdnow(timeUnit: ClvTimeUnit = "weeks"): Promise<ClvSummary> {
  return summarizeForClv({ ...CDNOW_LOG, timeUnit });
}
