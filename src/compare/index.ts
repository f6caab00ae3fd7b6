/**
 * The compare stage: two segmentations of the same clients side by side.
 * Pure functions over plain objects; the CLI loads the files and the report
 * renders the result (masking ids with `maskId`).
 */
export * from "./types.js";
export { compareSegmentations } from "./compare.js";
export { matchLabelings, UNMATCHED_EXAMPLES } from "./matching.js";
export { contingencyTable } from "./contingency.js";
export {
  MAX_EXACT_N,
  adjustedRandIndex,
  adjustedRandIndexOf,
  agreementScores,
  agreementScoresOf,
  entropyOfCounts,
  homogeneityCompletenessVMeasure,
  homogeneityCompletenessVMeasureOf,
  mutualInformationOf,
  normalizedMutualInfo,
  normalizedMutualInfoOf,
  pairConfusion,
} from "./metrics.js";
export { crosstab, MAX_CROSSTAB_CELLS, DISAGREEMENT_EXAMPLES } from "./crosstab.js";
export { maskId } from "./mask.js";
export { naturalCompare, orderLabels } from "./order.js";
export { surrogateRules, EVERY_CLIENT } from "./surrogate.js";
export { crosstabCellProfiles } from "./cell-profiles.js";
export type { CrosstabCellProfile, CellProfileOptions } from "./cell-profiles.js";
export { fitBinaryCart, presortRows, treeLeaves } from "./tree.js";
export type { CartNode, CartSplit, CartOptions } from "./tree.js";
export { displayThreshold, roundestBetween, roundSignificant, formatNumber } from "./format.js";
export type { DisplayThreshold } from "./format.js";
export { betweenSegmentGini, valueSeparation } from "./separation.js";
export { labelingFromTable, clientColumns, LABEL_COLUMN_NAMES } from "./reader.js";
