/**
 * The sweep workflow: K-Means for every k in a range on a client table, the
 * quality indices per k, the gap statistic and bootstrap stability (each on
 * a seeded sample above 20,000 rows, each switchable off), the vote of all
 * indices on k with its confidence and reason, and the voted k's clustering
 * profiled for the report (knife plot, PCA map, profiles).
 */
import type { Table } from "../load/types.js";
import { sweepK, type SweepResult } from "../evaluate/sweep.js";
import { GAP_DEFAULTS, gapStatistic, type GapResult } from "../evaluate/gap.js";
import { sweepBic } from "../evaluate/bic.js";
import { sweepJump } from "../evaluate/jump.js";
import type { StabilityResult } from "../evaluate/stability.js";
import { VOTE_DEFAULTS, VOTE_GAP_SETTINGS, voteK, type VoteResult } from "../evaluate/vote.js";
import { validateKRange } from "../cluster/validate.js";
import type { Prepared, PrepareOptions } from "../prepare/types.js";
import type { ClusterReportInput, SweepReportData } from "../report/types.js";
import type { ChooseKReportData } from "../report/sections/choose-k.js";
import { sweepArtifact, writeSweep, type SweepArtifact } from "../artifacts/sweep.js";
import * as msg from "../shared/messages/workflows.js";
import { recommendedLine } from "./summary-lines.js";
import { prepareClients } from "./client-table.js";
import { clusterReportInput, fitClusterRun, withStability, type ClusterRun } from "./cluster.js";
import { clusterOrderOf } from "./display.js";
import { clusterReportFile, type OutputFile } from "./files.js";
import { kViewsOf } from "./k-views.js";
import { STABILITY_ROWS_PER_K, stabilityAtK, stabilityOfFits } from "./cluster-stability.js";
import { fitSettingsOf, type FitSettings } from "./kmeans-settings.js";
import { runContext, type RunContext, type RunOptions } from "./run.js";

/** An inclusive range of k. */
export interface KRange {
  min: number;
  max: number;
}

/** The default range of k: 2..10. */
export const DEFAULT_K_RANGE: KRange = { min: 2, max: 10 };

/**
 * The evidence beyond the sweep's indices: the gap statistic and bootstrap
 * stability, each `false` to switch off. Unset numbers take the stages'
 * defaults: B = 50 reference sets and B = 20 resamples, each on a seeded
 * sample of 20,000 rows above that (null: every row); the gap's `dPower`
 * defaults to 2, the power the vote was tuned with (R's clusGap uses 1).
 */
export interface ChooseKOptions {
  gap?: false | { references?: number; sampleSize?: number | null; dPower?: number };
  stability?: false | { resamples?: number; sampleSize?: number | null };
  /** The report's per-k views (default on), their clusters ordered by `orderBy` as in `cluster`. */
  views?: false | { orderBy?: string };
}

/** Rows per k of the range's top that stability needs (see `cluster-stability.ts`). */
export { STABILITY_ROWS_PER_K } from "./cluster-stability.js";

/** Options of {@link sweepWorkflow}. */
export interface SweepOptions extends RunOptions {
  table: Table;
  prepare: PrepareOptions;
  /** Range of k (default 2..10). */
  k?: KRange;
  fit?: Partial<FitSettings>;
  /** Fit on a seeded sample of this many prepared rows. */
  sample?: number;
  /** Cluster order of the recommended clustering in the report. */
  orderBy?: string;
  /** Put example client ids into the report. */
  showIds?: boolean;
  /** Gap statistic and stability settings (default: both on). */
  choose?: ChooseKOptions;
}

/** A sweep on prepared rows: the fits, sweep.json and the report's sweep part. */
export interface SweepRun {
  sweep: SweepResult;
  /** The gap curve (undefined when switched off). */
  gap?: GapResult;
  /** Stability per swept k (undefined when switched off). */
  stability?: StabilityResult;
  /** The vote that decides the recommended k. */
  vote: VoteResult;
  /** sweep.json. */
  artifact: SweepArtifact;
  /** The sweep part of the report (indices per k, recommendation). */
  display: SweepReportData;
}

