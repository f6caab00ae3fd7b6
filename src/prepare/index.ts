export { prepare } from "./prepare.js";
export { applyScaler, fitColumnScale } from "./scaler.js";
export { selectRows } from "./select-rows.js";
export type * from "./types.js";
export { samplePrepared } from "./sample.js";
