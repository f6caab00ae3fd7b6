/**
 * The vote's sentences in the report's language. English keeps the stage's
 * own wording (`Ballot.evidence`, `VoteResult.reason`), so an English report
 * reads exactly as `sweep.json`'s reason; other languages are worded here
 * from the numbers the stage returns beside its sentences.
 */
import type { Ballot, VoteIndex, VoteResult } from "../../evaluate/vote.js";
import { INDEX_NAMES } from "../../evaluate/vote.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";

/** The vote data the sentences are worded from. */
export type VoteWording = Pick<
  VoteResult,
  | "ballots"
  | "recommendedK"
  | "confidence"
  | "reason"
  | "tieBreak"
  | "bestSilhouette"
  | "noStructure"
  | "lone"
>;

const NAME_KEY = {
  knee: "vote.name.knee",
  silhouette: "vote.name.silhouette",
  calinskiHarabasz: "vote.name.calinskiHarabasz",
  daviesBouldin: "vote.name.daviesBouldin",
  jump: "vote.name.jump",
  bic: "vote.name.bic",
  gap: "vote.name.gap",
  stability: "vote.name.stability",
} as const satisfies Record<VoteIndex, MessageKey>;

/** An index's name in the report's language, e.g. "轮廓系数". */
export function indexName(index: VoteIndex, locale: Locale): string {
  return locale.lang === "en" ? INDEX_NAMES[index] : locale.t(NAME_KEY[index]);
}

/**
 * A ballot's evidence in the report's language.
 *
 * @example
 * ballotEvidence(ballot, localeFor("zh-CN")); // => "轮廓系数在 k = 4 处最高（0.412）"
 */
export function ballotEvidence(ballot: Ballot, locale: Locale): string {
  if (locale.lang === "en") return ballot.evidence;
  const { t, number } = locale;
  const { k, facts } = ballot;
  if (facts.notComputed)
    return t("vote.ev.notComputed", { index: indexName(ballot.index, locale) });
  switch (ballot.index) {
    case "knee":
      return k === null ? t("vote.ev.kneeNone") : t("vote.ev.knee", { k });
    case "silhouette":
      return k === null || facts.value === undefined
        ? t("vote.ev.silhouetteNone")
        : t("vote.ev.silhouette", { k, value: number(facts.value, 3) });
    case "calinskiHarabasz":
      return k === null ? t("vote.ev.calinskiHarabaszNone") : t("vote.ev.calinskiHarabasz", { k });
    case "daviesBouldin":
      return k === null ? t("vote.ev.daviesBouldinNone") : t("vote.ev.daviesBouldin", { k });
    case "jump":
      return facts.noStructure || k === null ? t("vote.ev.jumpNone") : t("vote.ev.jump", { k });
    case "bic":
      if (facts.skewedK !== undefined)
        return t("vote.ev.bicSkewed", {
          k: facts.skewedK,
          skewness: number(facts.skewness ?? Number.NaN, 2),
          max: number(facts.maxSkewness ?? Number.NaN, 1),
        });
      if (facts.edgeK !== undefined) return t("vote.ev.bicEdge", { k: facts.edgeK });
      return facts.noStructure || k === null ? t("vote.ev.bicNone") : t("vote.ev.bic", { k });
    case "gap": {
      const rule = facts.rule ?? "";
      return facts.noStructure || k === null
        ? t("vote.ev.gapNone", { rule })
        : t("vote.ev.gap", { k, rule });
    }
    case "stability": {
      const words = {
        k: k ?? "—",
        value: number(facts.value ?? Number.NaN, 2),
        threshold: number(facts.threshold ?? Number.NaN, 2),
      };
      return facts.reproduced ? t("vote.ev.stability", words) : t("vote.ev.stabilityNone", words);
    }
  }
}

/**
 * Why there is no structure, beside the gap's k = 1: a weak silhouette and/or
 * no stable k. Data from before the stability ground read by the silhouette.
 */
function noStructureGrounds(vote: VoteWording, locale: Locale): string {
  const { t, number } = locale;
  const grounds = vote.noStructure ?? { weakSilhouette: true, unstable: false };
  const parts: string[] = [];
  if (grounds.weakSilhouette)
    parts.push(
      t("vote.groundSilhouette", { silhouette: number(vote.bestSilhouette ?? Number.NaN, 3) }),
    );
  if (grounds.unstable && vote.noStructure)
    parts.push(
      t("vote.groundUnstable", {
        ari: number(vote.noStructure.bestStability ?? Number.NaN, 2),
        threshold: number(vote.noStructure.stabilityThreshold, 2),
      }),
    );
  return parts.join(t("vote.groundsJoin"));
}

/**
 * Why the vote chose its k, in the report's language: the verdict, the
 * indices for and against, each ballot's evidence, and how a tie was broken.
 *
 * @example
 * voteReason(vote, localeFor("zh-CN")); // => "推荐 k = 2，但各指标意见分歧：…"
 */
export function voteReason(vote: VoteWording, locale: Locale): string {
  // Data from before the stage returned its numbers: keep its sentence.
  if (locale.lang === "en" || vote.ballots.some((b) => b.facts === undefined)) return vote.reason;
  const { t } = locale;
  const k = vote.recommendedK;
  const voted = vote.ballots.filter((b) => b.k !== null);
  const forK = voted.filter((b) => b.k === k).map((b) => indexName(b.index, locale));
  const against = voted
    .filter((b) => b.k !== k)
    .map((b) => `${indexName(b.index, locale)} k = ${b.k}`);
  const head =
    vote.confidence === "no-structure"
      ? t("vote.reasonNoStructure", { k, grounds: noStructureGrounds(vote, locale) })
      : t(vote.confidence === "agreed" ? "vote.reasonAgreed" : "vote.reasonSplit", {
          k,
          indices: forK.join("、"),
        });
  const parts = [head];
  if (against.length > 0) parts.push(t("vote.dissent", { list: against.join("，") }));
  parts.push(
    t("vote.evidence", { list: vote.ballots.map((b) => ballotEvidence(b, locale)).join("；") }),
  );
  if (vote.tieBreak) {
    const [first, ...rest] = vote.tieBreak.candidates;
    parts.push(
      t("vote.tieBreak", {
        ks: vote.tieBreak.candidates.map((c) => `k=${c.k}`).join("、"),
        weight: vote.tieBreak.weight,
        k: first!.k,
        sum: first!.rankSum,
        others: rest.map((c) => c.rankSum).join("、"),
        curves: vote.tieBreak.curves.map((c) => indexName(c, locale)).join("、"),
      }),
    );
  }
  if (vote.lone) parts.push(t("vote.lone"));
  return parts.join("");
}
