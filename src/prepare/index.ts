export { prepare } from "./prepare.js";
export {
  checkPrepareOptions,
  DEDUPE_METHODS,
  IMPUTE_METHODS,
  PREPARE_DEFAULTS,
  SCALING_METHODS,
  type CheckedPrepareOptions,
} from "./options.js";
export { applyScaler, fitColumnScale } from "./scaler.js";
export { selectRows } from "./select-rows.js";
export type * from "./types.js";
export { samplePrepared } from "./sample.js";
