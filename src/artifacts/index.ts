/**
 * segwork's public file formats, one module each with its writer and its
 * validating reader. JSON artifacts carry `format` and `formatVersion`; a
 * reader refuses another format, a newer version, a truncated file or a
 * missing key with one line naming the file and the key. CSV artifacts are
 * known by their header.
 *
 * | file | module | written by |
 * |---|---|---|
 * | sweep.json | sweep | sweep |
 * | model.json | model | cluster |
 * | profiles.json | profiles | cluster |
 * | assignments.csv | assignments | cluster, grade |
 * | rfm.json, value-activity.csv, clv.csv | rfm | rfm |
 * | segments.csv | segments | rfm, thresholds |
 * | thresholds.json | thresholds | thresholds |
 * | tiers.json, tiers.csv | tiers | tiers |
 * | tiers-frozen.json | frozen-tiers | periods |
 * | abc.json, abc.csv | abc | abc |
 * | compare.json, crosstab.csv | compare | compare |
 * | grade.json | grade | grade |
 * | *.cleaning.json | cleaning | features |
 * | clv.json, clv.csv (BG/NBD + Gamma-Gamma) | clv | clv |
 */
export {
  toJson,
  parseArtifact,
  readArtifact,
  validateArtifact,
  type JsonArtifactFormat,
} from "./json.js";
export * from "./sweep.js";
export * from "./model.js";
export * from "./profiles.js";
export * from "./assignments.js";
export * from "./segments.js";
export * from "./rfm.js";
export * from "./thresholds.js";
export * from "./tiers.js";
export * from "./frozen-tiers.js";
export * from "./abc.js";
export * from "./compare.js";
export * from "./grade.js";
export * from "./cleaning.js";
export {
  ruleOutputHeader,
  type Provenance,
  type RuleInput,
  type RuleOutputHeader,
} from "./rule-output.js";
export * from "./periods.js";
export * from "./clv.js";