/** What {@link sweepWorkflow} gives. */
export interface SweepWorkflowResult extends SweepRun {
  prepared: Prepared;
  settings: FitSettings;
  /** The recommended k's clustering, profiled (its fit is the sweep's). */
  recommended: ClusterRun;
  /** Input of `renderClusterReport`. */
  report: ClusterReportInput;
  /** The recommendation in one line, for a face to print. */
  summary: string[];
}

/**
 * Sweeps k on prepared rows, then computes the gap statistic and stability
 * (unless switched off) and lets the vote pick k; progress per k, per
 * reference set and per resample.
 *
 * @example
 * const run = sweepRun(prepared, { min: 2, max: 10 }, fitSettingsOf({ seed: 7 }), runContext({}));
 * run.artifact.recommendedK // => 4
 * run.artifact.votes.confidence // => "agreed"
 */
export function sweepRun(
  prepared: Prepared,
  range: KRange,
  settings: FitSettings,
  context: RunContext,
  choose: ChooseKOptions = {},
): SweepRun {
  const { progress } = context;
  const total = range.max - range.min + 1;
  progress.step("sweep", 0, total, `k=${range.min}`);
  const sweep = sweepK(prepared.scaled, {
    kMin: range.min,
    kMax: range.max,
    restarts: settings.restarts,
    seed: settings.seed,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    silhouetteSampleSize: settings.silhouetteSampleSize,
    threads: settings.threads,
    onK: (k, done) => progress.step("sweep", done, total, `k=${k} done`),
  });
  progress.done();
  const gap =
    choose.gap === false ? undefined : gapOf(prepared, sweep, range, settings, context, choose.gap);
  const stabilityRows = STABILITY_ROWS_PER_K * range.max;
  const stabilityTooSmall = prepared.scaled.rows < stabilityRows;
  if (choose.stability !== false && stabilityTooSmall) {
    progress.note(msg.stabilitySkipped(prepared.scaled.rows, range.max, stabilityRows));
  }
  const stability =
    choose.stability === false || stabilityTooSmall
      ? undefined
      : stabilityOf(prepared, sweep, settings, context, choose.stability);
  const jump = sweepJump(prepared.scaled, sweep.rows);
  const bic = sweepBic(prepared.scaled, sweep.rows, sweep.clusterings);
  const vote = voteK({
    rows: sweep.rows,
    elbowK: sweep.recommendation.elbowK,
    ...(jump ? { jump } : {}),
    ...(bic ? { bic } : {}),
    ...(gap ? { gap } : {}),
    ...(stability ? { stability: stability.perK } : {}),
  });
  return {
    sweep,
    ...(gap ? { gap } : {}),
    ...(stability ? { stability } : {}),
    vote,
    artifact: sweepArtifact(prepared, sweep, settings, {
      ...(gap ? { gap } : {}),
      ...(stability ? { stability } : {}),
      vote,
    }),
    display: {
      rows: sweep.rows,
      recommendation: {
        ...sweep.recommendation,
        recommendedK: vote.recommendedK,
        reason: vote.reason,
      },
      restarts: settings.restarts,
      seed: settings.seed,
      silhouetteSampleSize: sweep.silhouetteSampleSize,
      choose: chooseKDisplay(vote, gap, stability),
      ...(choose.views === false
        ? {}
        : {
            kViews: kViewsOf(
              prepared,
              sweep,
              clusterOrderOf(choose.views?.orderBy, prepared.features),
              vote.recommendedK,
            ),
          }),
    },
  };
}

/** The report's view of the vote, the gap curve and stability. */
function chooseKDisplay(
  vote: VoteResult,
  gap: GapResult | undefined,
  stability: StabilityResult | undefined,
): ChooseKReportData {
  return {
    vote,
    ...(gap
      ? {
          gap: {
            points: gap.k.map((k, i) => ({ k, gap: gap.gap[i]!, se: gap.se[i]! })),
            references: gap.references,
            rows: gap.rows,
            sampled: gap.sampled,
          },
        }
      : {}),
    ...(stability
      ? {
          stability: {
            perK: stability.perK.map((s) => ({ k: s.k, ari: s.ari, ariSd: s.ariSd })),
            resamples: stability.resamples,
            rows: stability.rows,
            sampled: stability.sampled,
          },
        }
      : {}),
  };
}

