/**
 * The agreement section of a comparison: ARI, NMI, homogeneity,
 * completeness and V-measure, with a reading for people.
 */
import type { AgreementScores, Comparison, UnmatchedIds } from "../../compare/types.js";
import { callout, facts, join, paragraph } from "../html.js";
import type { Fact, ReportSection } from "../html.js";
import type { MessageKey } from "../i18n/en.js";
import { localeFor } from "../i18n/locale.js";
import type { Locale } from "../i18n/locale.js";
import { notesList } from "../report-text.js";
import { idList, schemeNames } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

/** How much two schemes agree, by ARI band (the lower bound of each band). */
const ARI_BANDS: readonly { from: number; key: MessageKey }[] = [
  { from: 0.8, key: "cmp.level.same" },
  { from: 0.5, key: "cmp.level.largely" },
  { from: 0.2, key: "cmp.level.partly" },
  { from: 0.05, key: "cmp.level.little" },
];

/**
 * One sentence reading the agreement scores for people: how much the two
 * schemes agree (by ARI) and which one is the finer split (homogeneity
 * against completeness), in the locale's language (default English).
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
  locale: Locale = localeFor("en"),
): string {
  const { t, number } = locale;
  const ari = scores.adjustedRandIndex;
  const level = t(ARI_BANDS.find((band) => ari >= band.from)?.key ?? "cmp.level.unrelated");
  const h = number(scores.homogeneity, 2);
  const c = number(scores.completeness, 2);
  const gap = scores.homogeneity - scores.completeness;
  const finerKey: MessageKey =
    gap > 0.1 ? "cmp.finer.b" : gap < -0.1 ? "cmp.finer.a" : "cmp.finer.neither";
  const finer = t(finerKey, { a: nameA, b: nameB, h, c });
  return t("cmp.reading", { a: nameA, b: nameB, level, ari: number(ari, 2), finer });
}

function unmatchedNote(
  side: string,
  other: string,
  ids: UnmatchedIds,
  showIds: boolean,
  t: Locale["t"],
): string | null {
  if (ids.count === 0) return null;
  const examples =
    ids.examples.length > 0 ? t("cmp.examples", { ids: idList(ids.examples, showIds) }) : "";
  return t("cmp.onlyOneSide", { count: ids.count, side, other, examples });
}

function agreementFacts(scores: AgreementScores, locale: Locale): Fact[] {
  const { t, number } = locale;
  return [
    {
      label: "ARI",
      value: number(scores.adjustedRandIndex, 3),
      detail: t("cmp.ariDetail"),
    },
    { label: "NMI", value: number(scores.normalizedMutualInfo, 3), detail: t("cmp.nmiDetail") },
    {
      label: t("cmp.homogeneity"),
      value: number(scores.homogeneity, 3),
      detail: t("cmp.homogeneityDetail"),
    },
    {
      label: t("cmp.completeness"),
      value: number(scores.completeness, 3),
      detail: t("cmp.completenessDetail"),
    },
    { label: t("cmp.vMeasure"), value: number(scores.vMeasure, 3), detail: t("cmp.vDetail") },
  ];
}

/**
 * The agreement of the two schemes: how they were matched, a reading in
 * words, the five scores and the clients only one side has.
 *
 * @example
 * agreementSection(comparison, context).title; // => "Rules vs clusters"
 */
export function agreementSection(c: Comparison, context: SectionContext): ReportSection {
  const { locale, showIds } = context;
  const { t, integer } = locale;
  const { scores, matching } = c;
  const names = schemeNames(c, context);
  const notes = [
    unmatchedNote(names.a, names.b, matching.onlyInA, showIds, t),
    unmatchedNote(names.b, names.a, matching.onlyInB, showIds, t),
    c.missingFromClients && c.missingFromClients.count > 0
      ? t("cmp.missingClients", {
          count: c.missingFromClients.count,
          ids: idList(c.missingFromClients.examples, showIds),
        })
      : null,
  ].filter((note): note is string => note !== null);
  return {
    id: "comparison",
    title: t("title.agreement"),
    html: join(
      paragraph(
        t("cmp.intro", {
          a: names.a,
          b: names.b,
          totalA: integer(matching.totalA),
          totalB: integer(matching.totalB),
          n: integer(scores.n),
        }),
      ),
      callout({
        title: t("cmp.inShort"),
        body: agreementReading(scores, names.a, names.b, locale),
        tone: "recommendation",
      }),
      facts(agreementFacts(scores, locale)),
      notesList(notes),
    ),
  };
}
