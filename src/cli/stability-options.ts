/** The stability flags of `sweep` and `cluster` as the workflows' settings. */
import type { StabilitySettings } from "../workflows/index.js";

/** `--no-stability`, `--stability-b` and `--stability-sample` as commander parses them. */
export interface StabilityCliOptions {
  stability?: boolean;
  stabilityB?: number;
  stabilitySample?: number;
}

/**
 * The workflows' stability settings from the command line (`--no-stability`
 * gives false).
 *
 * @example
 * stabilitySettingsOf({ stabilityB: 50 }) // => { resamples: 50 }
 * stabilitySettingsOf({ stability: false }) // => false
 */
export function stabilitySettingsOf(options: StabilityCliOptions): StabilitySettings {
  if (options.stability === false) return false;
  return {
    ...(options.stabilityB === undefined ? {} : { resamples: options.stabilityB }),
    ...(options.stabilitySample === undefined ? {} : { sampleSize: options.stabilitySample }),
  };
}
