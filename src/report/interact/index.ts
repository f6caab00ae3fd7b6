/**
 * The optional interactive layer of a report: sortable and filterable
 * tables, a table of contents that marks the section in view, and chart
 * tooltips and legend selection (`chart-tips.ts`, `chart-script.ts`). It is
 * added to a finished report (`addInteraction(html)`), so the static page —
 * every chart an inline SVG — stays what a reader with JavaScript off sees.
 * The Content-Security-Policy is widened by exactly this script's hash, so
 * no other script (an injected one included) can run.
 */
import { createHash } from "node:crypto";
import { CHART_CSS } from "./chart-script.js";
import { withChartTips } from "./chart-tips.js";
import { interactionScript } from "./script.js";
import { pageLang, wordsElement } from "./words.js";

export { interactionScript, MIN_INTERACTIVE_ROWS } from "./script.js";
export { chartScript, DIMMED_OPACITY } from "./chart-script.js";
export { withChartTips, withTooltips, TIPS_CLASS } from "./chart-tips.js";
export type { ChartTips, MarkTips, Tip } from "./chart-tips.js";
export { interactionWords, WORDS_ID } from "./words.js";

/** The policy every report carries (see `../html.ts`). */
const POLICY = `default-src 'none'; style-src 'unsafe-inline'; img-src data:`;

const CSS = `
.table-filter { display: block; margin: 0 0 6px; font-size: 13px; color: var(--muted); }
.table-filter input { font: inherit; padding: 3px 6px; border: 1px solid #8a93a3; border-radius: 4px; margin-left: 4px; }
th button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.toc a[aria-current="true"] { border-left-color: var(--accent); color: var(--accent); font-weight: 600; }
@media print { .table-filter { display: none; } }
${CHART_CSS}`;

/**
 * A report with the interactive layer: the script inlined before `</body>`
 * with the words it shows in the page's language (`words.ts`), its styles,
 * and the policy allowing that one script by its SHA-256. Charts
 * get tooltips only when the report was rendered inside `withChartTips`
 * (as {@link renderReport} does); others stay as they are.
 *
 * @throws {Error} when `html` is not a segwork report (no policy or body to extend)
 * @example
 * writeFileSync("report.html", addInteraction(await renderFullReport(input)));
 */
export function addInteraction(html: string): string {
  const script = interactionScript();
  const hash = createHash("sha256").update(script).digest("base64");
  const policy = `content="${POLICY}"`;
  if (!html.includes(policy) || !html.includes("</body>") || !html.includes("</style>"))
    throw new Error("addInteraction: not a segwork report (no policy, style or body found)");
  return html
    .replace(policy, `content="${POLICY}; script-src 'sha256-${hash}'"`)
    .replace("</style>", `${CSS}</style>`)
    .replace("</body>", `${wordsElement(pageLang(html))}<script>${script}</script>\n</body>`);
}

/**
 * Renders a report, interactive or static: with `interactive` true the
 * charts are rendered with their tooltips ({@link withChartTips}) and the
 * layer is added ({@link addInteraction}); otherwise `render()` as it is.
 * What documents call, so every report takes the same option.
 *
 * @example
 * const html = await renderReport(input.interactive, () => renderDocument({ … }));
 */
export async function renderReport(
  interactive: boolean | undefined,
  render: () => Promise<string>,
): Promise<string> {
  if (interactive !== true) return render();
  return addInteraction(await withChartTips(render));
}
