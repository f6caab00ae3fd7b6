/**
 * The agreement section of a comparison: ARI, NMI, homogeneity,
 * completeness and V-measure, with a reading for people.
 */
import type { AgreementScores, Comparison, UnmatchedIds } from "../../compare/types.js";
import { formatInteger, formatNumber } from "../format.js";
import { callout, facts, join, paragraph } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import { notesList, plural } from "../report-text.js";
import { idList } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/**
 * One sentence reading the agreement scores for people: how much the two
 * schemes agree (by ARI) and which one is the finer split (homogeneity
 * against completeness).
 *
 * @throws never
 * @example
 * agreementReading({ adjustedRandIndex: 0.32, homogeneity: 0.58, completeness: 0.4, … }, "K-Means", "RFM");
 * // => "K-Means and RFM overlap partly (ARI 0.32). RFM is the finer split: …"
 */
export function agreementReading(
  scores: Pick<AgreementScores, "adjustedRandIndex" | "homogeneity" | "completeness">,
  nameA: string,
  nameB: string,
): string {
  const ari = scores.adjustedRandIndex;
  const level =
    ari >= 0.8
      ? "give almost the same grouping"
      : ari >= 0.5
        ? "largely agree"
        : ari >= 0.2
          ? "overlap partly"
          : ari >= 0.05
            ? "agree only a little"
            : "are close to unrelated (chance-level agreement)";
  const h = formatNumber(scores.homogeneity, 2);
  const c = formatNumber(scores.completeness, 2);
  const gap = scores.homogeneity - scores.completeness;
  const finer =
    gap > 0.1
      ? `${nameB} is the finer split: its segments mostly sit inside one ${nameA} group (homogeneity ${h}), while ${nameA} groups spread over several of them (completeness ${c}).`
      : gap < -0.1
        ? `${nameA} is the finer split: its groups mostly sit inside one ${nameB} segment (completeness ${c}), while ${nameB} segments spread over several of them (homogeneity ${h}).`
        : `Neither is clearly the finer split (homogeneity ${h}, completeness ${c}).`;
  return `${nameA} and ${nameB} ${level} (ARI ${formatNumber(ari, 2)}). ${finer}`;
}

function unmatchedNote(
  side: string,
  other: string,
  ids: UnmatchedIds,
  showIds: boolean,
): string | null {
  if (ids.count === 0) return null;
  const examples = ids.examples.length > 0 ? ` (e.g. ${idList(ids.examples, showIds)})` : "";
  return `${plural(ids.count, "client")} in ${side} but not in ${other}${examples} are left out of every measure.`;
}

/**
 * The agreement of the two schemes: how they were matched, a reading in
 * words, the five scores and the clients only one side has.
 *
 * @example
 * agreementSection(comparison, context).title; // => "Rules vs clusters"
 */
export function agreementSection(c: Comparison, context: SectionContext): ReportSection {
  const { scores, nameA, nameB, matching } = c;
  const showIds = context.showIds;
  const items: Fact[] = [
    {
      label: "ARI",
      value: formatNumber(scores.adjustedRandIndex, 3),
      detail: "1 = same grouping, 0 = chance",
    },
    { label: "NMI", value: formatNumber(scores.normalizedMutualInfo, 3), detail: "0 to 1" },
    {
      label: "Homogeneity",
      value: formatNumber(scores.homogeneity, 3),
      detail: "each B segment inside one A group",
    },
    {
      label: "Completeness",
      value: formatNumber(scores.completeness, 3),
      detail: "each A group inside one B segment",
    },
    {
      label: "V-measure",
      value: formatNumber(scores.vMeasure, 3),
      detail: "mean of the two",
    },
  ];
  const notes = [
    unmatchedNote(nameA, nameB, matching.onlyInA, showIds),
    unmatchedNote(nameB, nameA, matching.onlyInB, showIds),
    c.missingFromClients && c.missingFromClients.count > 0
      ? `${plural(c.missingFromClients.count, "client")} lack a row in the client table (e.g. ${idList(c.missingFromClients.examples, showIds)}); their features count as missing.`
      : null,
  ].filter((note): note is string => note !== null);
  return {
    id: "comparison",
    title: context.locale.t("title.agreement"),
    html: join(
      paragraph(
        `${nameA} (side A, ${formatInteger(matching.totalA)} clients) against ${nameB} (side B, ${formatInteger(matching.totalB)} clients), ` +
          `matched by client id: ${formatInteger(scores.n)} clients are in both. ` +
          "The scores are computed as in scikit-learn: ARI and NMI measure overall agreement; homogeneity and completeness say which side splits finer.",
      ),
      callout({
        title: "In short",
        body: agreementReading(scores, nameA, nameB),
        tone: "recommendation",
      }),
      facts(items),
      notesList(notes),
    ),
  };
}
