/**
 * The one-line summaries of a CLV run (the fits, the total CLV, the
 * churn-risk levels) in the run's language, for a face to print once the
 * files are written.
 */
import { localeFor, type Lang } from "../report/i18n/locale.js";
import { churnLevelName } from "../report/sections/clv-locale.js";

/** What the lines state. */
export interface ClvLineFacts {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number };
  clv: { total: number; mean: number; months: number; clients: number };
  churn: { labels: readonly string[]; counts: readonly number[] };
}

// As the fits are quoted elsewhere: 4 significant digits, the log-likelihood to 0.01.
const sig = (x: number): string => String(Number(x.toPrecision(4)));
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

/**
 * The summary lines of a CLV run.
 *
 * @example
 * clvLines("en", facts)[0]; // => "BG/NBD: r 0.2426, α 4.414, a 0.7929, b 2.426 (log-likelihood -9582.43)"
 * clvLines("zh-CN", facts)[0]; // => "BG/NBD：r 0.2426，α 4.414，a 0.7929，b 2.426（对数似然 -9582.43）"
 */
export function clvLines(lang: Lang, facts: ClvLineFacts): string[] {
  const locale = localeFor(lang);
  const { t, integer } = locale;
  const { bgnbd, gammaGamma, clv, churn } = facts;
  return [
    t("clv.line.bgnbd", {
      r: sig(bgnbd.r),
      alpha: sig(bgnbd.alpha),
      a: sig(bgnbd.a),
      b: sig(bgnbd.b),
      ll: bgnbd.logLikelihood.toFixed(2),
    }),
    t("clv.line.gammaGamma", {
      p: sig(gammaGamma.p),
      q: sig(gammaGamma.q),
      gamma: sig(gammaGamma.gamma),
      ll: gammaGamma.logLikelihood.toFixed(2),
    }),
    t(clv.months === 1 ? "clv.line.totalOne" : "clv.line.total", {
      months: clv.months,
      total: Math.round(clv.total).toLocaleString("en-US"),
      mean: clv.mean.toFixed(2),
      clients: integer(clv.clients),
    }),
    ...churn.labels.map((label, k) =>
      t("clv.line.churn", {
        label: churnLevelName(label, locale),
        count: churn.counts[k]!,
        share: pct(churn.counts[k]! / Math.max(1, clv.clients)),
      }),
    ),
  ];
}

/**
 * The closing line naming the files written, in the run's language.
 *
 * @example
 * clvWroteLine("en", ["runs/clv/clv.csv", "runs/clv/clv.json"]); // => "wrote runs/clv/clv.csv, runs/clv/clv.json"
 */
export function clvWroteLine(lang: Lang, files: readonly string[]): string {
  return localeFor(lang).t("clv.line.wrote", { files: files.join(", ") });
}
