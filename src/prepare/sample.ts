import { takeRows } from "../shared/matrix.js";
import { Random, sampleIndices } from "../shared/random.js";
import type { Prepared } from "./types.js";

/**
 * A seeded uniform sample of prepared rows (input order kept), for fitting on
 * a sample and scoring everywhere else with the saved model (`segwork grade`
 * or `export-sql`). The scaler stays the one fitted on all rows; the summary
 * gains a note saying how many rows the fit saw.
 *
 * @example
 * samplePrepared(prepared, 1_000_000, 7).ids.length // => min(1e6, rows)
 */
export function samplePrepared(prepared: Prepared, size: number, seed: number): Prepared {
  const n = prepared.ids.length;
  if (size >= n) return prepared;
  const rows = sampleIndices(n, size, new Random(seed ^ 0x5a3d));
  return {
    ...prepared,
    ids: Array.from(rows, (i) => prepared.ids[i]!),
    scaled: takeRows(prepared.scaled, rows),
    original: takeRows(prepared.original, rows),
    summary: {
      ...prepared.summary,
      notes: [
        ...prepared.summary.notes,
        `Fitted on a seeded random sample of ${size.toLocaleString("en-US")} of the ${n.toLocaleString("en-US")} prepared rows (--sample); score the rest with segwork grade or export-sql.`,
      ],
    },
  };
}
