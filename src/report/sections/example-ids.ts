/**
 * The example-ids section: a few ids per cluster, present only when the run
 * was asked to show ids (the workflow then fills `exampleIds`).
 */
import type { ClusterProfile } from "../../evaluate/profile-types.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { ClusterReportData } from "../types.js";
import { clusterCell } from "./clusters.js";
import type { SectionContext } from "./section.js";

/**
 * A few ids from each cluster, or no section when the clustering carries none.
 *
 * @example
 * exampleIdsSection({ ...cluster, exampleIds: undefined }, context); // => []
 */
export function exampleIdsSection(
  cluster: Pick<ClusterReportData, "profiles" | "exampleIds">,
  context: SectionContext,
): ReportSection | [] {
  const examples = cluster.exampleIds;
  if (!examples || Object.keys(examples).length === 0) return [];
  const { locale } = context;
  const rows = [...cluster.profiles.clusters]
    .sort((a, b) => a.cluster - b.cluster)
    .filter((p) => (examples[p.cluster]?.length ?? 0) > 0);
  return {
    id: "examples",
    title: locale.t("title.exampleIds"),
    html: join(
      paragraph(locale.t("examples.intro")),
      table<ClusterProfile>({
        rows,
        columns: [
          {
            header: locale.t("examples.cluster"),
            value: (p) => clusterCell(p.cluster, context.clusterNames, locale),
          },
          {
            header: locale.t("examples.ids"),
            value: (p) => (examples[p.cluster] ?? []).join(", "),
            align: "left",
          },
        ],
      }),
    ),
  };
}
