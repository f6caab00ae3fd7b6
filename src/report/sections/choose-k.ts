/**
 * What the sweep measured about k beyond its indices, and how they voted:
 * the vote table (each index's k, its weight, its evidence; the indices that
 * disagree with the recommendation marked), the gap curve with error bars,
 * and bootstrap stability per k with its spread.
 */
import type { Ballot, VoteResult } from "../../evaluate/vote.js";
import { INDEX_NAMES } from "../../evaluate/vote.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { gapSpec, type GapPoint } from "../specs/gap.js";
import type { SectionContext } from "./section.js";

/** The choosing-k part of a sweep report (built by the sweep workflow). */
export interface ChooseKReportData {
  vote: Pick<VoteResult, "ballots" | "recommendedK" | "confidence" | "reason">;
  /** The gap curve over k = 1..K (absent when switched off), with how it was computed. */
  gap?: { points: GapPoint[]; references: number; rows: number; sampled: boolean };
  /** Stability per swept k (absent when switched off). */
  stability?: {
    perK: { k: number; ari: number; ariSd: number }[];
    resamples: number;
    rows: number;
    sampled: boolean;
  };
}

const CONFIDENCE_TEXT: Record<VoteResult["confidence"], string> = {
  agreed: "the indices agree",
  split: "the indices are split",
  "no-structure": "no clear cluster structure",
};

/** Where the computation ran: all rows, or a seeded sample. */
function rowsText(rows: number, sampled: boolean): string {
  return sampled
    ? `a seeded sample of ${rows.toLocaleString("en")} rows`
    : `all ${rows.toLocaleString("en")} rows`;
}

/**
 * The vote table, the gap curve and the stability table of a sweep (each
 * only when computed).
 *
 * @throws {Error} when the gap chart fails to render
 * @example
 * (await chooseKSection(choose, sectionContext())).map((s) => s.id); // => ["vote", "gap", "stability"]
 */
export async function chooseKSection(
  data: ChooseKReportData,
  _context: SectionContext,
): Promise<ReportSection[]> {
  const { vote } = data;
  const k = vote.recommendedK;
  const sections: ReportSection[] = [
    {
      id: "vote",
      title: "How the indices voted",
      html: join(
        callout({
          title: `k = ${k}: ${CONFIDENCE_TEXT[vote.confidence]}`,
          body: vote.reason,
        }),
        table<Ballot>({
          caption:
            "Each index's proposal. Weight 0: shown as evidence, not counted. " +
            "Highlighted rows disagree with the recommendation.",
          rows: vote.ballots,
          highlight: (b) => b.k !== null && b.k !== k,
          columns: [
            { header: "Index", value: (b) => INDEX_NAMES[b.index] },
            {
              header: "Proposes k",
              value: (b) => (b.k === null ? "—" : String(b.k)),
              align: "right",
            },
            { header: "Weight", value: (b) => b.weight, decimals: 0 },
            { header: "Evidence", value: (b) => b.evidence, wide: true },
          ],
        }),
      ),
    },
  ];
  if (data.gap) {
    const gapK = vote.ballots.find((b) => b.index === "gap")?.k ?? null;
    const svg = await renderSvg(gapSpec(data.gap.points, { gapK }));
    sections.push({
      id: "gap",
      title: "Gap statistic",
      html: join(
        paragraph(
          `Gap(k) compares the within-cluster dispersion with that of ${data.gap.references} ` +
            `reference sets drawn uniformly over the data's principal-component box, on ${rowsText(data.gap.rows, data.gap.sampled)}. ` +
            "k = 1 on the left: a curve that never rises above it means no cluster structure.",
        ),
        chart({
          svg,
          caption:
            gapK === null
              ? "Bars: ±1 standard error."
              : `Bars: ±1 standard error. Dashed line: the gap's pick, k = ${gapK}.`,
        }),
      ),
    });
  }
  if (data.stability) {
    const s = data.stability;
    sections.push({
      id: "stability",
      title: "Stability",
      html: join(
        paragraph(
          `Each k was refitted on ${s.resamples} bootstrap resamples of ${rowsText(s.rows, s.sampled)}; ` +
            "the adjusted Rand index between two resamples' clusterings on their shared rows says how well k is reproduced " +
            "(1: identical; below about 0.8 the clusters move between resamples).",
        ),
        table({
          caption:
            "Mean pairwise ARI per k and its spread (standard deviation over resample pairs).",
          rows: s.perK,
          highlight: (row) => row.k === k,
          columns: [
            { header: "k", value: (row) => String(row.k), align: "right" },
            { header: "Mean ARI", value: (row) => row.ari, decimals: 3 },
            { header: "Spread (sd)", value: (row) => row.ariSd, decimals: 3 },
          ],
        }),
      ),
    });
  }
  return sections;
}
