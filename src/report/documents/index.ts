/**
 * The report documents: each lists its sections in reading order and renders
 * them into one self-contained page.
 */
export { composeSections, given } from "./compose.js";
export { commandField, generatedField, reportFooter } from "./run-header.js";
export type { RunStamp } from "./run-header.js";
export {
  CLUSTERING_SECTIONS,
  SWEEP_SECTIONS,
  clusterSections,
  renderClusterReport,
  reportHeader,
  sweepSections,
} from "./cluster-report.js";
export {
  COMPARISON_SECTIONS,
  RFM_SECTIONS,
  SEGMENT_SECTIONS,
  comparisonSections,
  fullReportContext,
  fullReportHeader,
  renderFullReport,
  renderSegmentReport,
  rfmSections,
  segmentSections,
} from "./full-report.js";
export type { ComparisonReportOptions, SegmentSectionOptions } from "./full-report.js";
