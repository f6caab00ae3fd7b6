/**
 * The K-Means report written by `sweep` and `cluster`: data and cleaning,
 * scaling, the k sweep (elbow, quality indices, recommendation) and the
 * clustering (silhouettes, PCA map, profiles, sizes). Sections appear only
 * when their data is present.
 */
import type { ScalerParameters } from "../prepare/types.js";
import type { ClusterProfile, Profiles } from "../evaluate/profile-types.js";
import { formatInteger, formatNumber, formatPercent } from "./format.js";
import { callout, chart, facts, join, markup, paragraph, renderDocument, table } from "./html.js";
import type { Fact, HeaderField, ReportSection, SafeHtml, TableColumn } from "./html.js";
import { renderSvg } from "./render.js";
import { elbowSpec } from "./specs/elbow.js";
import { pcaScatterSpec, MAX_PCA_POINTS } from "./specs/pca.js";
import { clusterSizeSpec, profileHeatmapSpec } from "./specs/profile.js";
import { qualityIndicesSpec } from "./specs/quality.js";
import { knifeLayout, MAX_KNIFE_BARS, silhouetteKnifeSpec } from "./specs/silhouette.js";
import { clusterColor, clusterName } from "./specs/theme.js";
import type { ClusterNames } from "./specs/theme.js";
import type { ClusterReportData, ClusterReportInput, SweepReportData } from "./types.js";

