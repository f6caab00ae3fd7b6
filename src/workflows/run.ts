/**
 * What every workflow takes besides its own options: who is running it (for
 * the provenance recorded in artifacts and reports), when (the report's
 * timestamp) and where progress goes. All optional: a notebook passes
 * nothing and gets "segwork (library)", the current time and no progress.
 */
import type { Provenance } from "../artifacts/rule-output.js";
import type { Lang } from "../report/i18n/locale.js";
import { packageVersion, reportTimestamp } from "../shared/package-info.js";
import { progressOf, type Progress, type ProgressCallback } from "../shared/progress.js";

/** Options every workflow accepts. */
export interface RunOptions {
  /** The command line (or a description) recorded in artifacts and reports. Default "segwork (library)". */
  command?: string;
  /** ISO timestamp shown in reports. Default: SOURCE_DATE_EPOCH when set, else now. */
  generatedAt?: string;
  /** Receives progress events (notes, counted steps). Default: none. */
  onProgress?: ProgressCallback;
  /** Language of the report (`--lang`). Default "en". */
  lang?: Lang;
  /** Add the interactive layer to the report (`--interactive`): chart tooltips, legend selection, sortable tables. Default false (static). */
  interactive?: boolean;
}

/** {@link RunOptions} resolved: provenance, timestamp and progress calls. */
export interface RunContext {
  provenance: Provenance;
  generatedAt: string;
  progress: Progress;
  lang: Lang;
  interactive: boolean;
}

/** What a workflow's command is called when no face named it. */
export const LIBRARY_COMMAND = "segwork (library)";

/**
 * Resolves the run options of a workflow.
 *
 * @example
 * runContext({}).provenance.command // => "segwork (library)"
 */
export function runContext(options: RunOptions): RunContext {
  return {
    provenance: {
      command: options.command ?? LIBRARY_COMMAND,
      segworkVersion: packageVersion(),
    },
    generatedAt: options.generatedAt ?? reportTimestamp(),
    progress: progressOf(options.onProgress),
    lang: options.lang ?? "en",
    interactive: options.interactive === true,
  };
}

/** The header fields every report input carries. */
export function reportMeta(context: RunContext, title: string) {
  return {
    title,
    command: context.provenance.command,
    version: context.provenance.segworkVersion,
    generatedAt: context.generatedAt,
    // English is the default, left out so English report inputs stay as they were.
    ...(context.lang === "en" ? {} : { lang: context.lang }),
    // Likewise static is the default, left out.
    ...(context.interactive ? { interactive: true } : {}),
  };
}
