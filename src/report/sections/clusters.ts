/**
 * Cluster names and colour swatches shared by the sections, so that a table
 * row, a chart and the comparison name and colour a cluster alike.
 */
import type { Profiles } from "../../evaluate/profile-types.js";
import { join, markup } from "../html.js";
import type { SafeHtml } from "../html.js";
import { localClusterLabel } from "../i18n/cluster-labels.js";
import type { Locale } from "../i18n/locale.js";
import { CHART_LOCALE, clusterColor, clusterName } from "../specs/theme.js";
import type { ClusterNames } from "../specs/theme.js";

/**
 * Labels of clusters by reported number, from their profiles, so every chart
 * names clusters the same way ("2: Lapsed"), in the locale's language
 * (English: the profiles' own labels).
 *
 * @example
 * namesFromProfiles(profiles)[0]; // => "Very frequent · High spend"
 * namesFromProfiles(profiles, localeFor("zh-CN"))[0]; // => "消费非常频繁 · 消费金额高"
 */
export function namesFromProfiles(profiles: Profiles, locale: Locale = CHART_LOCALE): ClusterNames {
  return Object.fromEntries(
    profiles.clusters.map((profile) => [profile.cluster, localClusterLabel(profile.label, locale)]),
  );
}

/**
 * A small square in a chart colour, to tie a table row to the charts.
 *
 * @example
 * swatch("#4c78a8").value; // => '<span class="swatch" style="background:#4c78a8" aria-hidden="true"></span>'
 */
export function swatch(color: string): SafeHtml {
  return markup`<span class="swatch" style="background:${color}" aria-hidden="true"></span>`;
}

/**
 * A cluster as a table cell: its swatch and display name.
 *
 * @example
 * clusterCell(2, { 2: "Lapsed" }); // swatch + "2: Lapsed"
 */
export function clusterCell(
  cluster: number,
  names: ClusterNames,
  locale: Locale = CHART_LOCALE,
): SafeHtml {
  return join(swatch(clusterColor(cluster)), clusterName(cluster, names, locale));
}

/**
 * Display names ("2: Lapsed") and colours of cluster labels ("2") from
 * profiles, for the comparison sections.
 *
 * @throws never
 * @example
 * clusterLabelStyles(profiles).names["0"]; // => "0: Very high spend · Frequent"
 */
export function clusterLabelStyles(profiles: Profiles): {
  names: Record<string, string>;
  colors: Record<string, string>;
} {
  return labelStylesOf(namesFromProfiles(profiles));
}

/**
 * The same, from cluster names by number.
 *
 * @example
 * labelStylesOf({ 2: "Lapsed" }).names["2"]; // => "2: Lapsed"
 */
export function labelStylesOf(clusters: ClusterNames): {
  names: Record<string, string>;
  colors: Record<string, string>;
} {
  const names: Record<string, string> = {};
  const colors: Record<string, string> = {};
  for (const key of Object.keys(clusters)) {
    const cluster = Number(key);
    names[key] = clusterName(cluster, clusters);
    colors[key] = clusterColor(cluster);
  }
  return { names, colors };
}