/** The gap curve of a sweep as the vote was tuned on it: the data's W(k) from the sweep's fits. */
function gapOf(
  prepared: Prepared,
  sweep: SweepResult,
  range: KRange,
  settings: FitSettings,
  context: RunContext,
  options: { references?: number; sampleSize?: number | null; dPower?: number } = {},
): GapResult {
  const references = options.references ?? GAP_DEFAULTS.references;
  const result = gapStatistic(prepared.scaled, {
    kMax: Math.min(range.max, prepared.scaled.rows),
    seed: settings.seed,
    references,
    sampleSize: options.sampleSize === undefined ? GAP_DEFAULTS.sampleSize : options.sampleSize,
    dPower: options.dPower ?? VOTE_GAP_SETTINGS.dPower,
    rule: VOTE_DEFAULTS.gapRule,
    seFactor: VOTE_DEFAULTS.gapSEFactor,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    threads: settings.threads,
    observed: (k) => sweep.clusterings.get(k)?.labels,
    onProgress: (done, total) =>
      context.progress.step("gap", done, total, done === 1 ? "data" : `reference set ${done - 1}`),
  });
  context.progress.done();
  return result;
}

/** Bootstrap stability of every swept k, judged against the sweep's own fits. */
function stabilityOf(
  prepared: Prepared,
  sweep: SweepResult,
  settings: FitSettings,
  context: RunContext,
  options: { resamples?: number; sampleSize?: number | null } = {},
): StabilityResult {
  return stabilityOfFits(
    prepared,
    sweep.rows.map((r) => r.k),
    settings,
    context,
    options,
    (k) => sweep.clusterings.get(k)?.labels,
  );
}

/**
 * The sweep workflow: prepare the table, fit every k in the range, score
 * each fit, recommend a k, and profile the recommended clustering.
 *
 * @throws SegworkError for a bad range or settings (before any work) or data.
 * @example
 * const result = sweepWorkflow({ table, prepare: { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] }, fit: { seed: 7 } });
 * result.artifact.recommendedK // => 4
 * result.artifact.reason // => "…"
 */
export function sweepWorkflow(options: SweepOptions): SweepWorkflowResult {
  const context = runContext(options);
  const range = options.k ?? DEFAULT_K_RANGE;
  validateKRange(range.min, range.max);
  const settings = fitSettingsOf(options.fit);
  const prepared = prepareClients(
    options.table,
    options.prepare,
    { ...(options.sample === undefined ? {} : { sample: options.sample }), seed: settings.seed },
    context.progress,
  );
  const choose: ChooseKOptions = {
    ...options.choose,
    ...(options.choose?.views === false || options.orderBy === undefined
      ? {}
      : { views: { orderBy: options.orderBy } }),
  };
  const run = sweepRun(prepared, range, settings, context, choose);
  const k = run.artifact.recommendedK;
  const fitted = fitClusterRun(
    prepared,
    k,
    settings,
    { ...options, fitted: run.sweep.clusterings.get(k)! },
    context,
  );
  // The sweep's stability already judged this very fit: its k's clusters go on the profile table.
  const recommended = withStability(
    fitted,
    stabilityAtK(run.stability, k, fitted.profiled.renumber),
  );
  return {
    ...run,
    prepared,
    settings,
    recommended,
    report: clusterReportInput(context, "segwork · choosing k", prepared, {
      sweep: run.display,
      cluster: recommended.display,
    }),
    summary: [recommendedLine(k, run.artifact.reason, run.display, context.lang)],
  };
}

/** Names of the files {@link sweepFiles} gives. */
export const SWEEP_OUTPUTS = ["sweep.json", "report.html"];

/**
 * The files of the sweep command: sweep.json and report.html.
 *
 * @example
 * (await sweepFiles(result)).map((f) => f.name) // => ["sweep.json", "report.html"]
 */
export async function sweepFiles(result: SweepWorkflowResult): Promise<OutputFile[]> {
  return [
    { name: "sweep.json", content: writeSweep(result.artifact) },
    await clusterReportFile(result.report),
  ];
}
