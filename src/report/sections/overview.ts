/**
 * The opening summary of a K-Means report: headline numbers of the data, the
 * sweep and the clustering, and a warning when the clustering does not use
 * the recommended k.
 */
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { callout, facts, join } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { plural } from "../report-text.js";
import { clusterName } from "../specs/theme.js";
import type { ClusterReportInput } from "../types.js";
import { SCALING_TEXT } from "./scaling.js";
import type { SectionContext } from "./section.js";

/**
 * The opening summary: headline numbers and, when the clustering does not use
 * the recommended k, a warning saying so.
 *
 * @example
 * overviewSection(input, sectionContext({ profiles: input.cluster?.profiles })).title; // => "Summary"
 */
export function overviewSection(input: ClusterReportInput, context: SectionContext): ReportSection {
  const { summary, sweep, cluster } = input;
  const items: Fact[] = [
    {
      label: "Rows clustered",
      value: formatInteger(summary.keptRows),
      detail: `of ${formatInteger(summary.inputRows)} read`,
    },
    {
      label: "Features",
      value: formatInteger(input.features.length),
      detail: SCALING_TEXT[input.scaler.method].short,
    },
  ];
  if (sweep) {
    const ks = sweep.rows.map((row) => row.k);
    const { elbowK, recommendedK } = sweep.recommendation;
    items.push(
      {
        label: "k swept",
        value: ks.length > 0 ? `${Math.min(...ks)}–${Math.max(...ks)}` : "—",
        detail: `${plural(sweep.restarts, "restart")} each`,
      },
      {
        label: "Recommended k",
        value: formatInteger(recommendedK),
        detail: elbowK === null ? "no clear knee" : `knee at k = ${elbowK}`,
      },
    );
  }
  if (cluster) {
    const largest = [...cluster.profiles.clusters].sort((a, b) => b.share - a.share)[0];
    items.push(
      {
        label: "Clusters",
        value: formatInteger(cluster.k),
        detail: `by ${cluster.profiles.orderedBy}`,
      },
      {
        label: "Mean silhouette",
        value: formatNumber(cluster.silhouette.average, 2),
        detail: `on ${plural(cluster.silhouette.sampleSize, "row")}`,
      },
    );
    if (largest) {
      items.push({
        label: "Largest cluster",
        value: formatPercent(largest.share),
        detail: clusterName(largest.cluster, context.clusterNames),
      });
    }
  }
  const recommendedK = sweep?.recommendation.recommendedK;
  const mismatch =
    cluster && recommendedK !== undefined && cluster.k !== recommendedK
      ? callout({
          tone: "warning",
          title: `This clustering uses k = ${cluster.k}`,
          body: `The sweep recommends k = ${recommendedK}; the profiles below are for k = ${cluster.k}.`,
        })
      : null;
  return {
    id: "summary",
    title: context.locale.t("title.summary"),
    html: join(facts(items), mismatch),
  };
}
