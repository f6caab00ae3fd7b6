/**
 * The profile-table section: per cluster and feature the mean and median in
 * original units.
 */
import type { ClusterProfile, Profiles } from "../../evaluate/profile-types.js";
import { formatNumber, formatPercent } from "../format.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import { clusterCell } from "./clusters.js";
import type { SectionContext } from "./section.js";

/**
 * Size, share and per feature the mean over the median of each cluster.
 *
 * @example
 * profileTableSection(input.cluster!.profiles, context).id; // => "profile-table"
 */
export function profileTableSection(profiles: Profiles, context: SectionContext): ReportSection {
  const ordered = [...profiles.clusters].sort((a, b) => a.cluster - b.cluster);
  // Mean over median in one cell: half the columns of side-by-side pairs, so wide feature sets fit.
  const featureColumns: TableColumn<ClusterProfile>[] = profiles.features.map((feature) => ({
    header: feature,
    description: "Mean, with the median below",
    align: "right",
    value: (p) => {
      const median = formatNumber(p.median[feature] ?? Number.NaN);
      return markup`${formatNumber(p.mean[feature] ?? Number.NaN)}<span class="sub">${median}</span>`;
    },
  }));
  const profileTable = table<ClusterProfile>({
    rows: ordered,
    columns: [
      {
        header: "Cluster",
        value: (p) => clusterCell(p.cluster, context.clusterNames),
        wide: true,
      },
      { header: "Size", value: (p) => p.size, decimals: 0 },
      { header: "Share", value: (p) => formatPercent(p.share), align: "right" },
      ...featureColumns,
    ],
  });
  return {
    id: "profile-table",
    title: context.locale.t("title.profileTable"),
    html: join(
      paragraph(
        "Per cluster and feature: the mean, with the median below it in grey, in original units " +
          "(after imputation and clipping, before log and scaling).",
      ),
      profileTable,
    ),
  };
}
