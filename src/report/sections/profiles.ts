/**
 * The cluster-profiles section: the heatmap of centroid z-scores by cluster
 * and feature.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { profileHeatmapSpec } from "../specs/profile.js";
import type { SectionContext } from "./section.js";

/**
 * Each cluster's average on each feature as a z-score, in cluster order.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await profilesSection(input.cluster!.profiles, context)).id; // => "profiles"
 */
export async function profilesSection(
  profiles: Profiles,
  context: SectionContext,
): Promise<ReportSection> {
  const svg = await renderSvg(profileHeatmapSpec(profiles));
  return {
    id: "profiles",
    title: context.locale.t("title.profiles"),
    html: join(
      paragraph(
        "Each cell is a cluster's average on a feature, as a z-score against all rows: " +
          "orange above the overall mean, blue below, 0 = average. " +
          `Clusters are ordered by ${profiles.orderedBy}.`,
      ),
      chart({
        svg,
        caption:
          "Values are the centroid z-scores used to name the clusters; " +
          "the profile table below gives the same clusters in original units.",
      }),
    ),
  };
}
