/**
 * The profile-table section: per cluster and feature the mean and median in
 * original units, and each cluster's bootstrap stability when computed.
 */
import type { ClusterProfile, Profiles } from "../../evaluate/profile-types.js";
import type { ClusterStabilityVerdict } from "../../evaluate/stability.js";
import { formatNumber } from "../format.js";
import { join, markup, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import { clusterCell } from "./clusters.js";
import type { MessageKey } from "../i18n/en.js";
import type { SectionContext } from "./section.js";

/** Per-cluster bootstrap stability of a clustering (fpc::clusterboot's mean Jaccard). */
export interface ClusterStabilityData {
  resamples: number;
  /** Rows the resamples were drawn from (the sample size when sampled). */
  rows: number;
  sampled: boolean;
  /** Per reported cluster: its mean Jaccard and Hennig's reading of it. */
  clusters: { cluster: number; jaccard: number; verdict: ClusterStabilityVerdict }[];
}

/** Hennig's reading word of each verdict. */
export const VERDICT_KEY = {
  dissolved: "stability.dissolved",
  "not-trustworthy": "stability.notTrustworthy",
  "doubtful-members": "stability.doubtful",
  stable: "stability.stable",
  "highly-stable": "stability.highlyStable",
} as const satisfies Record<ClusterStabilityVerdict, MessageKey>;

/** The stability column and its note, when stability was computed. */
function stabilityParts(
  stability: ClusterStabilityData | undefined,
  context: SectionContext,
): { columns: TableColumn<ClusterProfile>[]; note: string | null } {
  if (!stability) return { columns: [], note: null };
  const { t, number, integer } = context.locale;
  const byCluster = new Map(stability.clusters.map((c) => [c.cluster, c]));
  return {
    columns: [
      {
        header: t("profile.stability"),
        description: t("profile.stabilityHelp"),
        align: "right",
        value: (p) => {
          const s = byCluster.get(p.cluster);
          return s
            ? t("profile.stabilityCell", {
                jaccard: number(s.jaccard, 2),
                word: t(VERDICT_KEY[s.verdict]),
              })
            : "—";
        },
      },
    ],
    note: t("profile.stabilityNote", {
      resamples: stability.resamples,
      rows: t(stability.sampled ? "choose.rowsSample" : "choose.rowsAll", {
        rows: integer(stability.rows),
      }),
    }),
  };
}

/**
 * Size, share, stability (when given) and per feature the mean over the
 * median of each cluster.
 *
 * @example
 * profileTableSection(input.cluster!.profiles, context).id; // => "profile-table"
 * profileTableSection(profiles, context, stability); // with the stability column
 */
export function profileTableSection(
  profiles: Profiles,
  context: SectionContext,
  stability?: ClusterStabilityData,
): ReportSection {
  const { t, percent } = context.locale;
  const extra = stabilityParts(stability, context);
  const ordered = [...profiles.clusters].sort((a, b) => a.cluster - b.cluster);
  // Mean over median in one cell: half the columns of side-by-side pairs, so wide feature sets fit.
  const featureColumns: TableColumn<ClusterProfile>[] = profiles.features.map((feature) => ({
    header: feature,
    description: t("profile.featureHelp"),
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
        header: t("profile.cluster"),
        value: (p) => clusterCell(p.cluster, context.clusterNames),
        wide: true,
      },
      { header: t("profile.size"), value: (p) => p.size, decimals: 0 },
      { header: t("profile.share"), value: (p) => percent(p.share), align: "right" },
      ...extra.columns,
      ...featureColumns,
    ],
  });
  return {
    id: "profile-table",
    title: t("title.profileTable"),
    html: join(
      paragraph(t("profile.intro")),
      profileTable,
      extra.note === null ? null : paragraph(extra.note),
    ),
  };
}
