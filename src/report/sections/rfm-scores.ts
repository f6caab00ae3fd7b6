/**
 * The RFM scores section: clients per score for each measure, and the values
 * behind each score (the cut points).
 */
import type { RfmBin, RfmBinning, RfmMeasure } from "../../rules/types.js";
import { describeEmptyScores } from "../../rules/rfm-scores.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import { formatCut, notesList, plural } from "../report-text.js";
import { rfmScoreDistributionSpec } from "../specs/rfm.js";
import type { RfmReportData } from "../types.js";
import type { SectionContext } from "./section.js";

const MEASURE_NAMES: Record<RfmMeasure, string> = {
  recency: "Recency (days)",
  frequency: "Frequency (orders)",
  monetary: "Monetary",
};

/** The values a bin holds, as text: "< 14.8", "14.8 to < 34", "≥ 181" (r-rfm) or "1 – 13" (ntile). */
function binRange(bin: RfmBin, first: boolean, last: boolean, binning: RfmBinning): string {
  // ntile, mean and median bins carry the smallest and largest value they hold.
  if (bin.count === 0 && binning !== "r-rfm") return "—";
  if (binning !== "r-rfm") {
    return bin.lower === bin.upper
      ? formatCut(bin.lower)
      : `${formatCut(bin.lower)} – ${formatCut(bin.upper)}`;
  }
  if (first && last) return "all";
  if (first) return `< ${formatCut(bin.upper)}`;
  if (last) return `≥ ${formatCut(bin.lower)}`;
  return `${formatCut(bin.lower)} to < ${formatCut(bin.upper)}`;
}

interface CutRow {
  score: number;
  cells: Record<RfmMeasure, { range: string; count: number }>;
}

function cutTable(rfm: RfmReportData): SafeHtml {
  const { scores } = rfm;
  const measures: RfmMeasure[] = ["recency", "frequency", "monetary"];
  const rows: CutRow[] = [];
  for (let score = scores.bins; score >= 1; score--) {
    const cells = {} as CutRow["cells"];
    for (const measure of measures) {
      const bins = scores.thresholds[measure].bins;
      const index = bins.findIndex((bin) => bin.score === score);
      const bin = bins[index];
      cells[measure] = bin
        ? {
            range: binRange(bin, index === 0, index === bins.length - 1, scores.binning),
            count: bin.count,
          }
        : { range: "—", count: 0 };
    }
    rows.push({ score, cells });
  }
  return table<CutRow>({
    caption:
      scores.binning === "r-rfm"
        ? "Values behind each score. Bins are half-open, as in R's rfm package: a value on a cut point gets the higher bin."
        : "Values behind each score: the smallest and largest value in each rank bin.",
    rows,
    columns: [
      { header: "Score", value: (row) => row.score, decimals: 0 },
      ...measures.flatMap((measure) => [
        {
          header: "Values",
          group: MEASURE_NAMES[measure],
          align: "right" as const,
          value: (row: CutRow) => row.cells[measure].range,
        },
        {
          header: "Clients",
          group: MEASURE_NAMES[measure],
          decimals: 0,
          value: (row: CutRow) => row.cells[measure].count,
        },
      ]),
    ],
  });
}

function binningSentence(rfm: RfmReportData): string {
  const { scores } = rfm;
  const sources = (["recency", "frequency", "monetary"] as const).map(
    (measure) => scores.thresholds[measure].source,
  );
  const custom = sources.includes("custom")
    ? " Cut points given in the configuration are used as written."
    : "";
  const method =
    scores.binning === "r-rfm"
      ? `Each measure is cut into ${scores.bins} scores at its quantiles, exactly as R's rfm package (0.3.0) does.`
      : `Each measure is cut into ${scores.bins} equal-sized groups by rank (ntile).`;
  return `${method}${custom} Score ${scores.bins} is the best: the most recent, most frequent and highest-spending clients.`;
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
  _context: SectionContext,
): Promise<ReportSection> {
  const { scores } = rfm;
  const svg = await renderSvg(rfmScoreDistributionSpec(scores));
  const clients = rfm.assignment.segment.length;
  const emptyNotes = describeEmptyScores(scores);
  const emptyScores =
    emptyNotes.length > 0
      ? callout({ tone: "info", title: "Some scores are empty", body: notesList(emptyNotes)! })
      : null;
  return {
    id: "rfm-scores",
    title: "RFM scores",
    html: join(
      paragraph(binningSentence(rfm)),
      chart({ svg, caption: `Clients per score for each measure (${plural(clients, "client")}).` }),
      emptyScores,
      cutTable(rfm),
    ),
  };
}
