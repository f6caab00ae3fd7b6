/** The features stage: transaction log → one row per client (RFM and more). */
export { deriveClientFeatures, type DerivedClients } from "./derive.js";
export { formatClientFeaturesCsv } from "./csv.js";
export {
  buildFeaturesSql,
  buildSlashSampleSql,
  buildFirstBadDateSql,
  featuresSqlForTable,
  sourceSql,
} from "./sql.js";
export { postgresPreamble } from "./dialect.js";
export type { FeaturesDialect } from "./numbers-sql.js";
export { DATE_FAMILIES, chooseSlashOrder } from "./dates.js";
export * from "./types.js";
export {
  summarizeForClv,
  buildClvSummarySql,
  buildClientDaysSql,
  type ClvSummary,
  type ClvSummaryOptions,
  type ClvSummaryCounts,
  type ClvTimeUnit,
} from "./clv-summary.js";
