/**
 * The cluster-sizes section: rows per cluster as bars.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { clusterSizeSpec } from "../specs/profile.js";
import { clusterName } from "../specs/theme.js";
import { namesFromProfiles } from "./clusters.js";
import type { SectionContext } from "./section.js";

/**
 * Rows per cluster, with the total in the caption.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await sizesSection(input.cluster!.profiles, context)).title; // => "Cluster sizes"
 */
export async function sizesSection(
  profiles: Profiles,
  context: SectionContext,
): Promise<ReportSection> {
  const { locale } = context;
  const { t, percent } = locale;
  const svg = await renderSvg(
    clusterSizeSpec(profiles.clusters, { names: namesFromProfiles(profiles, locale), locale }),
  );
  const totalRows = profiles.clusters.reduce((sum, c) => sum + c.size, 0);
  const bySize = [...profiles.clusters].sort((a, b) => b.size - a.size);
  const largest = bySize[0];
  const smallest = bySize[bySize.length - 1];
  const nameOf = (cluster: Profiles["clusters"][number]): string =>
    clusterName(cluster.cluster, context.clusterNames, locale);
  const alt =
    largest && smallest
      ? t("sizes.alt", {
          clusters: profiles.clusters.length,
          largest: nameOf(largest),
          size: largest.size,
          share: percent(totalRows > 0 ? largest.size / totalRows : 0),
          smallest: nameOf(smallest),
          smallestSize: smallest.size,
        })
      : undefined;
  return {
    id: "sizes",
    title: t("title.sizes"),
    html: chart({ svg, caption: t("sizes.caption", { rows: totalRows }), ...(alt ? { alt } : {}) }),
  };
}
