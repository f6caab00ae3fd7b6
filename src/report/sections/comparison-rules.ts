/**
 * The "each cluster as one rule" section of a comparison: a surrogate rule
 * per side-A group, as cards with fidelity, precision and coverage meters.
 */
import type { Comparison, SurrogateRule } from "../../compare/types.js";
import { formatInteger, formatPercent } from "../format.js";
import { callout, join, markup, paragraph } from "../html.js";
import type { ReportSection, SafeHtml } from "../html.js";
import { plural } from "../report-text.js";
import { labelCell, sideAStyle } from "./comparison-labels.js";
import type { LabelStyle } from "./comparison-labels.js";
import type { SectionContext } from "./section.js";

function conditionsHtml(rule: SurrogateRule): SafeHtml {
  if (rule.conditions.length === 0) return markup`every client`;
  return markup`${rule.conditions.map((condition, i) =>
    i === 0
      ? markup`<span class="cond">${condition.text}</span>`
      : markup`<span class="and"> and </span><span class="cond">${condition.text}</span>`,
  )}`;
}

function meter(label: string, share: number, title: string): SafeHtml {
  const width = Math.max(0, Math.min(100, share * 100)).toFixed(1);
  return markup`<dt title="${title}">${label}</dt><dd class="meter-cell"><span class="meter" aria-hidden="true"><span style="width:${width}%"></span></span></dd><dd>${formatPercent(share, 0)}</dd>`;
}

function ruleCard(rule: SurrogateRule, style: LabelStyle): SafeHtml {
  const color = style.colors?.[rule.label];
  const border = color ? markup` style="border-left-color:${color}"` : "";
  const weak = rule.weak
    ? markup`<p class="rule-card-note"><span class="pill warn">weak</span> No branch of the tree is mostly this cluster: read the rule as a rough sketch.</p>`
    : "";
  return markup`<article class="rule-card"${border}>
<div class="rule-card-head"><span class="rule-card-name">${labelCell(rule.label, style)}</span><span class="rule-card-size">${plural(rule.clusterSize, "client")}</span></div>
<p class="rule-text">${conditionsHtml(rule)}</p>
<dl class="meters">${meter("Fidelity", rule.fidelity, "Share of the cluster the rule catches")}${meter("Precision", rule.precision, "Share of the clients the rule catches that are in the cluster")}${meter("Coverage", rule.coverage, "Share of all clients the rule catches")}</dl>
<p class="rule-card-note">Catches ${formatInteger(rule.truePositives)} of the cluster's ${formatInteger(rule.clusterSize)} clients; ${formatInteger(rule.matched - rule.truePositives)} of the ${formatInteger(rule.matched)} it catches are from other clusters.</p>${weak}
</article>`;
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
  const style = sideAStyle(c, context);
  const fidelity = rules.reduce((sum, rule) => sum + rule.truePositives, 0);
  const total = rules.reduce((sum, rule) => sum + rule.clusterSize, 0);
  const weak = rules.filter((rule) => rule.weak).length;
  return {
    id: "cluster-rules",
    title: context.locale.t("title.comparisonRules"),
    html: join(
      callout({
        tone: "recommendation",
        title: `${nameOrSide(c.nameA)} in plain conditions`,
        body:
          "A shallow decision tree on the raw features describes each cluster with at most three conditions you can paste into SQL " +
          "or a spreadsheet filter, and says how faithful that description is. " +
          `Together the rules catch ${formatPercent(total > 0 ? fidelity / total : 0)} of clients in their own cluster` +
          (weak > 0 ? `; ${plural(weak, "rule")} ${weak === 1 ? "is" : "are"} weak.` : "."),
      }),
      markup`<div class="rule-cards">${rules.map((rule) => ruleCard(rule, style))}</div>`,
      paragraph(
        "Fidelity: share of the cluster the rule catches. Precision: share of the clients the rule catches that really are in the cluster. " +
          "Coverage: share of all clients the rule catches. Thresholds are rounded to the roundest number that splits the data the same way.",
      ),
    ),
  };
}

function nameOrSide(name: string): string {
  return name.length > 0 ? name : "Side A";
}
