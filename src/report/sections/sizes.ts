/**
 * The cluster-sizes section: rows per cluster as bars.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { chart } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { plural } from "../report-text.js";
import { clusterSizeSpec } from "../specs/profile.js";
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
  _context: SectionContext,
): Promise<ReportSection> {
  const svg = await renderSvg(clusterSizeSpec(profiles.clusters));
  const totalRows = profiles.clusters.reduce((sum, c) => sum + c.size, 0);
  return {
    id: "sizes",
    title: "Cluster sizes",
    html: chart({ svg, caption: `Rows per cluster (${plural(totalRows, "row")} in all).` }),
  };
}
