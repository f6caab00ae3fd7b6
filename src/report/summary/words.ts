/**
 * The words of the summary in each language: how a scheme, a measure and a
 * list are named. Sentences are in `./sentences.ts`; numbers are formatted
 * the same way in both languages (the report's `format.ts`).
 */
import { formatNumber, formatPercent } from "../format.js";
import type { SummaryLang, SummarySegment, Trait } from "./types.js";

/** What the segments of each scheme are called, per language. */
export const SCHEME_WORDS: Record<
  SummaryLang,
  Record<"rfm" | "tiers" | "thresholds" | "clusters", string>
> = {
  en: {
    rfm: "RFM segments",
    tiers: "scorecard tiers",
    thresholds: "threshold segments",
    clusters: "K-Means clusters",
  },
  "zh-CN": {
    rfm: "RFM 分群",
    tiers: "评分等级",
    thresholds: "阈值分群",
    clusters: "K-Means 聚类",
  },
};

/** How a measure is named in a trait; other columns go by their name. */
const MEASURE_WORDS: Record<SummaryLang, Record<string, string>> = {
  en: {
    monetary: "spend",
    frequency: "orders",
    revenue: "revenue",
    recency_days: "days since the last order",
  },
  "zh-CN": {
    monetary: "消费金额",
    frequency: "消费频次",
    revenue: "收入",
    recency_days: "距上次消费天数",
  },
};

/**
 * The name of a segment in a language: the Chinese name when there is one.
 *
 * @example
 * segmentName({ name: "Champions", nameZh: "冠军客户" } as SummarySegment, "zh-CN"); // => "冠军客户"
 */
export function segmentName(
  segment: Pick<SummarySegment, "name" | "nameZh">,
  lang: SummaryLang,
): string {
  return lang === "zh-CN" && segment.nameZh !== undefined ? segment.nameZh : segment.name;
}

/**
 * A list in running text: "a, b and c" / "a、b和c".
 *
 * @example
 * listWords(["a", "b", "c"], "en"); // => "a, b and c"
 */
export function listWords(parts: readonly string[], lang: SummaryLang): string {
  if (parts.length <= 1) return parts.join("");
  const head = parts.slice(0, -1).join(lang === "en" ? ", " : "、");
  return `${head}${lang === "en" ? " and " : "和"}${parts[parts.length - 1]!}`;
}

/**
 * One trait in words. Recency is stated in days (fewer = more recent); other
 * measures as a multiple of the average (or a percentage of it when below).
 *
 * @example
 * traitWords({ feature: "monetary", segmentMean: 450, overallMean: 100 }, "en"); // => "spend 4.5× the average"
 */
export function traitWords(trait: Trait, lang: SummaryLang): string {
  const label = MEASURE_WORDS[lang][trait.feature] ?? trait.feature;
  if (trait.feature === "recency_days") {
    const seg = formatNumber(trait.segmentMean, 0);
    const all = formatNumber(trait.overallMean, 0);
    return lang === "en"
      ? `last ordered ${seg} days ago on average (all clients: ${all})`
      : `平均 ${seg} 天前消费（全部客户 ${all} 天）`;
  }
  const ratio = trait.segmentMean / trait.overallMean;
  if (ratio >= 1) {
    const times = formatNumber(ratio, 1);
    return lang === "en" ? `${label} ${times}× the average` : `${label}为平均的 ${times} 倍`;
  }
  const share = formatPercent(ratio, 0);
  return lang === "en" ? `${label} ${share} of the average` : `${label}仅为平均的 ${share}`;
}
