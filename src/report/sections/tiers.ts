/**
 * The tiers section: the scorecard formula, a score histogram coloured by
 * tier, actual against target shares, and the tier table. Tier names come
 * from config files and are escaped by the building blocks.
 */
import type { TierSummary } from "../../rules/types.js";
import { formatNumber } from "../format.js";
import type { Locale } from "../i18n/locale.js";
import { localName } from "../i18n/names.js";
import { chart, join, markup, table } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { renderSvg } from "../render.js";
import { formatCut } from "../report-text.js";
import {
  scoreHistogram,
  tierHistogramSpec,
  tierSharesSpec,
  tierThresholds,
} from "../specs/tiers.js";
import type { TiersReportData } from "../types.js";
import type { SectionContext } from "./section.js";

/** Rounded down, so a tier's top score (69.96) never reads as the next tier's threshold (70.0). */
function floorOneDecimal(value: number): string {
  return formatNumber(Math.floor(value * 10) / 10, 1);
}

function weightsFormula(weights: Record<string, number>, t: Locale["t"]): SafeHtml {
  const terms = Object.entries(weights).map(
    ([feature, weight]) => markup`${formatCut(weight)} × <code>${feature}</code>`,
  );
  const joined = terms.flatMap((term, i) => (i === 0 ? [term] : [markup` + `, term]));
  return markup`<p>${t("tiers.formulaStart")}${joined}${t("tiers.formulaEnd")}</p>`;
}

/**
 * The scorecard tiers: the formula, a score histogram coloured by tier with
 * the thresholds, actual against target shares, and the tier table (with
 * Chinese names when configured).
 *
 * @throws {Error} when a chart fails to render
 * @example
 * (await tiersSection(data.tiers!, context)).title; // => "Tiers"
 */
export async function tiersSection(
  data: TiersReportData,
  context: SectionContext,
): Promise<ReportSection> {
  const { t, lang, percent, number } = context.locale;
  const { result } = data;
  const shown = (tier: TierSummary): string => localName(lang, tier.name, tier.nameZh);
  // Charts name the tiers in the report's language (the config's nameZh under zh-CN).
  const names = result.tiers.map(shown);
  const thresholds = tierThresholds(result.tiers);
  const byShare = result.tiers.every((tier) => tier.min === undefined);
  const histogramTitles = {
    score: t("tiers.axisScore"),
    clients: t("chart.clients"),
    tier: t("tiers.tier"),
  };
  const sharesTitles = {
    share: t("chart.shareOfClients"),
    actual: t("tiers.seriesActual"),
    target: t("tiers.seriesTarget"),
  };
  const [histogramSvg, sharesSvg] = await Promise.all([
    renderSvg(
      tierHistogramSpec(scoreHistogram(result.score, result.tierIndex, 2), names, thresholds, {
        titles: histogramTitles,
      }),
    ),
    renderSvg(
      tierSharesSpec(
        result.tiers.map((tier, i) => ({ ...tier, name: names[i]! })),
        { titles: sharesTitles },
      ),
    ),
  ]);
  const withTargets = result.tiers.some((tier) => tier.targetShare !== undefined);
  const withZh = result.tiers.some((tier) => tier.nameZh !== undefined);
  const mode = byShare ? t("tiers.byShare") : t("tiers.byScore");
  const top = result.tiers[0];
  const histogramAlt = top
    ? t("tiers.histogramAlt", {
        tiers: result.tiers.length,
        clients: result.score.length,
        top: shown(top),
        topShare: percent(top.actualShare),
      })
    : undefined;
  const sharesAlt = t("tiers.sharesAlt", {
    shares: result.tiers.map((tier) => `${shown(tier)} ${percent(tier.actualShare)}`).join(", "),
  });
  return {
    id: "tiers",
    title: context.locale.t("title.tiers"),
    html: join(
      markup`<p>${t("tiers.configStart")}<code>${data.config}</code>${t("tiers.configEnd")}${mode}</p>`,
      weightsFormula(data.weights, t),
      chart({
        svg: histogramSvg,
        caption: t(byShare ? "tiers.histogramCaptionShares" : "tiers.histogramCaption"),
        ...(histogramAlt ? { alt: histogramAlt } : {}),
      }),
      chart({
        svg: sharesSvg,
        caption: withTargets ? t("tiers.sharesCaptionTargets") : t("tiers.sharesCaption"),
        alt: sharesAlt,
      }),
      table<TierSummary>({
        rows: result.tiers,
        columns: [
          { header: t("tiers.tier"), value: (tier) => shown(tier) },
          ...(withZh
            ? [
                {
                  header: t("tiers.otherName"),
                  value: (tier: TierSummary) =>
                    lang === "zh-CN" ? (tier.nameZh ? tier.name : "") : (tier.nameZh ?? ""),
                },
              ]
            : []),
          ...(byShare
            ? []
            : [
                {
                  header: t("tiers.fromScore"),
                  value: (tier: TierSummary) => tier.min,
                  decimals: 0,
                },
              ]),
          {
            header: t("tiers.scores"),
            align: "right",
            value: (tier) =>
              tier.count > 0
                ? `${floorOneDecimal(tier.minScore)} – ${floorOneDecimal(tier.maxScore)}`
                : "—",
            description: t("tiers.scoresHelp"),
          },
          { header: t("tiers.clients"), value: (tier) => tier.count, decimals: 0 },
          {
            header: t("tiers.actual"),
            value: (tier) => percent(tier.actualShare),
            align: "right",
          },
          ...(withTargets
            ? [
                {
                  header: t("tiers.target"),
                  align: "right" as const,
                  value: (tier: TierSummary) =>
                    tier.targetShare === undefined ? "—" : percent(tier.targetShare),
                },
                {
                  header: t("tiers.gap"),
                  align: "right" as const,
                  description: t("tiers.gapHelp"),
                  value: (tier: TierSummary) =>
                    tier.targetShare === undefined
                      ? "—"
                      : t("tiers.points", {
                          sign: tier.actualShare >= tier.targetShare ? "+" : "−",
                          points: number(Math.abs(tier.actualShare - tier.targetShare) * 100, 1),
                        }),
                },
              ]
            : []),
        ],
      }),
    ),
  };
}
