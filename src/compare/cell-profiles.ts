/**
 * Who sits in each cell of a crosstab: for every (A label, B label) pair
 * with clients, how many, what they spend, and the median of each raw
 * feature. This is what turns "358 clients of cluster 3 are Loyal Customers"
 * into a sentence about those clients.
 */
import type { Table } from "../load/types.js";
import { quantileType7, sortedFinite } from "../shared/stats.js";
import type { Crosstab, MatchedLabelings } from "./types.js";
import { clientColumns } from "./reader.js";

/** One non-empty cell of a crosstab, described by the clients in it. */
export interface CrosstabCellProfile {
  aLabel: string;
  bLabel: string;
  clients: number;
  /** clients / clients of the A label. */
  shareOfA: number;
  /** clients / clients of the B label. */
  shareOfB: number;
  /** Sum of the revenue column over the cell's clients (missing values skipped); NaN without a revenue column. */
  revenue: number;
  /** revenue / revenue of every matched client; NaN without a revenue column. */
  revenueShare: number;
  /** Median of each feature over the cell's clients with a value (R type 7); NaN when none has one. */
  medians: Record<string, number>;
}

/** Options of {@link crosstabCellProfiles}. */
export interface CellProfileOptions {
  /** Raw features to take medians of. */
  features: readonly string[];
  /** Revenue column to sum (default: none). */
  revenue?: string;
}

/**
 * Profiles every non-empty cell of a crosstab from the client table, in
 * crosstab order (rows, then columns). Clients the table lacks count in
 * `clients` with missing features and revenue.
 *
 * @throws SegworkError when the table lacks a named column or has an id twice.
 * @example
 * const cells = crosstabCellProfiles(comparison, table, { features: ["recency_days"], revenue: "monetary" });
 * cells[0] // => { aLabel: "0: …", bLabel: "Champions", clients: 309, shareOfA: 0.549, …, medians: { recency_days: 9 } }
 */
export function crosstabCellProfiles(
  comparison: { matching: MatchedLabelings; crosstab: Crosstab },
  clients: Table,
  options: CellProfileOptions,
): CrosstabCellProfile[] {
  const { matching, crosstab } = comparison;
  const features = [...options.features];
  const columns = options.revenue === undefined ? features : [...features, options.revenue];
  const { matrix } = clientColumns(clients, matching.ids, columns, "feature");
  const rowOf = new Map(crosstab.rowLabels.map((label, i) => [label, i]));
  const colOf = new Map(crosstab.colLabels.map((label, j) => [label, j]));
  const cols = crosstab.colLabels.length;
  const members: number[][] = Array.from({ length: crosstab.rowLabels.length * cols }, () => []);
  matching.ids.forEach((_, i) => {
    members[rowOf.get(matching.a[i]!)! * cols + colOf.get(matching.b[i]!)!]!.push(i);
  });
  const value = (i: number, c: number) => matrix.data[i * matrix.cols + c]!;
  const revenueOf = (rows: readonly number[]) =>
    options.revenue === undefined
      ? NaN
      : rows.reduce((sum, i) => {
          const v = value(i, features.length);
          return Number.isNaN(v) ? sum : sum + v;
        }, 0);
  const totalRevenue = revenueOf(matching.ids.map((_, i) => i));
  const profiles: CrosstabCellProfile[] = [];
  members.forEach((rows, cell) => {
    if (rows.length === 0) return;
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    const medians: Record<string, number> = {};
    features.forEach((name, f) => {
      const sorted = sortedFinite(rows.map((i) => value(i, f)));
      medians[name] = sorted.length === 0 ? NaN : quantileType7(sorted, 0.5);
    });
    const revenue = revenueOf(rows);
    profiles.push({
      aLabel: crosstab.rowLabels[r]!,
      bLabel: crosstab.colLabels[c]!,
      clients: rows.length,
      shareOfA: rows.length / crosstab.rowTotals[r]!,
      shareOfB: rows.length / crosstab.colTotals[c]!,
      revenue,
      revenueShare: revenue / totalRevenue,
      medians,
    });
  });
  return profiles;
}
