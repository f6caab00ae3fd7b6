import type { Table } from "../load/types.js";
import { clientColumns } from "./reader.js";
import { crosstab } from "./crosstab.js";
import { matchLabelings } from "./matching.js";
import { agreementScores } from "./metrics.js";
import { valueSeparation } from "./separation.js";
import { surrogateRules } from "./surrogate.js";
import type { CompareOptions, Comparison, Labeling, UnmatchedIds } from "./types.js";

/**
 * Compares two segmentations of the same clients: matches them by id,
 * computes the agreement indices (ARI, NMI, homogeneity, completeness,
 * V-measure), the crosstab with dominant mappings and disagreements, and —
 * given the client table — a surrogate rule per A label over
 * `featureColumns` and the value separation over `revenueColumn`.
 * Pure: all inputs are already loaded.
 *
 * @param clients The client table with raw features and revenue, matched by id.
 * @throws SegworkError from matching (duplicate ids, no common ids), the
 *   crosstab (too many cells), the client table (missing column, duplicate
 *   id) and the separation (non-positive revenue).
 * @throws RangeError when feature or revenue columns are asked for without a client table.
 * @example
 * const result = compareSegmentations(labelingFromTable(kmeansTable), labelingFromTable(rfmTable, "segment"),
 *   { nameA: "K-Means k=4", nameB: "RFM", featureColumns: ["recency_days", "frequency", "monetary"], revenueColumn: "monetary" },
 *   clientsTable);
 * result.scores.adjustedRandIndex; // => e.g. 0.31
 */
export function compareSegmentations(
  a: Labeling,
  b: Labeling,
  options: CompareOptions = {},
  clients?: Table,
): Comparison {
  const nameA = options.nameA ?? a.source ?? "A";
  const nameB = options.nameB ?? b.source ?? "B";
  const features = options.featureColumns ?? [];
  if ((features.length > 0 || options.revenueColumn) && !clients) {
    throw new RangeError("feature or revenue columns need the client table");
  }
  const matching = matchLabelings(a, b);
  const scores = agreementScores(matching.a, matching.b);
  const table = crosstab(matching, options);

  let rules: Comparison["rules"] = null;
  let missingFromClients: UnmatchedIds | null = null;
  if (clients && features.length > 0) {
    const { matrix, missing } = clientColumns(clients, matching.ids, features, "feature");
    missingFromClients = missing;
    rules = surrogateRules(matrix, features, matching.a, {
      ...options.surrogate,
      labelOrder: table.rowLabels,
    });
  }
  let separation: Comparison["separation"] = null;
  if (clients && options.revenueColumn) {
    const { matrix, missing } = clientColumns(
      clients,
      matching.ids,
      [options.revenueColumn],
      "revenue",
    );
    missingFromClients ??= missing;
    separation = valueSeparation(
      {
        nameA,
        nameB,
        a: matching.a,
        b: matching.b,
        revenue: matrix.data,
        revenueColumn: options.revenueColumn,
        source: clients.source,
      },
      { rowOrder: table.rowLabels, colOrder: table.colLabels, tieTolerance: options.tieTolerance },
    );
  }
  return { nameA, nameB, matching, scores, crosstab: table, rules, missingFromClients, separation };
}
