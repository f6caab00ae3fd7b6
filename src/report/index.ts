/**
 * Reporting: vega-lite spec builders, SVG rendering in Node, the HTML shell
 * and its building blocks, and the K-Means report.
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
export { formatNumber, formatInteger, formatPercent, autoDecimals } from "./format.js";
export {
  renderClusterReport,
  overviewSection,
  dataSection,
  scalingSection,
  sweepSections,
  clusterSections,
  reportHeader,
  namesFromProfiles,
  formatTimestamp,
} from "./cluster-report.js";
export { bilingual, codeList, formatCut, notesList, pill, plural } from "./report-text.js";
export { transactionsSection } from "./transactions-report.js";
export { rfmSections } from "./rfm-report.js";
export { thresholdSection, tiersSection } from "./segment-report.js";
export { abcSection, clvSection, valueActivitySection } from "./value-report.js";
export { agreementReading, comparisonSections } from "./compare-report.js";
export type { ComparisonReportOptions } from "./compare-report.js";
export {
  renderFullReport,
  renderSegmentReport,
  segmentSections,
  segmentFacts,
  fullOverviewSection,
  fullReportHeader,
  clusterLabelStyles,
} from "./full-report.js";
export type { SegmentSectionOptions } from "./full-report.js";
export type * from "./types.js";
