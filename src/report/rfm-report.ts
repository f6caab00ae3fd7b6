/**
 * The RFM sections: score distributions with their cut points, named
 * segments with their descriptions, the R×F grid of mean monetary value and
 * the check of the segment rules (shadowed rules, uncovered cells, the
 * unmatched group). Segment names and descriptions come from config files
 * and are escaped by the building blocks.
 */
import type {
  RfmBin,
  RfmBinning,
  RfmMeasure,
  SegmentRule,
  SegmentRuleLint,
} from "../rules/types.js";
import { describeEmptyScores } from "../rules/rfm-scores.js";
import { formatInteger, formatPercent } from "./format.js";
import { callout, chart, facts, join, markup, paragraph, table } from "./html.js";
import type { Fact, ReportSection, SafeHtml } from "./html.js";
import { renderSvg } from "./render.js";
import { bilingual, codeList, formatCut, notesList, pill, plural } from "./report-text.js";
import {
  rfHeatmapSpec,
  rfMonetaryCells,
  rfmScoreDistributionSpec,
  segmentSizeSpec,
} from "./specs/rfm.js";
import type { RfmReportData } from "./types.js";

const MEASURE_NAMES: Record<RfmMeasure, string> = {
  recency: "Recency (days)",
  frequency: "Frequency (orders)",
  monetary: "Monetary",
};

