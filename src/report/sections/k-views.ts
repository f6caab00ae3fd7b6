/**
 * The sweep's per-k views, as scikit-learn's "Selecting the number of
 * clusters with silhouette analysis" example: for each swept k, the knife
 * plot of the sweep's silhouette sample beside the PCA map coloured by that
 * k's clusters, with a text alternative from the numbers. The sweep workflow
 * draws and bounds the data; this section only renders it.
 */
import type { PcaProjection } from "../../evaluate/types.js";
import { chart, join, paragraph } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { sideBySideSpec } from "../specs/k-views.js";
import { pcaScatterSpec } from "../specs/pca.js";
import { silhouetteKnifeSpec } from "../specs/silhouette.js";
import type { SectionContext } from "./section.js";

/** One cluster of one k in the sweep's silhouette sample. */
export interface KViewCluster {
  /** Reported cluster number (ordered as the cluster report orders them). */
  cluster: number;
  /** Sample rows in the cluster. */
  rows: number;
  /** Mean silhouette of those rows. */
  mean: number;
  /** Share of those rows with a silhouette below zero. */
  negativeShare: number;
  /** Evenly spaced quantiles of its silhouettes, highest first (the knife's bars). */
  bars: number[];
}

/** The views of one k. */
export interface KView {
  k: number;
  /** Mean silhouette on the sample (the sweep's score). */
  silhouette: number;
  clusters: KViewCluster[];
  /** The map's points: the same sample rows for every k, coloured by this k's clusters. */
  points: PcaProjection["points"];
}

/** Every swept k's views, from the sweep's silhouette sample. */
export interface KViewsData {
  /** Rows of the silhouette sample, and of the table. */
  sampleRows: number;
  totalRows: number;
  /** Variance explained by PC1 and PC2 of the sample. */
  explained: [number, number];
  views: KView[];
  /** The recommended k (its views are marked). */
  recommendedK: number;
}

/** Width of each of the two charts of a k, in pixels. */
const PANEL_WIDTH = 300;

/** The text alternative of one k: its mean silhouette and the cluster with most rows below zero. */
function viewAlt(view: KView, context: SectionContext): string {
  const { t, number, percent } = context.locale;
  const worst = view.clusters.reduce<KViewCluster | undefined>(
    (w, c) => (w === undefined || c.negativeShare > w.negativeShare ? c : w),
    undefined,
  );
  const mean = number(view.silhouette, 2);
  if (worst === undefined || worst.negativeShare === 0) {
    return t("kviews.altNone", { k: view.k, mean });
  }
  return t("kviews.alt", {
    k: view.k,
    mean,
    cluster: worst.cluster,
    share: percent(worst.negativeShare, 0),
  });
}

async function viewChart(view: KView, data: KViewsData, context: SectionContext) {
  const { t, number, percent } = context.locale;
  const byCluster = new Map(view.clusters.map((c) => [c.cluster, c]));
  const values = view.clusters.flatMap((c) =>
    c.bars.map((silhouette) => ({ cluster: c.cluster, silhouette })),
  );
  const knife = silhouetteKnifeSpec(
    { values, sampleSize: data.sampleRows, totalRows: data.totalRows, average: view.silhouette },
    {
      maxBars: Math.max(1, values.length),
      width: PANEL_WIDTH,
      height: 240,
      axisTitle: t("kviews.axisSilhouette"),
      averageText: t("kviews.average", { mean: number(view.silhouette, 2) }),
      groupLabel: (group) => {
        const c = byCluster.get(group.cluster);
        return c ? t("kviews.group", { cluster: c.cluster, mean: number(c.mean, 2) }) : "";
      },
    },
  );
  const map = pcaScatterSpec(
    { explained: data.explained, points: view.points, totalRows: data.totalRows },
    {
      maxPoints: Math.max(1, view.points.length),
      width: PANEL_WIDTH,
      legend: false,
      axisTitles: [
        t("kviews.pcAxis", { component: 1, share: percent(data.explained[0]) }),
        t("kviews.pcAxis", { component: 2, share: percent(data.explained[1]) }),
      ],
    },
  );
  const svg = await renderSvg(sideBySideSpec(knife, map));
  const title =
    view.k === data.recommendedK
      ? t("kviews.titleRecommended", { k: view.k })
      : t("kviews.title", { k: view.k });
  return chart({ svg, title, alt: viewAlt(view, context) });
}

/**
 * The per-k views: one side-by-side knife plot and PCA map per swept k
 * (charts rendered in parallel, in k order).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await kViewsSection(data, sectionContext())).id; // => "k-views"
 */
export async function kViewsSection(
  data: KViewsData,
  context: SectionContext,
): Promise<ReportSection> {
  const { t, integer } = context.locale;
  const charts = await Promise.all(data.views.map((view) => viewChart(view, data, context)));
  const shown = Math.max(0, ...data.views.map((v) => v.points.length));
  return {
    id: "k-views",
    title: t("title.kViews"),
    html: join(
      paragraph(
        t("kviews.intro", {
          sample:
            data.sampleRows >= data.totalRows
              ? t("silhouette.all", { rows: data.totalRows })
              : t("silhouette.sample", { sample: integer(data.sampleRows), rows: data.totalRows }),
          shown: integer(shown),
        }),
      ),
      ...charts,
    ),
  };
}
