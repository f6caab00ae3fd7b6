/**
 * The sentences of the one-page summary, in English and Chinese. Each
 * builder returns the sentence its numbers support, or null when the
 * evidence is missing: there is no template with blanks.
 */
import type { ValueSeparation } from "../../compare/types.js";
import { formatInteger, formatNumber, formatPercent } from "../format.js";
import { listWords, SCHEME_WORDS, segmentName, traitWords } from "./words.js";
import { CHANGE_MIN_SHARE, MAX_CHANGES } from "./types.js";
import type { PreviousPeriod, SummaryLang, SummaryScheme, SummarySegment } from "./types.js";

const END: Record<SummaryLang, string> = { en: ".", "zh-CN": "。" };

/**
 * How many clients and segments: "4,338 clients in 11 RFM segments." Null
 * without clients.
 *
 * @example
 * headlineSentence(scheme, "en"); // => "4,338 clients in 11 RFM segments."
 */
export function headlineSentence(scheme: SummaryScheme, lang: SummaryLang): string | null {
  if (scheme.clients === 0 || scheme.segments.length === 0) return null;
  const clients = formatInteger(scheme.clients);
  const k = scheme.segments.length;
  const kind = SCHEME_WORDS[lang][scheme.kind];
  return lang === "en"
    ? `${clients} clients in ${k} ${k === 1 ? kind.replace(/s$/, "") : kind}.`
    : `${clients} 位客户分为 ${k} 个${/^[A-Za-z]/.test(kind) ? " " : ""}${kind}。`;
}

/**
 * Where revenue concentrates: the segment with the largest revenue share and
 * its share of clients. Null when the scheme has no revenue.
 *
 * @example
 * concentrationSentence(scheme, "en"); // => "The top segment by revenue, Champions, makes 44.8% of revenue with 7.4% of clients."
 */
export function concentrationSentence(scheme: SummaryScheme, lang: SummaryLang): string | null {
  const withRevenue = scheme.segments.filter((s) => s.revenueShare !== undefined);
  if (withRevenue.length === 0) return null;
  const top = withRevenue.reduce((a, b) => (b.revenueShare! > a.revenueShare! ? b : a));
  const name = segmentName(top, lang);
  const revenue = formatPercent(top.revenueShare!);
  const clients = formatPercent(top.clientShare);
  return lang === "en"
    ? `The top segment by revenue, ${name}, makes ${revenue} of revenue with ${clients} of clients.`
    : `收入最高的分群是${name}，以 ${clients} 的客户贡献了 ${revenue} 的收入。`;
}

/**
 * One line per segment: size, share, revenue share and what sets it apart.
 * Parts without numbers are left out.
 *
 * @example
 * segmentSentence(champions, "en"); // => "Champions: 352 clients (8.1%), 38.2% of revenue; spend 4.5× the average and orders 3.9× the average."
 */
export function segmentSentence(segment: SummarySegment, lang: SummaryLang): string {
  const name = segmentName(segment, lang);
  const clients = formatInteger(segment.clients);
  const share = formatPercent(segment.clientShare);
  const size = lang === "en" ? `${clients} clients (${share})` : `${clients} 位客户（${share}）`;
  const revenue =
    segment.revenueShare === undefined
      ? ""
      : lang === "en"
        ? `, ${formatPercent(segment.revenueShare)} of revenue`
        : `，贡献 ${formatPercent(segment.revenueShare)} 的收入`;
  const marks = segment.traits.map((t) => traitWords(t, lang));
  if (segment.scoreRange) {
    const [lo, hi] = segment.scoreRange;
    const range = `${formatNumber(lo, 0)}–${formatNumber(hi, 0)}`;
    marks.push(lang === "en" ? `score ${range}` : `评分 ${range}`);
  }
  // Chinese clauses are separated by a comma, not joined by 和.
  const traits =
    marks.length === 0
      ? ""
      : lang === "en"
        ? `; ${listWords(marks, lang)}`
        : `；${marks.join("，")}`;
  return `${name}${lang === "en" ? ": " : "："}${size}${revenue}${traits}${END[lang]}`;
}

// Chinese sets a space between a Chinese character and a Latin word or
// number, and none between two Chinese characters.
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * Chinese words and names joined as Chinese is typeset: a space only where a
 * Latin word or number meets its neighbour.
 *
 * @example
 * zhJoin(["K-Means", "比", "RFM 客户分群", "更能"]); // => "K-Means 比 RFM 客户分群更能"
 */
export function zhJoin(parts: readonly string[]): string {
  return parts.reduce((text, part) => {
    if (text === "" || part === "") return text + part;
    const bothChinese = CJK.test(text.at(-1)!) && CJK.test(part[0]!);
    return bothChinese ? text + part : `${text} ${part}`;
  }, "");
}

/**
 * Which scheme separates value better, from the between-segment Gini of the
 * comparison. Null without a value separation.
 *
 * @example
 * separationSentence(comparison.separation, "en"); // => "K-Means separates value better than RFM segments: between-segment Gini 0.612 against 0.551."
 */