/** The values a bin holds, as text: "< 14.8", "14.8 to < 34", "≥ 181" (r-rfm) or "1 – 13" (ntile). */
function binRange(bin: RfmBin, first: boolean, last: boolean, binning: RfmBinning): string {
  if (bin.count === 0 && binning === "ntile") return "—";
  if (binning === "ntile") {
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

function ruleText(rule: Pick<SegmentRule, "recency" | "frequency" | "monetary">): string {
  const range = (letter: string, [low, high]: readonly [number, number]): string =>
    low === high ? `${letter} ${low}` : `${letter} ${low}–${high}`;
  return `${range("R", rule.recency)} · ${range("F", rule.frequency)} · ${range("M", rule.monetary)}`;
}

interface SegmentRow {
  name: string;
  nameZh?: string;
  rule: string;
  description?: string;
  strategy?: string[];
  owner?: string;
  count: number;
  share: number;
  unmatched: boolean;
}

function segmentRows(rfm: RfmReportData): SegmentRow[] {
  const { table: segmentTable, assignment } = rfm;
  return assignment.counts.map((count) => {
    if (count.index < 0) {
      return {
        name: count.name,
        nameZh: segmentTable.unmatchedZh,
        rule: "no rule matches",
        description: "Clients whose scores no segment rule covers",
        count: count.count,
        share: count.share,
        unmatched: true,
      };
    }
    const rule = segmentTable.segments[count.index]!;
    return {
      name: count.name,
      nameZh: rule.nameZh,
      rule: ruleText(rule),
      description: rule.description,
      strategy: rule.strategy,
      owner: rule.owner,
      count: count.count,
      share: count.share,
      unmatched: false,
    };
  });
}

function segmentTableHtml(rows: SegmentRow[]): SafeHtml {
  const withStrategy = rows.some((row) => (row.strategy?.length ?? 0) > 0);
  const withOwner = rows.some((row) => row.owner !== undefined);
  return table<SegmentRow>({
    caption:
      "Segments in rule order: a client gets the first segment whose three ranges all hold its scores.",
    rows,
    columns: [
      { header: "Segment", value: (row) => bilingual(row.name, row.nameZh) },
      {
        header: "Scores",
        value: (row) =>
          row.unmatched ? row.rule : markup`<code class="nowrap">${row.rule}</code>`,
        description: "Recency, frequency and monetary score ranges (inclusive)",
      },
      { header: "Description", value: (row) => row.description ?? "", wide: true },
      ...(withStrategy
        ? [
            {
              header: "Strategy",
              value: (row: SegmentRow) =>
                markup`<span class="keywords">${(row.strategy ?? []).join(", ")}</span>`,
            },
          ]
        : []),
      ...(withOwner ? [{ header: "Owner", value: (row: SegmentRow) => row.owner ?? "" }] : []),
      { header: "Clients", value: (row) => row.count, decimals: 0 },
      { header: "Share", value: (row) => formatPercent(row.share), align: "right" },
    ],
  });
}

const LINT_STATUS: Record<
  SegmentRuleLint["status"],
  { text: string; tone: "ok" | "warn" | "bad" }
> = {
  ok: { text: "ok", tone: "ok" },
  "partially-shadowed": { text: "partly shadowed", tone: "warn" },
  "fully-shadowed": { text: "never matches", tone: "bad" },
  empty: { text: "empty ranges", tone: "bad" },
};

function lintSection(rfm: RfmReportData): ReportSection {
  const { lint } = rfm;
  const unmatchedName = rfm.assignment.unmatchedName;
  const flagged = lint.rules.filter((rule) => rule.status !== "ok");
  const dead = lint.rules.filter(
    (rule) => rule.status === "fully-shadowed" || rule.status === "empty",
  );
  const unmatchedClients = lint.unmatchedClients ?? rfm.assignment.unmatchedCount;
  const clients = lint.clients ?? rfm.assignment.segment.length;
  const items: Fact[] = [
    { label: "Rules", value: formatInteger(lint.rules.length) },
    {
      label: "Never match",
      value: formatInteger(dead.length),
      detail: dead.length > 0 ? dead.map((rule) => rule.name).join(", ") : "none",
    },
    {
      label: "Partly shadowed",
      value: formatInteger(lint.partiallyShadowed.length),
      detail: "lose score cells to earlier rules",
    },
    {
      label: "Uncovered cells",
      value: formatInteger(lint.uncoveredCells),
      detail: `of ${formatInteger(lint.totalCells)} score cells`,
    },
    {
      label: `In “${unmatchedName}”`,
      value: formatInteger(unmatchedClients),
      detail: clients > 0 ? `${formatPercent(unmatchedClients / clients)} of clients` : undefined,
    },
  ];
  const warning =
    dead.length > 0
      ? callout({
          tone: "warning",
          title: `${plural(dead.length, "segment rule")} can never match`,
          body: `Earlier rules take every score cell of ${dead.map((rule) => `“${rule.name}”`).join(", ")}. Move ${dead.length === 1 ? "it" : "them"} up or narrow the rules above.`,
        })
      : null;
  const flaggedTable =
    flagged.length > 0
      ? table<SegmentRuleLint>({
          caption: `Out of the ${formatInteger(lint.totalCells)} cells of the ${lint.bins}×${lint.bins}×${lint.bins} score grid: cells inside each rule's ranges, cells it wins (first match), and cells earlier rules take.`,
          rows: flagged,
          columns: [
            { header: "Rule", value: (rule) => rule.name },
            {
              header: "Status",
              value: (rule) => pill(LINT_STATUS[rule.status].text, LINT_STATUS[rule.status].tone),
            },
            { header: "Cells", value: (rule) => rule.cells, decimals: 0 },
            { header: "Wins", value: (rule) => rule.wins, decimals: 0 },
            {
              header: "Lost",
              value: (rule) => formatPercent(rule.shadowedShare, 0),
              align: "right",
              description: "Share of the rule's cells taken by earlier rules",
            },
            {
              header: "Taken by",
              wide: true,
              value: (rule) =>
                rule.shadowedBy.map((by) => `${by.name} (${formatInteger(by.cells)})`).join(", "),
            },
          ],
        })
      : paragraph("Every rule wins all the score cells inside its ranges.");
  const uncovered =
    lint.uncoveredCells > 0
      ? join(
          paragraph(
            `${plural(lint.uncoveredCells, "score cell")} of ${formatInteger(lint.totalCells)} match no rule; ` +
              `clients there go to “${unmatchedName}” (${formatInteger(unmatchedClients)} clients). The cells, as boxes:`,
          ),
          codeList(lint.uncovered.map((box) => box.label)),
        )
      : paragraph(`Every score cell is covered by a rule, so “${unmatchedName}” stays empty.`);
  return {
    id: "rfm-lint",
    title: "Segment rule check",
    html: join(
      paragraph(
        "Segment rules are checked on every combination of scores, not only on the clients at hand: " +
          "a rule whose cells are all taken by earlier rules can never match, whatever the data.",
      ),
      facts(items),
      warning,
      markup`<h3>Rules that lose cells</h3>`,
      flaggedTable,
      markup`<h3>Cells no rule covers</h3>`,
      uncovered,
    ),
  };
}

/**
 * The RFM sections: score distributions with cut points, segment sizes with
 * their descriptions, the R×F heatmap of mean monetary, and the rule check.
 *
 * @throws {Error} when a chart fails to render
 * @example
 * const sections = await rfmSections(data.rfm!, { currency: "GBP" });
 */
export async function rfmSections(
  rfm: RfmReportData,
  options: { currency?: string } = {},
): Promise<ReportSection[]> {
  const { scores, assignment } = rfm;
  const rows = segmentRows(rfm);
  const cells = rfMonetaryCells(
    scores.recencyScore,
    scores.frequencyScore,
    rfm.monetary,
    scores.bins,
  );
  const [distributionSvg, sizesSvg, heatmapSvg] = await Promise.all([
    renderSvg(rfmScoreDistributionSpec(scores)),
    renderSvg(
      segmentSizeSpec(
        rows.map((row) => ({
          name: row.name,
          count: row.count,
          share: row.share,
          unmatched: row.unmatched,
        })),
      ),
    ),
    renderSvg(rfHeatmapSpec(cells, scores.bins, options)),
  ]);
  const clients = assignment.segment.length;
  const emptyNotes = describeEmptyScores(scores);
  const emptyScores =
    emptyNotes.length > 0
      ? callout({ tone: "info", title: "Some scores are empty", body: notesList(emptyNotes)! })
      : null;
  const scoresSection: ReportSection = {
    id: "rfm-scores",
    title: "RFM scores",
    html: join(
      paragraph(binningSentence(rfm)),
      chart({
        svg: distributionSvg,
        caption: `Clients per score for each measure (${plural(clients, "client")}).`,
      }),
      emptyScores,
      cutTable(rfm),
    ),
  };
  const used = rows.filter((row) => !row.unmatched && row.count > 0).length;
  const largest = [...rows].sort((a, b) => b.count - a.count)[0];
  const segmentsSection: ReportSection = {
    id: "rfm-segments",
    title: "RFM segments",
    html: join(
      paragraph(
        `${plural(rfm.table.segments.length, "segment rule")}, first match wins; ${formatInteger(used)} of them hold clients.` +
          (largest
            ? ` The largest is “${largest.name}” with ${formatPercent(largest.share)} of clients.`
            : ""),
      ),
      chart({
        svg: sizesSvg,
        caption: `Clients per segment in rule order; “${assignment.unmatchedName}” (grey) holds clients no rule matches.`,
      }),
      segmentTableHtml(rows),
    ),
  };
  const heatmapSection: ReportSection = {
    id: "rfm-grid",
    title: "Recency × frequency",
    html: join(
      paragraph(
        "Mean monetary value of the clients in each recency × frequency cell: spend usually rises " +
          "towards the top right (recent and frequent). Blank cells have no clients.",
      ),
      chart({
        svg: heatmapSvg,
        caption: "Each cell: mean monetary value and number of clients (n).",
      }),
    ),
  };
  return [scoresSection, segmentsSection, heatmapSection, lintSection(rfm)];
}
