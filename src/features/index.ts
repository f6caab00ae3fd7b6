/** The features stage: transaction log → one row per client (RFM and more). */
export { deriveClientFeatures, type DerivedClients } from "./derive.js";
export { formatClientFeaturesCsv } from "./csv.js";
export { buildFeaturesSql, buildSlashSampleSql, buildFirstBadDateSql, sourceSql } from "./sql.js";
export { DATE_FAMILIES, chooseSlashOrder } from "./dates.js";
export * from "./types.js";
export {
  addDays,
  daysBetween,
  isIsoDay,
  MAX_PERIODS,
  periodWindows,
  type PeriodEvery,
  type PeriodSpec,
  type PeriodWindow,
} from "./period-windows.js";
export {
  deriveClientFeaturesByPeriod,
  newInPeriod,
  type ClientPeriod,
  type DerivedPeriods,
  type DerivedPeriodWindow,
  type PeriodFeaturesOptions,
} from "./periods.js";
export { clientFeaturesTable } from "./table.js";
export {
  buildPeriodClientsSql,
  buildPeriodFeaturesSql,
  buildPeriodGroupsSql,
  PERIOD_GROUPS,
} from "./periods-sql.js";
