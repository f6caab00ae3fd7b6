/**
 * Cluster labels in the report's language. The evaluate stage names clusters
 * in English from a closed vocabulary (`../../evaluate/labels.ts`: words such
 * as "Lapsed" or "Very high spend", "High <feature>" for features it does not
 * know, "Average", parts joined by " · ", a " (2)" suffix on collisions), and
 * that label is what `model.json` and `assignments.csv` keep. A zh-CN report
 * reads the label back word by word and writes each word from the zh-CN
 * catalogue; distinct English words map to distinct Chinese ones, so the
 * labels stay unique. A label with a part it cannot read (a hand-edited
 * label, a feature name that itself contains " · ") is shown as it is.
 */
import { EN } from "./en.js";
import type { MessageKey } from "./en.js";
import type { Locale } from "./locale.js";

const WORD_PREFIX = "clusterLabel.";
const SEPARATOR_KEY: MessageKey = "clusterLabel.separator";

/** English word → its catalogue key, read from the catalogue itself. */
const WORD_KEYS: ReadonlyMap<string, MessageKey> = new Map(
  (Object.keys(EN) as MessageKey[])
    .filter((key) => key.startsWith(WORD_PREFIX) && key !== SEPARATOR_KEY && !EN[key].includes("{"))
    .map((key) => [EN[key], key] as const),
);

/** "High <feature>" and its kin: the words of features the stage has no vocabulary for. */
const FEATURE_WORDS: readonly [RegExp, MessageKey][] = [
  [/^Very high (.+)$/, "clusterLabel.veryHigh"],
  [/^Very low (.+)$/, "clusterLabel.veryLow"],
  [/^High (.+)$/, "clusterLabel.high"],
  [/^Low (.+)$/, "clusterLabel.low"],
];

const SEPARATOR = " · ";
const SUFFIX = /^(.*) \((\d+)\)$/;

function part(text: string, locale: Locale): string | null {
  const key = WORD_KEYS.get(text);
  if (key !== undefined) return locale.t(key);
  for (const [pattern, patternKey] of FEATURE_WORDS) {
    const match = pattern.exec(text);
    if (match) return locale.t(patternKey, { feature: match[1]! });
  }
  return null;
}

/**
 * A cluster label of the evaluate stage in the locale's language (English:
 * the label unchanged).
 *
 * @example
 * localClusterLabel("Very frequent · High spend", localeFor("zh-CN")); // => "消费非常频繁 · 消费金额高"
 * localClusterLabel("High tenure_x (2)", localeFor("zh-CN")); // => "tenure_x 偏高（2）"
 * localClusterLabel("Very frequent · High spend", localeFor("en")); // => "Very frequent · High spend"
 */
export function localClusterLabel(label: string, locale: Locale): string {
  if (locale.lang === "en") return label;
  const suffix = SUFFIX.exec(label);
  const body = suffix ? suffix[1]! : label;
  const words = body.split(SEPARATOR).map((text) => part(text, locale));
  if (words.some((word) => word === null)) return label;
  const joined = words.join(locale.t(SEPARATOR_KEY));
  return suffix ? locale.t("clusterLabel.nth", { label: joined, n: suffix[2]! }) : joined;
}

/**
 * How profiles say they are ordered ("mean monetary, descending", from the
 * evaluate stage) in the locale's language; other text unchanged.
 *
 * @example
 * localOrderedBy("mean monetary, descending", localeFor("zh-CN")); // => "monetary 均值从高到低"
 */
export function localOrderedBy(orderedBy: string, locale: Locale): string {
  if (locale.lang === "en") return orderedBy;
  const match = /^mean (.+), (descending|ascending)$/.exec(orderedBy);
  if (!match) return orderedBy;
  return locale.t(match[2] === "descending" ? "orderedBy.descending" : "orderedBy.ascending", {
    feature: match[1]!,
  });
}
