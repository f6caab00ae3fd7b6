/**
 * The RFM scores section: clients per score for each measure, and the values
 * behind each score (the cut points).
 */
import type { RfmBin, RfmBinning, RfmMeasure } from "../../rules/types.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import { formatCut, notesList } from "../report-text.js";
import type { Locale } from "../i18n/locale.js";
import type { MessageKey } from "../i18n/en.js";
import { rfmScoreDistributionSpec } from "../specs/rfm.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

const MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];

const MEASURE_NAME: Record<RfmMeasure, MessageKey> = {
  recency: "rfm.measure.recency",
  frequency: "rfm.measure.frequency",
  monetary: "rfm.measure.monetary",
};

/** Chart panel names of the measures, and their names inside a sentence. */
const MEASURE_PANEL: Record<RfmMeasure, MessageKey> = {
  recency: "rfm.panel.recency",
  frequency: "rfm.panel.frequency",
  monetary: "rfm.panel.monetary",
};
const MEASURE_WORD: Record<RfmMeasure, MessageKey> = {
  recency: "rfm.word.recency",
  frequency: "rfm.word.frequency",
  monetary: "rfm.word.monetary",
};

/** One note per measure with scores no client received (coinciding cut points, as in R's rfm). */
function emptyScoreNotes(rfm: RfmReportData, t: Locale["t"]): string[] {
  return MEASURES.flatMap((measure) => {
    const empty = rfm.scores.thresholds[measure].emptyScores;
    if (empty.length === 0) return [];
    const key = empty.length > 1 ? "rfm.emptyScores.many" : "rfm.emptyScores.one";
    return [t(key, { measure: t(MEASURE_WORD[measure]), scores: empty.join(", ") })];
  });
}

/** The values a bin holds, as text: "< 14.8", "14.8 to < 34", "≥ 181" (r-rfm) or "1 – 13" (ntile, mean, median). */
function binRange(
  bin: RfmBin,
  first: boolean,
  last: boolean,
  binning: RfmBinning,
  t: Locale["t"],
): string {
  // ntile, mean and median bins carry the smallest and largest value they hold.
  if (bin.count === 0 && binning !== "r-rfm") return "—";
  if (binning !== "r-rfm") {
    return bin.lower === bin.upper
      ? formatCut(bin.lower)
      : `${formatCut(bin.lower)} – ${formatCut(bin.upper)}`;
  }
  if (first && last) return t("rfm.cuts.all");
  if (first) return t("rfm.cuts.below", { cut: formatCut(bin.upper) });
  if (last) return t("rfm.cuts.from", { cut: formatCut(bin.lower) });
  return t("rfm.cuts.between", { low: formatCut(bin.lower), high: formatCut(bin.upper) });
}

interface CutRow {
  score: number;
  cells: Record<RfmMeasure, { range: string; count: number }>;
}

function cutCaption(binning: RfmBinning): MessageKey {
  if (binning === "r-rfm") return "rfm.cuts.captionRRfm";
  return binning === "ntile" ? "rfm.cuts.captionRank" : "rfm.cuts.captionCentre";
}

function cutTable(rfm: RfmReportData, t: Locale["t"]): SafeHtml {
  const { scores } = rfm;
  const rows: CutRow[] = [];
  for (let score = scores.bins; score >= 1; score--) {
    const cells = {} as CutRow["cells"];
    for (const measure of MEASURES) {
      const bins = scores.thresholds[measure].bins;
      const index = bins.findIndex((bin) => bin.score === score);
      const bin = bins[index];
      cells[measure] = bin
        ? {
            range: binRange(bin, index === 0, index === bins.length - 1, scores.binning, t),
            count: bin.count,
          }
        : { range: "—", count: 0 };
    }
    rows.push({ score, cells });
  }
  return table<CutRow>({
    caption: t(cutCaption(scores.binning)),
    rows,
    columns: [
      { header: t("rfm.cuts.score"), value: (row) => row.score, decimals: 0 },
      ...MEASURES.flatMap((measure) => [
        {
          header: t("rfm.cuts.values"),
          group: t(MEASURE_NAME[measure]),
          value: (row: CutRow) => row.cells[measure].range,
          align: "right" as const,
        },
        {
          header: t("rfm.cuts.clients"),
          group: t(MEASURE_NAME[measure]),
          value: (row: CutRow) => row.cells[measure].count,
          decimals: 0,
        },
      ]),
    ],
  });
}

function binningSentence(rfm: RfmReportData, t: Locale["t"]): string {
  const { scores } = rfm;
  const custom = MEASURES.some((measure) => scores.thresholds[measure].source === "custom")
    ? t("rfm.binning.custom")
    : "";
  const centre = (measure: RfmMeasure): string =>
    formatCut(scores.thresholds[measure].cuts[0] ?? Number.NaN);
  const method =
    scores.binning === "r-rfm"
      ? t("rfm.binning.rRfm", { bins: scores.bins })
      : scores.binning === "ntile"
        ? t("rfm.binning.ntile", { bins: scores.bins })
        : t(scores.binning === "mean" ? "rfm.binning.mean" : "rfm.binning.median", {
            recency: centre("recency"),
            frequency: centre("frequency"),
            monetary: centre("monetary"),
          });
  return `${method}${custom}${t("rfm.binning.best", { bins: scores.bins })}`;
}

/** The most common score of a measure and its count (the first of equals: the highest score). */
function topScore(rfm: RfmReportData, measure: RfmMeasure): { score: number; count: number } {
  let top = { score: 0, count: -1 };
  for (const bin of rfm.scores.thresholds[measure].bins)
    if (bin.count > top.count || (bin.count === top.count && bin.score > top.score))
      top = { score: bin.score, count: bin.count };
  return top;
}

/**
 * How the scores were cut, clients per score for each measure, empty scores
 * and the table of values behind each score.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await rfmScoresSection(data.rfm!, context)).id; // => "rfm-scores"
 */
export async function rfmScoresSection(
  rfm: RfmReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { t } = context.locale;
  const { scores } = rfm;
  const titles = {
    measures: {
      recency: t(MEASURE_PANEL.recency),
      frequency: t(MEASURE_PANEL.frequency),
      monetary: t(MEASURE_PANEL.monetary),
    },
    score: t("rfm.axis.score", { bins: scores.bins }),
    clients: t("rfm.axis.clients"),
  };
  const svg = await renderSvg(rfmScoreDistributionSpec(scores, { titles }));
  const clients = rfm.assignment.segment.length;
  const emptyNotes = emptyScoreNotes(rfm, t);
  const emptyScores =
    emptyNotes.length > 0
      ? callout({ tone: "info", title: t("rfm.scores.empty"), body: notesList(emptyNotes)! })
      : null;
  const top = topScore(rfm, "recency");
  const alt = t("rfm.scores.alt", {
    bins: scores.bins,
    clients,
    topRecency: top.score,
    topRecencyCount: top.count,
  });
  return {
    id: "rfm-scores",
    title: t("title.rfmScores"),
    html: join(
      paragraph(binningSentence(rfm, t)),
      chart({ svg, caption: t("rfm.scores.caption", { clients }), alt }),
      emptyScores,
      cutTable(rfm, t),
    ),
  };
}
