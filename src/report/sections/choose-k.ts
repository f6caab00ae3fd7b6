/**
 * What the sweep measured about k beyond its indices, and how they voted:
 * the vote table (each index's k, its weight, its evidence; the indices that
 * disagree with the recommendation marked), the gap curve with error bars,
 * and bootstrap stability per k with its spread.
 */
import type { Ballot, VoteResult } from "../../evaluate/vote.js";
import { callout, chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { gapSpec, type GapPoint } from "../specs/gap.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import type { SectionContext } from "./section.js";
import { ballotEvidence, indexName, voteReason, type VoteWording } from "./vote-words.js";

/** The choosing-k part of a sweep report (built by the sweep workflow). */
export interface ChooseKReportData {
  vote: VoteWording;
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

const CONFIDENCE_KEY = {
  agreed: "choose.agreed",
  split: "choose.split",
  "no-structure": "choose.noStructure",
} as const satisfies Record<VoteResult["confidence"], MessageKey>;

/**
 * The vote's confidence in words ("the indices agree", …).
 *
 * @example
 * confidenceText("split", localeFor("en")); // => "the indices are split"
 */
export function confidenceText(confidence: VoteResult["confidence"], { t }: Locale): string {
  return t(CONFIDENCE_KEY[confidence]);
}

/** Where the computation ran: all rows, or a seeded sample. */
function rowsText(rows: number, sampled: boolean, { t, integer }: Locale): string {
  return t(sampled ? "choose.rowsSample" : "choose.rowsAll", { rows: integer(rows) });
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
  context: SectionContext,
): Promise<ReportSection[]> {
  const { locale } = context;
  const { t } = locale;
  const { vote } = data;
  const k = vote.recommendedK;
  const sections: ReportSection[] = [
    {
      id: "vote",
      title: t("title.vote"),
      html: join(
        callout({
          title: t("choose.verdict", { k, confidence: confidenceText(vote.confidence, locale) }),
          body: voteReason(vote, locale),
        }),
        table<Ballot>({
          caption: t("choose.voteCaption"),
          rows: vote.ballots,
          highlight: (b) => b.k !== null && b.k !== k,
          columns: [
            { header: t("choose.index"), value: (b) => indexName(b.index, locale) },
            {
              header: t("choose.proposes"),
              value: (b) => (b.k === null ? "—" : String(b.k)),
              align: "right",
            },
            { header: t("choose.weight"), value: (b) => b.weight, decimals: 0 },
            { header: t("choose.evidence"), value: (b) => ballotEvidence(b, locale), wide: true },
          ],
        }),
      ),
    },
  ];
  if (data.gap) {
    const gapK = vote.ballots.find((b) => b.index === "gap")?.k ?? null;
    const svg = await renderSvg(gapSpec(data.gap.points, { gapK, locale }));
    sections.push({
      id: "gap",
      title: t("title.gap"),
      html: join(
        paragraph(
          t("choose.gapIntro", {
            references: data.gap.references,
            rows: rowsText(data.gap.rows, data.gap.sampled, locale),
          }),
        ),
        chart({
          svg,
          caption: gapK === null ? t("choose.gapCaption") : t("choose.gapCaptionPick", { k: gapK }),
        }),
      ),
    });
  }
  if (data.stability) {
    const s = data.stability;
    sections.push({
      id: "stability",
      title: t("title.stability"),
      html: join(
        paragraph(
          t("choose.stabilityIntro", {
            resamples: s.resamples,
            rows: rowsText(s.rows, s.sampled, locale),
          }),
        ),
        table({
          caption: t("choose.stabilityCaption"),
          rows: s.perK,
          highlight: (row) => row.k === k,
          columns: [
            { header: t("choose.k"), value: (row) => String(row.k), align: "right" },
            { header: t("choose.meanAri"), value: (row) => row.ari, decimals: 3 },
            { header: t("choose.spread"), value: (row) => row.ariSd, decimals: 3 },
          ],
        }),
      ),
    });
  }
  return sections;
}
