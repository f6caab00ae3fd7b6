/**
 * The "each cluster as one rule" section of a comparison: a surrogate rule
 * per side-A group, as cards with fidelity, precision and coverage meters.
 * The compare stage gives the counts and shares; the sentences are worded
 * here, in the report's language.
 */
import type { Comparison, SurrogateRule } from "../../compare/types.js";
import { callout, join, markup, paragraph } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { labelCell, schemeNames, sideAStyle } from "./comparison-labels.js";
import type { LabelStyle } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

function conditionsHtml(rule: SurrogateRule, t: Locale["t"]): SafeHtml {
  if (rule.conditions.length === 0) return markup`${t("cmp.everyClient")}`;
  const and = t("cmp.and");
  return markup`${rule.conditions.map((condition, i) =>
    i === 0
      ? markup`<span class="cond">${condition.text}</span>`
      : markup`<span class="and">${and}</span><span class="cond">${condition.text}</span>`,
  )}`;
}

function meter(label: string, share: number, title: string, locale: Locale): SafeHtml {
  const width = Math.max(0, Math.min(100, share * 100)).toFixed(1);
  return markup`<dt title="${title}">${label}</dt><dd class="meter-cell"><span class="meter" aria-hidden="true"><span style="width:${width}%"></span></span></dd><dd>${locale.percent(share, 0)}</dd>`;
}

function ruleCard(rule: SurrogateRule, style: LabelStyle, locale: Locale): SafeHtml {
  const { t, integer } = locale;
  const color = style.colors?.[rule.label];
  const border = color ? markup` style="border-left-color:${color}"` : "";
  const weak = rule.weak
    ? markup`<p class="rule-card-note"><span class="pill warn">${t("cmp.weak")}</span> ${t("cmp.weakNote")}</p>`
    : "";
  const catches = t("cmp.catches", {
    caught: integer(rule.truePositives),
    size: integer(rule.clusterSize),
    others: integer(rule.matched - rule.truePositives),
    matched: integer(rule.matched),
  });
  return markup`<article class="rule-card"${border}>
<div class="rule-card-head"><span class="rule-card-name">${labelCell(rule.label, style)}</span><span class="rule-card-size">${t("cmp.clientCount", { count: rule.clusterSize })}</span></div>
<p class="rule-text">${conditionsHtml(rule, t)}</p>
<dl class="meters">${meter(t("cmp.fidelity"), rule.fidelity, t("cmp.fidelityHelp"), locale)}${meter(t("cmp.precision"), rule.precision, t("cmp.precisionHelp"), locale)}${meter(t("cmp.coverage"), rule.coverage, t("cmp.coverageHelp"), locale)}</dl>
<p class="rule-card-note">${catches}</p>${weak}
</article>`;
}

/** What the callout says about all the rules together: how much they catch and how many are weak. */
function togetherText(rules: readonly SurrogateRule[], locale: Locale): string {
  const { t, percent } = locale;
  const caught = rules.reduce((sum, rule) => sum + rule.truePositives, 0);
  const total = rules.reduce((sum, rule) => sum + rule.clusterSize, 0);
  const weak = rules.filter((rule) => rule.weak).length;
  const together = t("cmp.together", { share: percent(total > 0 ? caught / total : 0) });
  const end =
    weak === 0 ? t("cmp.togetherEnd") : t(weak === 1 ? "cmp.weakOne" : "cmp.weakMany", { weak });
  return `${t("cmp.rulesIntro")}${together}${end}`;
}

/**
 * One readable rule per cluster (a shallow tree's path) with its fidelity,
 * precision and coverage; no section when the comparison has no rules (no
 * feature columns were given).
 *
 * @example
 * clusterRulesSection({ ...comparison, rules: null }, context); // => []
 */
export function clusterRulesSection(c: Comparison, context: SectionContext): ReportSection | [] {
  const rules = c.rules ?? [];
  if (rules.length === 0) return [];
  const { locale } = context;
  const { t } = locale;
  const style = sideAStyle(c, context);
  const nameA = schemeNames(c, context).a;
  return {
    id: "cluster-rules",
    title: t("title.comparisonRules"),
    html: join(
      callout({
        tone: "recommendation",
        title: t("cmp.rulesTitle", { a: nameA.length > 0 ? nameA : t("cmp.sideA") }),
        body: togetherText(rules, locale),
      }),
      markup`<div class="rule-cards">${rules.map((rule) => ruleCard(rule, style, locale))}</div>`,
      paragraph(t("cmp.rulesLegend")),
    ),
  };
}
