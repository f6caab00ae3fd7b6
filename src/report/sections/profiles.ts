/**
 * The cluster-profiles section: the heatmap of centroid z-scores by cluster
 * and feature.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { localOrderedBy } from "../i18n/cluster-labels.js";
import { renderSvg } from "../render.js";
import { profileHeatmapSpec } from "../specs/profile.js";
import { namesFromProfiles } from "./clusters.js";
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
  const { locale } = context;
  const svg = await renderSvg(
    profileHeatmapSpec(profiles, { names: namesFromProfiles(profiles, locale), locale }),
  );
  return {
    id: "profiles",
    title: locale.t("title.profiles"),
    html: join(
      paragraph(locale.t("profiles.intro", { order: localOrderedBy(profiles.orderedBy, locale) })),
      chart({ svg, caption: locale.t("profiles.caption") }),
    ),
  };
}
