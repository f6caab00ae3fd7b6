/**
 * Reporting, in layers: vega-lite spec builders (`specs/`), SVG rendering in
 * Node, the HTML shell and its building blocks (`html.ts`), one module per
 * report section (`sections/`), the documents that list them (`documents/`:
 * the K-Means report and the full report), and the optional interactive
 * layer (`interact/`). The layer renders what it is given; sampling for
 * display happens in the workflows.
 */
export * from "./specs/index.js";
export {
  renderSvg,
  renderChart,
  compileChart,
  countMarks,
  scopeSvgIds,
  roundSvgGeometry,
} from "./render.js";
export type { CompiledChart, RenderedChart } from "./render.js";
export { estimateTextWidth } from "./text-metrics.js";
export { addInteraction, renderReport, withChartTips, withTooltips } from "./interact/index.js";
export {
  escapeHtml,
  markup,
  join,
  paragraph,
  SafeHtml,
  table,
  chart,
  callout,
  facts,
  renderDocument,
} from "./html.js";
export type {
  Cell,
  CalloutTone,
  ChartOptions,
  DocumentOptions,
  Fact,
  HeaderField,
  HtmlValue,
  ReportSection,
  TableColumn,
  TableOptions,
} from "./html.js";
export {
  formatNumber,
  formatInteger,
  formatPercent,
  autoDecimals,
  formatTimestamp,
} from "./format.js";
export { bilingual, codeList, formatCut, notesList, pill, plural } from "./report-text.js";
export * from "./sections/index.js";
export * from "./documents/index.js";
export type * from "./types.js";