/**
 * "2024-05-01 09:30 UTC" for an ISO timestamp (the text unchanged when it
 * does not parse). UTC so that the output does not depend on the machine.
 *
 * @example
 * formatTimestamp("2024-05-01T09:30:00.000Z"); // => "2024-05-01 09:30 UTC"
 */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatInteger(count)} ${count === 1 ? one : many}`;
}

/**
 * Labels of clusters by reported number, from their profiles, so every chart
 * names clusters the same way ("2: Lapsed").
 *
 * @example
 * namesFromProfiles(profiles)[0]; // => "Very frequent · High spend"
 */
export function namesFromProfiles(profiles: Profiles): ClusterNames {
  return Object.fromEntries(profiles.clusters.map((profile) => [profile.cluster, profile.label]));
}

/** A small square in the cluster's chart colour, to tie table rows to charts. */
function swatch(cluster: number): SafeHtml {
  const color = clusterColor(cluster);
  return markup`<span class="swatch" style="background:${color}" aria-hidden="true"></span>`;
}

function clusterCell(cluster: number, names: ClusterNames): SafeHtml {
  return join(swatch(cluster), clusterName(cluster, names));
}

const SCALING_TEXT: Record<
  ScalerParameters["method"],
  { short: string; sentence: string; center: string; scale: string }
> = {
  zscore: {
    short: "z-scores",
    sentence: "Each feature was standardized: (x − mean) / standard deviation (population).",
    center: "Mean",
    scale: "SD",
  },
  robust: {
    short: "robust-scaled",
    sentence: "Each feature was robust-scaled: (x − median) / interquartile range.",
    center: "Median",
    scale: "IQR",
  },
  minmax: {
    short: "min–max scaled",
    sentence: "Each feature was min–max scaled: (x − min) / (max − min).",
    center: "Min",
    scale: "Range",
  },
  none: {
    short: "unscaled",
    sentence: "Features were not scaled; K-Means used the values as they are.",
    center: "Center",
    scale: "Scale",
  },
};

// ---------------------------------------------------------------- overview

/**
 * The opening summary: headline numbers and, when the clustering does not use
 * the recommended k, a warning saying so.
 *
 * @example
 * overviewSection(input).title; // => "Summary"
 */
export function overviewSection(input: ClusterReportInput): ReportSection {
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
    const names = namesFromProfiles(cluster.profiles);
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
        detail: clusterName(largest.cluster, names),
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
  return { id: "summary", title: "Summary", html: join(facts(items), mismatch) };
}

// ---------------------------------------------------------------- data and scaling

function duplicateDetail(
  duplicates: number,
  dedupe: ClusterReportInput["summary"]["dedupe"],
): string {
  if (duplicates === 0) return "none";
  if (dedupe === "last") return "kept the last row";
  if (dedupe === "first") return "kept the first row";
  return "";
}

/**
 * What was read and what cleaning did: row counts, notes, and per column the
 * missing and non-numeric cells, statistics and actions.
 *
 * @example
 * dataSection(input).id; // => "data"
 */
export function dataSection(input: ClusterReportInput): ReportSection {
  const s = input.summary;
  const reasons = [
    [s.droppedMissing, "missing"],
    [s.droppedNonNumeric, "non-numeric"],
    [s.droppedLogInvalid, "invalid for log"],
    [s.droppedDuplicates, "duplicate ids"],
  ] as const;
  const dropReasons = reasons
    .filter(([count]) => count > 0)
    .map(([count, reason]) => `${formatInteger(count)} ${reason}`);
  const items: Fact[] = [
    { label: "Rows read", value: formatInteger(s.inputRows) },
    {
      label: "Rows kept",
      value: formatInteger(s.keptRows),
      detail:
        s.inputRows > 0 ? `${formatPercent(s.keptRows / s.inputRows)} of rows read` : undefined,
    },
    {
      label: "Rows dropped",
      value: formatInteger(s.inputRows - s.keptRows),
      detail: dropReasons.length > 0 ? dropReasons.join(", ") : "none",
    },
    {
      label: "Duplicate ids",
      value: formatInteger(s.duplicateIds),
      detail: duplicateDetail(s.duplicateIds, s.dedupe),
    },
  ];
  const missingPolicy =
    s.impute === "median"
      ? "Missing or non-numeric feature values were filled with the column median."
      : "Rows with a missing or non-numeric feature value were dropped.";
  const columns = table({
    caption:
      "Per feature: problems found and statistics of the kept values in original units " +
      "(before clipping and log).",
    rows: s.columns,
    columns: [
      { header: "Feature", value: (c) => c.name },
      { header: "Missing", value: (c) => c.missing, decimals: 0 },
      { header: "Non-numeric", value: (c) => c.nonNumeric, decimals: 0 },
      { header: "Imputed", value: (c) => c.imputed, decimals: 0 },
      { header: "Clipped", value: (c) => c.clipped, decimals: 0 },
      { header: "Min", value: (c) => c.min },
      { header: "Max", value: (c) => c.max },
      { header: "Mean", value: (c) => c.mean },
      { header: "SD", value: (c) => c.sd, description: "Standard deviation" },
      { header: "Action", value: (c) => c.action, align: "left", wide: true },
    ],
  });
  const notes =
    s.notes.length > 0
      ? markup`<ul class="notes">${s.notes.map((note) => markup`<li>${note}</li>`)}</ul>`
      : null;
  const source = markup`<p>Source: <code>${s.source}</code>. ${missingPolicy}</p>`;
  return {
    id: "data",
    title: "Data and cleaning",
    html: join(source, facts(items), notes, markup`<h3>Columns</h3>`, columns),
  };
}

/**
 * The transform applied before clustering, with its parameters per feature
 * (enough to apply it to another table).
 *
 * @example
 * scalingSection(input.scaler).title; // => "Scaling"
 */
export function scalingSection(scaler: ScalerParameters): ReportSection {
  const text = SCALING_TEXT[scaler.method];
  interface ScalerRow {
    feature: string;
    log: boolean;
    lower: number | null;
    upper: number | null;
    center: number;
    scale: number;
  }
  const rows: ScalerRow[] = scaler.features.map((feature, j) => ({
    feature,
    log: scaler.log.includes(feature),
    lower: scaler.clip?.lower[j] ?? null,
    upper: scaler.clip?.upper[j] ?? null,
    center: scaler.center[j] ?? Number.NaN,
    scale: scaler.scale[j] ?? Number.NaN,
  }));
  const steps = [
    scaler.clip ? "clip to the bounds" : "",
    scaler.log.length > 0 ? "log1p on the marked features" : "",
    "(x − center) / scale",
  ].filter((step) => step !== "");
  const clipColumns: TableColumn<ScalerRow>[] = scaler.clip
    ? [
        { header: "Clip lower", value: (r) => r.lower },
        { header: "Clip upper", value: (r) => r.upper },
      ]
    : [];
  const parameters = table<ScalerRow>({
    rows,
    columns: [
      { header: "Feature", value: (r) => r.feature },
      { header: "log1p", value: (r) => (r.log ? "yes" : "—"), align: "left" },
      ...clipColumns,
      { header: `Center (${text.center})`, value: (r) => r.center, align: "right" },
      { header: `Scale (${text.scale})`, value: (r) => r.scale, align: "right" },
    ],
  });
  return {
    id: "scaling",
    title: "Scaling",
    html: join(
      paragraph(`${text.sentence} Transform, in order: ${steps.join(" → ")}.`),
      parameters,
    ),
  };
}

// ---------------------------------------------------------------- sweep

/** Decimals for a column: none when every value is at least 100 in size, else two. */
function decimalsFor(values: readonly number[]): number {
  return values.every((value) => !Number.isFinite(value) || Math.abs(value) >= 100) ? 0 : 2;
}

/**
 * The sweep sections: elbow curve, quality indices against k, and the
 * recommendation with the sweep table (recommended row highlighted).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await sweepSections(input.sweep!);
 */
export async function sweepSections(sweep: SweepReportData): Promise<ReportSection[]> {
  const { rows, recommendation } = sweep;
  const { elbowK, recommendedK } = recommendation;
  const [elbowSvg, qualitySvg] = await Promise.all([
    renderSvg(elbowSpec(rows, { elbowK, recommendedK })),
    renderSvg(qualityIndicesSpec(rows, { recommendedK })),
  ]);

  const runs =
    `Each k was fitted with ${plural(sweep.restarts, "k-means++ restart")} (seed ${sweep.seed}); ` +
    "the run with the lowest inertia was kept.";
  const elbowCaption =
    elbowK === null
      ? "The curve has no clear knee, so the recommendation rests on the silhouette. " +
        "The circled point is the recommended k."
      : `Dashed line: the knee at k = ${elbowK} (Kneedle). Circled point: the recommended k = ${recommendedK}.`;
  const elbow: ReportSection = {
    id: "elbow",
    title: "Elbow curve",
    html: join(
      paragraph(
        "Inertia (the within-cluster sum of squared distances) always falls as k grows; " +
          `the knee is where adding clusters stops paying off. ${runs}`,
      ),
      chart({ svg: elbowSvg, caption: elbowCaption }),
    ),
  };

  const quality: ReportSection = {
    id: "quality",
    title: "Quality indices by k",
    html: join(
      paragraph(
        "Three views of separation: silhouette (−1 to 1) and Calinski–Harabasz reward compact, " +
          "well-separated clusters; Davies–Bouldin is better when lower. Each panel has its own scale.",
      ),
      chart({
        svg: qualitySvg,
        caption:
          `Dashed line and circled points: the recommended k = ${recommendedK}. ` +
          `Silhouettes computed on ${plural(sweep.silhouetteSampleSize, "row")}.`,
      }),
    ),
  };

  const sweepTable = table({
    caption: "Sweep results. The highlighted row is the recommended k.",
    rows: [...rows].sort((a, b) => a.k - b.k),
    highlight: (row) => row.k === recommendedK,
    columns: [
      {
        header: "k",
        value: (row) => (row.k === recommendedK ? `${row.k} ★` : String(row.k)),
        align: "right",
      },
      {
        header: "Inertia",
        value: (row) => row.inertia,
        decimals: decimalsFor(rows.map((row) => row.inertia)),
      },
      {
        header: "Silhouette",
        value: (row) => row.silhouette,
        decimals: 3,
        description: "Mean silhouette, higher is better",
      },
      {
        header: "Calinski–Harabasz",
        value: (row) => row.calinskiHarabasz,
        decimals: 1,
        description: "Higher is better",
      },
      {
        header: "Davies–Bouldin",
        value: (row) => row.daviesBouldin,
        decimals: 3,
        description: "Lower is better",
      },
      { header: "Iterations", value: (row) => row.iterations, decimals: 0 },
    ],
  });
  const recommendationSection: ReportSection = {
    id: "recommendation",
    title: "Recommendation",
    html: join(
      callout({ title: `Recommended k = ${recommendedK}`, body: recommendation.reason }),
      sweepTable,
    ),
  };
  return [elbow, quality, recommendationSection];
}

// ---------------------------------------------------------------- clustering

interface SilhouetteSummaryRow {
  cluster: number;
  n: number;
  mean: number;
  negative: number;
}

function silhouetteSummary(data: ClusterReportData["silhouette"]): SilhouetteSummaryRow[] {
  const byCluster = new Map<number, number[]>();
  for (const { cluster, silhouette } of data.values) {
    if (!Number.isFinite(silhouette)) continue;
    let list = byCluster.get(cluster);
    if (!list) byCluster.set(cluster, (list = []));
    list.push(silhouette);
  }
  return [...byCluster.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cluster, values]) => ({
      cluster,
      n: values.length,
      mean: values.reduce((sum, value) => sum + value, 0) / values.length,
      negative: values.filter((value) => value < 0).length / values.length,
    }));
}

function silhouetteSection(
  data: ClusterReportData["silhouette"],
  names: ClusterNames,
  svg: string,
): ReportSection {
  const bars = knifeLayout(data.values, MAX_KNIFE_BARS).bars.length;
  const sample =
    data.sampleSize >= data.totalRows
      ? `all ${plural(data.totalRows, "row")}`
      : `a seeded sample of ${formatInteger(data.sampleSize)} of ${plural(data.totalRows, "row")}`;
  const thinned =
    bars < data.values.length
      ? ` Drawn as ${formatInteger(bars)} bars (evenly spaced quantiles within each cluster).`
      : "";
  const perCluster = table<SilhouetteSummaryRow>({
    rows: silhouetteSummary(data),
    columns: [
      { header: "Cluster", value: (row) => clusterCell(row.cluster, names) },
      { header: "Rows in sample", value: (row) => row.n, decimals: 0 },
      { header: "Mean silhouette", value: (row) => row.mean, decimals: 3 },
      {
        header: "Negative silhouette",
        value: (row) => formatPercent(row.negative),
        align: "right",
        description: "Share of rows closer to another cluster than to their own",
      },
    ],
  });
  return {
    id: "silhouette",
    title: "Silhouette by cluster",
    html: join(
      paragraph(
        "Each bar is one row: how much closer it is to its own cluster than to the next nearest " +
          "(1 = clearly placed, 0 = on a border, below 0 = closer to another cluster). " +
          "Wide, even knives mean solid clusters; long negative tails mean overlap.",
      ),
      chart({
        svg,
        caption: `Silhouettes of ${sample}.${thinned} Dashed line: the mean silhouette, ${formatNumber(data.average, 3)}.`,
      }),
      perCluster,
    ),
  };
}

function pcaSection(pca: ClusterReportData["pca"], svg: string): ReportSection {
  const together = pca.explained[0] + pca.explained[1];
  const shown = Math.min(pca.points.length, MAX_PCA_POINTS);
  const caption =
    shown >= pca.totalRows
      ? `All ${plural(pca.totalRows, "row")} shown.`
      : `${formatInteger(shown)} of ${plural(pca.totalRows, "row")} shown (seeded sample, every cluster represented).`;
  const lowVariance =
    together < 0.5
      ? callout({
          tone: "info",
          title: "The map shows less than half of the variance",
          body:
            "Clusters that overlap here may still be apart in the dimensions the map leaves out; " +
            "trust the silhouettes and profiles over this picture.",
        })
      : null;
  return {
    id: "pca",
    title: "PCA map",
    html: join(
      paragraph(
        "The scaled rows projected on their first two principal components, coloured by cluster. " +
          `PC1 and PC2 explain ${formatPercent(pca.explained[0])} and ${formatPercent(pca.explained[1])} ` +
          `of the variance (${formatPercent(together)} together).`,
      ),
      lowVariance,
      chart({ svg, caption }),
    ),
  };
}

function profileTable(profiles: Profiles, names: ClusterNames): SafeHtml {
  const ordered = [...profiles.clusters].sort((a, b) => a.cluster - b.cluster);
  // Mean over median in one cell: half the columns of side-by-side pairs, so wide feature sets fit.
  const featureColumns: TableColumn<ClusterProfile>[] = profiles.features.map((feature) => ({
    header: feature,
    description: "Mean, with the median below",
    align: "right",
    value: (p) => {
      const median = formatNumber(p.median[feature] ?? Number.NaN);
      return markup`${formatNumber(p.mean[feature] ?? Number.NaN)}<span class="sub">${median}</span>`;
    },
  }));
  return table<ClusterProfile>({
    rows: ordered,
    columns: [
      { header: "Cluster", value: (p) => clusterCell(p.cluster, names), wide: true },
      { header: "Size", value: (p) => p.size, decimals: 0 },
      { header: "Share", value: (p) => formatPercent(p.share), align: "right" },
      ...featureColumns,
    ],
  });
}

function exampleIdsSection(
  examples: Record<number, string[]>,
  profiles: Profiles,
  names: ClusterNames,
): ReportSection {
  const rows = [...profiles.clusters]
    .sort((a, b) => a.cluster - b.cluster)
    .filter((p) => (examples[p.cluster]?.length ?? 0) > 0);
  return {
    id: "examples",
    title: "Example ids",
    html: join(
      paragraph("A few ids from each cluster, shown because the report was asked to include ids."),
      table<ClusterProfile>({
        rows,
        columns: [
          { header: "Cluster", value: (p) => clusterCell(p.cluster, names) },
          { header: "Ids", value: (p) => (examples[p.cluster] ?? []).join(", "), align: "left" },
        ],
      }),
    ),
  };
}

/**
 * The clustering sections: silhouette knife plot, PCA map, profile heatmap,
 * cluster sizes, profile table and (only when given) example ids.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await clusterSections(input.cluster!);
 */
export async function clusterSections(cluster: ClusterReportData): Promise<ReportSection[]> {
  const { profiles, silhouette, pca } = cluster;
  const names = namesFromProfiles(profiles);
  const [knifeSvg, pcaSvg, heatmapSvg, sizesSvg] = await Promise.all([
    renderSvg(silhouetteKnifeSpec(silhouette, { names })),
    renderSvg(pcaScatterSpec(pca, { names })),
    renderSvg(profileHeatmapSpec(profiles)),
    renderSvg(clusterSizeSpec(profiles.clusters)),
  ]);
  const totalRows = profiles.clusters.reduce((sum, c) => sum + c.size, 0);
  const sections: ReportSection[] = [
    silhouetteSection(silhouette, names, knifeSvg),
    pcaSection(pca, pcaSvg),
    {
      id: "profiles",
      title: "Cluster profiles",
      html: join(
        paragraph(
          "Each cell is a cluster's average on a feature, as a z-score against all rows: " +
            "orange above the overall mean, blue below, 0 = average. " +
            `Clusters are ordered by ${profiles.orderedBy}.`,
        ),
        chart({
          svg: heatmapSvg,
          caption:
            "Values are the centroid z-scores used to name the clusters; " +
            "the profile table below gives the same clusters in original units.",
        }),
      ),
    },
    {
      id: "sizes",
      title: "Cluster sizes",
      html: chart({
        svg: sizesSvg,
        caption: `Rows per cluster (${plural(totalRows, "row")} in all).`,
      }),
    },
    {
      id: "profile-table",
      title: "Profile table",
      html: join(
        paragraph(
          "Per cluster and feature: the mean, with the median below it in grey, in original units " +
            "(after imputation and clipping, before log and scaling).",
        ),
        profileTable(profiles, names),
      ),
    },
  ];
  const examples = cluster.exampleIds;
  if (examples && Object.keys(examples).length > 0)
    sections.push(exampleIdsSection(examples, profiles, names));
  return sections;
}

// ---------------------------------------------------------------- document

/**
 * The header lines of a K-Means report: command, source, features and when
 * and by which version it was generated.
 *
 * @example
 * reportHeader(input)[0].label; // => "Command"
 */
export function reportHeader(input: ClusterReportInput): HeaderField[] {
  return [
    { label: "Command", value: markup`<code>${input.command}</code>` },
    { label: "Source", value: input.summary.source },
    { label: "Features", value: input.features.join(", ") },
    {
      label: "Generated",
      value: `${formatTimestamp(input.generatedAt)} by segwork ${input.version}`,
    },
  ];
}

function subtitle(input: ClusterReportInput): string {
  const rows = plural(input.summary.keptRows, "row");
  const features = plural(input.features.length, "feature");
  if (input.cluster && input.sweep) {
    return `K-Means with k = ${input.cluster.k} on ${rows} and ${features}, with a sweep of k to choose it.`;
  }
  if (input.cluster) return `K-Means with k = ${input.cluster.k} on ${rows} and ${features}.`;
  if (input.sweep) {
    return `A sweep of k for K-Means on ${rows} and ${features}, to choose the number of clusters.`;
  }
  return `Data prepared for K-Means: ${rows} and ${features}.`;
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
  const [sweep, cluster] = await Promise.all([
    input.sweep ? sweepSections(input.sweep) : Promise.resolve([]),
    input.cluster ? clusterSections(input.cluster) : Promise.resolve([]),
  ]);
  return renderDocument({
    title: input.title,
    subtitle: subtitle(input),
    header: reportHeader(input),
    sections: [
      overviewSection(input),
      dataSection(input),
      scalingSection(input.scaler),
      ...sweep,
      ...cluster,
    ],
    footer:
      `Generated by segwork ${input.version} on ${formatTimestamp(input.generatedAt)}. ` +
      "This file is self-contained: it loads nothing from the network.",
  });
}
