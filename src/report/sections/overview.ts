/**
 * The opening summary of a K-Means report: headline numbers of the data, the
 * sweep and the clustering, and a warning when the clustering does not use
 * the recommended k.
 */
import { callout, facts, join } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { localOrderedBy } from "../i18n/cluster-labels.js";
import { clusterName } from "../specs/theme.js";
import type { ClusterReportInput } from "../types.js";
import { confidenceText } from "./choose-k.js";
import { scalingText } from "./scaling.js";
import type { SectionContext } from "./section.js";

/**
 * The opening summary: headline numbers and, when the clustering does not use
 * the recommended k, a warning saying so.
 *
 * @example
 * overviewSection(input, sectionContext({ profiles: input.cluster?.profiles })).title; // => "Summary"
 */
export function overviewSection(input: ClusterReportInput, context: SectionContext): ReportSection {
  const { t, integer, number, percent } = context.locale;
  const { summary, sweep, cluster } = input;
  const items: Fact[] = [
    {
      label: t("overview.rows"),
      value: integer(summary.keptRows),
      detail: t("facts.rowsRead", { rows: integer(summary.inputRows) }),
    },
    {
      label: t("overview.features"),
      value: integer(input.features.length),
      detail: scalingText(input.scaler.method, context.locale).short,
    },
  ];
  if (sweep) {
    const ks = sweep.rows.map((row) => row.k);
    const { elbowK, recommendedK } = sweep.recommendation;
    items.push(
      {
        label: t("overview.kSwept"),
        value: ks.length > 0 ? `${Math.min(...ks)}–${Math.max(...ks)}` : "—",
        detail: t("overview.restarts", { restarts: sweep.restarts }),
      },
      {
        label: t("overview.recommended"),
        value: integer(recommendedK),
        // The vote decides when the sweep has one; older sweeps recommended the knee.
        detail: sweep.choose
          ? t("overview.byVote", {
              confidence: confidenceText(sweep.choose.vote.confidence, context.locale),
            })
          : elbowK === null
            ? t("overview.noKnee")
            : t("overview.knee", { knee: elbowK }),
      },
    );
  }
  if (cluster) {
    const largest = [...cluster.profiles.clusters].sort((a, b) => b.share - a.share)[0];
    items.push(
      {
        label: t("overview.clusters"),
        value: integer(cluster.k),
        detail: t("overview.orderedBy", {
          feature: localOrderedBy(cluster.profiles.orderedBy, context.locale),
        }),
      },
      {
        label: t("overview.silhouette"),
        value: number(cluster.silhouette.average, 2),
        detail: t("overview.silhouetteRows", { rows: cluster.silhouette.sampleSize }),
      },
    );
    if (largest) {
      items.push({
        label: t("overview.largest"),
        value: percent(largest.share),
        detail: clusterName(largest.cluster, context.clusterNames, context.locale),
      });
    }
  }
  const recommendedK = sweep?.recommendation.recommendedK;
  const mismatch =
    cluster && recommendedK !== undefined && cluster.k !== recommendedK
      ? callout({
          tone: "warning",
          title: t("overview.mismatchTitle", { k: cluster.k }),
          body: t("overview.mismatchBody", { recommended: recommendedK, k: cluster.k }),
        })
      : null;
  return {
    id: "summary",
    title: context.locale.t("title.summary"),
    html: join(facts(items), mismatch),
  };
}
