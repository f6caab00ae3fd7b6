/**
 * The K-Means report written by `sweep` and `cluster`: summary, data and
 * cleaning, scaling, the k sweep and the clustering. Its section lists are
 * also the K-Means part of the full report.
 */
import { renderDocument } from "../html.js";
import { renderReport } from "../interact/index.js";
import { localeFor } from "../i18n/locale.js";
import type { HeaderField, ReportSection } from "../html.js";
import { chooseKSection } from "../sections/choose-k.js";
import { dataSection } from "../sections/data.js";
import { elbowSection } from "../sections/elbow.js";
import { exampleIdsSection } from "../sections/example-ids.js";
import { kViewsSection } from "../sections/k-views.js";
import { overviewSection } from "../sections/overview.js";
import { pcaSection } from "../sections/pca.js";
import { profileTableSection } from "../sections/profile-table.js";
import { profilesSection } from "../sections/profiles.js";
import { qualitySection } from "../sections/quality.js";
import { recommendationSection } from "../sections/recommendation.js";
import { scalingSection } from "../sections/scaling.js";
import { seedsSection } from "../sections/seeds.js";
import { sectionContext } from "../sections/section.js";
import type { Section, SectionContext } from "../sections/section.js";
import { silhouetteSection } from "../sections/silhouette.js";
import { sizesSection } from "../sections/sizes.js";
import { summarySection } from "../sections/summary.js";
import type { ClusterReportData, ClusterReportInput, SweepReportData } from "../types.js";
import { composeSections, given } from "./compose.js";
import { commandField, generatedField, reportFooter } from "./run-header.js";

/** The sweep's sections, in order: elbow curve, quality indices, recommendation, then the vote, gap curve and stability (when computed), then the per-k views. */
export const SWEEP_SECTIONS: readonly Section<SweepReportData>[] = [
  elbowSection,
  qualitySection,
  recommendationSection,
  given((sweep) => sweep.choose, chooseKSection),
  given((sweep) => sweep.kViews, kViewsSection),
];

/** A clustering's sections, in order: silhouettes, PCA map, profiles, sizes, profile table, example ids (when given). */
export const CLUSTERING_SECTIONS: readonly Section<ClusterReportData>[] = [
  given((cluster) => cluster.silhouette, silhouetteSection),
  given((cluster) => cluster.pca, pcaSection),
  given((cluster) => cluster.profiles, profilesSection, sizesSection),
  (cluster, context) => profileTableSection(cluster.profiles, context, cluster.stability),
  exampleIdsSection,
  given((cluster) => cluster.seeds, seedsSection),
];

/** The K-Means report, in reading order. */
const CLUSTER_REPORT: readonly Section<ClusterReportInput>[] = [
  summarySection,
  overviewSection,
  given((input) => ({ ...input.summary, scaler: input.scaler }), dataSection),
  given((input) => input.scaler, scalingSection),
  given((input) => input.sweep, ...SWEEP_SECTIONS),
  given((input) => input.cluster, ...CLUSTERING_SECTIONS),
];

/**
 * The sweep sections: elbow curve, quality indices against k, and the
 * recommendation with the sweep table (recommended row highlighted).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await sweepSections(input.sweep!);
 */
export async function sweepSections(
  sweep: SweepReportData,
  context: SectionContext = sectionContext(),
): Promise<ReportSection[]> {
  return composeSections(SWEEP_SECTIONS, sweep, context);
}

/**
 * The clustering sections: silhouette knife plot, PCA map, profile heatmap,
 * cluster sizes, profile table and (only when given) example ids. Clusters
 * are named from the clustering's own profiles unless a context is given.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await clusterSections(input.cluster!);
 */
export async function clusterSections(
  cluster: ClusterReportData,
  context: SectionContext = sectionContext({ profiles: cluster.profiles }),
): Promise<ReportSection[]> {
  return composeSections(CLUSTERING_SECTIONS, cluster, context);
}

/**
 * The header lines of a K-Means report: command, source, features and when
 * and by which version it was generated.
 *
 * @example
 * reportHeader(input)[0].label; // => "Command"
 */
export function reportHeader(input: ClusterReportInput): HeaderField[] {
  const { t } = localeFor(input.lang);
  return [
    commandField(input),
    { label: t("header.source"), value: input.summary.source },
    { label: t("header.features"), value: input.features.join(", ") },
    generatedField(input),
  ];
}

function subtitle(input: ClusterReportInput): string {
  const { t } = localeFor(input.lang);
  const counts = { rows: input.summary.keptRows, features: input.features.length };
  if (input.cluster && input.sweep) return t("subtitle.both", { ...counts, k: input.cluster.k });
  if (input.cluster) return t("subtitle.cluster", { ...counts, k: input.cluster.k });
  if (input.sweep) return t("subtitle.sweep", counts);
  return t("subtitle.prepared", counts);
}

/**
 * Renders the K-Means report as one self-contained HTML page: summary, data
 * and cleaning, scaling, then the sweep sections (when `sweep` is given) and
 * the clustering sections (when `cluster` is given). No ids appear unless
 * `cluster.exampleIds` is given.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * await writeFile("report.html", await renderClusterReport(input));
 */
export async function renderClusterReport(input: ClusterReportInput): Promise<string> {
  const context = sectionContext({
    profiles: input.cluster?.profiles,
    ...(input.lang === undefined ? {} : { lang: input.lang }),
  });
  return renderReport(input.interactive, async () =>
    renderDocument({
      ...(input.lang === undefined ? {} : { lang: input.lang }),
      title: input.title,
      subtitle: subtitle(input),
      header: reportHeader(input),
      sections: await composeSections(CLUSTER_REPORT, input, context),
      footer: reportFooter(input),
    }),
  );
}
