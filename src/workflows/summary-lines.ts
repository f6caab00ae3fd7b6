/**
 * The one-line summaries `sweep`, `cluster` and `demo` print once their
 * files are written, in the run's language (`--lang`): English as it always
 * was, zh-CN with the cluster names and the sweep's evidence in Chinese.
 */
import type { Profiles } from "../evaluate/profile-types.js";
import { localClusterLabel } from "../report/i18n/cluster-labels.js";
import { localeFor } from "../report/i18n/locale.js";
import type { Lang } from "../report/i18n/locale.js";
import { recommendationReason } from "../report/sections/recommendation.js";
import type { SweepReportData } from "../report/types.js";
import * as msg from "../shared/messages/workflows.js";

/**
 * The recommended k and why: the stage's reason in English, the vote's
 * reason (or, without a vote, the sweep's evidence) in zh-CN; prefixed by
 * the k only where the reason does not open with it.
 *
 * @example
 * recommendedLine(4, artifact.reason, run.display, "zh-CN"); // => "推荐 k = 4。依据：惯性曲线在 k = 4 处出现拐点；…"
 * recommendedLine(3, vote.reason, run.display, "en"); // => "Recommended k=3, but the indices are split: …"
 */
export function recommendedLine(
  k: number,
  reason: string,
  sweep: Pick<SweepReportData, "rows" | "recommendation" | "choose">,
  lang: Lang,
): string {
  // The vote's reason opens with its k ("Recommended k=3, but…", "推荐 k = 3，但…")
  // unless it found no structure; then, and without a vote, the line names k first.
  const namesK = sweep.choose !== undefined && sweep.choose.vote.confidence !== "no-structure";
  if (lang === "en") return namesK ? reason : msg.recommended(k, reason);
  const why = recommendationReason(sweep, localeFor(lang));
  return namesK ? why : msg.recommendedZh(k, why);
}

/**
 * One line per cluster: number, name, size and share.
 *
 * @example
 * clusterLines(profiles, "zh-CN")[0]; // => "簇 0：消费非常频繁 · 消费金额高 — 412 位客户（9.5%）"
 */
export function clusterLines(profiles: Profiles, lang: Lang): string[] {
  const locale = localeFor(lang);
  return profiles.clusters.map((c) =>
    lang === "en"
      ? msg.clusterLine(c.cluster, c.label, c.size, c.share)
      : msg.clusterLineZh(c.cluster, localClusterLabel(c.label, locale), c.size, c.share),
  );
}