export function separationSentence(
  separation: ValueSeparation | null | undefined,
  lang: SummaryLang,
  names?: { a: string; b: string },
): string | null {
  if (!separation) return null;
  // The schemes' names in the report's language where the caller has them (e.g. "RFM 客户分群").
  const a = { ...separation.a, name: names?.a ?? separation.a.name };
  const b = { ...separation.b, name: names?.b ?? separation.b.name };
  if (separation.better === "tie") {
    const ginis = `${formatNumber(a.betweenGini, 3)}${lang === "en" ? " and " : " 与 "}${formatNumber(b.betweenGini, 3)}`;
    return lang === "en"
      ? `${a.name} and ${b.name} separate value about equally (between-segment Gini ${ginis}).`
      : `${zhJoin([a.name, "与", b.name, "区分客户价值的程度相当"])}（分群间基尼系数 ${ginis}）。`;
  }
  const [better, other] = separation.better === "A" ? [a, b] : [b, a];
  const g1 = formatNumber(better.betweenGini, 3);
  const g2 = formatNumber(other.betweenGini, 3);
  return lang === "en"
    ? `${better.name} separates value better than ${other.name}: between-segment Gini ${g1} against ${g2}.`
    : `${zhJoin([better.name, "比", other.name, "更能区分客户价值"])}：分群间基尼系数 ${g1}，后者为 ${g2}。`;
}

interface Change {
  segment: Pick<SummarySegment, "name" | "nameZh">;
  before: number;
  now: number;
}

function shareChanges(scheme: SummaryScheme, previous: PreviousPeriod): Change[] {
  const before = previous.segments.reduce((sum, s) => sum + s.clients, 0);
  if (before === 0 || scheme.clients === 0) return [];
  const changes = new Map<string, Change>();
  for (const s of scheme.segments)
    changes.set(s.name, { segment: s, before: 0, now: s.clients / scheme.clients });
  for (const s of previous.segments) {
    const change = changes.get(s.name) ?? { segment: { name: s.name }, before: 0, now: 0 };
    changes.set(s.name, { ...change, before: change.before + s.clients / before });
  }
  return [...changes.values()]
    .filter((c) => Math.abs(c.now - c.before) >= CHANGE_MIN_SHARE)
    .sort((x, y) => Math.abs(y.now - y.before) - Math.abs(x.now - x.before))
    .slice(0, MAX_CHANGES);
}

function changeSentence(change: Change, label: string, lang: SummaryLang): string {
  const name = segmentName(change.segment, lang);
  const p0 = formatPercent(change.before);
  const p1 = formatPercent(change.now);
  if (change.before === 0)
    return lang === "en"
      ? `${name} is new since ${label}: ${p1} of clients.`
      : `${name}为${label}之后新出现的分群，占客户 ${p1}。`;
  if (change.now === 0)
    return lang === "en"
      ? `${name} had ${p0} of clients in ${label} and has none now.`
      : `${name}在${label}占客户 ${p0}，本期已无客户。`;
  const grew = change.now > change.before;
  return lang === "en"
    ? `${name} ${grew ? "grew" : "shrank"} from ${p0} to ${p1} of clients since ${label}.`
    : `${name}占客户比例自${label}以来由 ${p0} ${grew ? "升至" : "降至"} ${p1}。`;
}

/**
 * What changed since the previous period: the client count, then the
 * segments whose share of clients moved by at least {@link CHANGE_MIN_SHARE},
 * largest move first (at most {@link MAX_CHANGES}). Empty without a previous
 * period or when nothing moved that much.
 *
 * @example
 * changeSentences(scheme, { label: "2011-Q3", segments: [{ name: "Champions", clients: 300 }] }, "en");
 */
export function changeSentences(
  scheme: SummaryScheme,
  previous: PreviousPeriod | undefined,
  lang: SummaryLang,
): string[] {
  if (!previous) return [];
  const label = previous.label ?? (lang === "en" ? "the last period" : "上期");
  const before = previous.segments.reduce((sum, s) => sum + s.clients, 0);
  const sentences: string[] = [];
  if (before > 0 && before !== scheme.clients) {
    const n0 = formatInteger(before);
    const n1 = formatInteger(scheme.clients);
    const delta = (scheme.clients - before) / before;
    const signed = `${delta > 0 ? "+" : "−"}${formatPercent(Math.abs(delta))}`;
    sentences.push(
      lang === "en"
        ? `Clients went from ${n0} to ${n1} (${signed}) since ${label}.`
        : `客户总数自${label}以来由 ${n0} 变为 ${n1}（${signed}）。`,
    );
  }
  for (const change of shareChanges(scheme, previous))
    sentences.push(changeSentence(change, label, lang));
  return sentences;
}

/**
 * What to do with a segment: its strategy keywords and owner from the
 * config. Null when the config gives neither.
 *
 * @example
 * actionSentence({ name: "Champions", strategy: ["reward"], owner: "CRM" } as SummarySegment, "en"); // => "Champions: reward (owner: CRM)."
 */
export function actionSentence(segment: SummarySegment, lang: SummaryLang): string | null {
  // zh-CN reads the config's Chinese keywords and owner where it gives them.
  const strategyGiven = lang === "en" ? segment.strategy : (segment.strategyZh ?? segment.strategy);
  const ownerGiven = lang === "en" ? segment.owner : (segment.ownerZh ?? segment.owner);
  const strategy = strategyGiven?.filter((s) => s.trim() !== "") ?? [];
  const owner = ownerGiven?.trim() ? ownerGiven.trim() : undefined;
  if (strategy.length === 0 && owner === undefined) return null;
  const name = segmentName(segment, lang);
  if (lang === "en") {
    const what = strategy.length > 0 ? strategy.join(", ") : "";
    const who = owner === undefined ? "" : what ? ` (owner: ${owner})` : `owned by ${owner}`;
    return `${name}: ${what}${who}.`;
  }
  const what = strategy.join("、");
  const who = owner === undefined ? "" : `${what ? "；" : ""}负责人：${owner}`;
  return `${name}：${what}${who}。`;
}
