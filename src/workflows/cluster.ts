/**
 * The cluster workflow: one k on a client table — fit K-Means, order and
 * label the clusters, and give the assignments, the model to grade later
 * tables with, the profiles, and the report input.
 */
import type { Clustering } from "../cluster/types.js";
import { validateKRange } from "../cluster/validate.js";
import type { ProfiledClustering } from "../evaluate/profiles.js";
import { seedSensitivity, type SeedSensitivity } from "../evaluate/seed-sensitivity.js";
import { seedForK } from "../evaluate/sweep.js";
import type { Table } from "../load/types.js";
import type { Prepared, PrepareOptions } from "../prepare/types.js";
import type { ClusterReportData, ClusterReportInput } from "../report/types.js";
import type { ClusterStabilityData } from "../report/sections/profile-table.js";
import { writeAssignments, type Assignments } from "../artifacts/assignments.js";
import { modelArtifact, writeModel, type SegworkModel } from "../artifacts/model.js";
import { profilesArtifact, writeProfiles, type ProfilesArtifact } from "../artifacts/profiles.js";
import * as msg from "../shared/messages/workflows.js";
import { clusterLines } from "./summary-lines.js";
import { prepareClients } from "./client-table.js";
import { clusterStabilityOf, type StabilitySettings } from "./cluster-stability.js";
import { describeClustering } from "./display.js";
import { clusterReportFile, type OutputFile } from "./files.js";
import { fitSettingsOf, type FitSettings } from "./kmeans-settings.js";
import { reportMeta, runContext, type RunContext, type RunOptions } from "./run.js";

/** Options of {@link clusterWorkflow}. */
export interface ClusterOptions extends RunOptions {
  /** The loaded client table. */
  table: Table;
  /** Features, scaling, log, clipping, missing values and duplicates. */
  prepare: PrepareOptions;
  /** Number of clusters (≥ 2). */
  k: number;
  /** Restarts, seed, iterations, tolerance, threads (defaults: `FIT_DEFAULTS`). */
  fit?: Partial<FitSettings>;
  /** Fit on a seeded sample of this many prepared rows. */
  sample?: number;
  /** Order clusters by this feature's mean, "feature" or "feature:asc" (default: monetary-like, descending). */
  orderBy?: string;
  /** Put example client ids into the report (default: none). */
  showIds?: boolean;
  /** Per-cluster bootstrap stability on the profile table (default on: B = 20, sample 20,000). */
  stability?: StabilitySettings;
}

/** A fitted, profiled clustering with its artifacts and what its report shows. */
export interface ClusterRun {
  clustering: Clustering;
  profiled: ProfiledClustering;
  /** assignments.csv: reported cluster and label per client. */
  assignments: Assignments;
  /** model.json. */
  model: SegworkModel;
  /** profiles.json. */
  profiles: ProfilesArtifact;
  /** The clustering part of the report (profiles, silhouette and PCA samples, seed sensitivity). */
  display: ClusterReportData;
  /** How much the restarts differed (absent when the fit came from a sweep). */
  seeds?: SeedSensitivity;
}

/** What {@link clusterWorkflow} gives. */
export interface ClusterResult extends ClusterRun {
  prepared: Prepared;
  settings: FitSettings;
  /** Input of `renderClusterReport`. */
  report: ClusterReportInput;
  /** One line per cluster, for a face to print. */
  summary: string[];
}

/**
 * Fits k (or takes the sweep's fit of k), profiles it and builds its
 * artifacts. The seed of k's fit is derived as in the sweep, so a sweep and
 * a cluster run with the same seed agree.
 *
 * @example
 * const run = fitClusterRun(prepared, 4, fitSettingsOf({ seed: 7 }), {}, runContext({}));
 * run.model.k // => 4
 */
export function fitClusterRun(
  prepared: Prepared,
  k: number,
  settings: FitSettings,
  options: { orderBy?: string; showIds?: boolean; fitted?: Clustering },
  context: RunContext,
): ClusterRun {
  const { progress } = context;
  let clustering = options.fitted;
  let seeds: SeedSensitivity | undefined;
  if (!clustering) {
    progress.step("k-means", 0, settings.restarts, `k=${k}`);
    // The stage's seedSensitivity is the same fit as kmeans(), keeping every restart's labels.
    const fit = seedSensitivity(prepared.scaled, {
      k,
      restarts: settings.restarts,
      seed: seedForK(settings.seed, k),
      maxIterations: settings.maxIterations,
      tolerance: settings.tolerance,
      threads: settings.threads,
      onRestart: (r) => progress.step("k-means", r + 1, settings.restarts, `k=${k}`),
    });
    progress.done();
    clustering = fit.clustering;
    seeds = fit.sensitivity;
  }
  for (const warning of clustering.warnings ?? []) progress.note(msg.warning(warning));
  const { profiled, report } = describeClustering(prepared, clustering, {
    seed: settings.seed,
    ...(options.orderBy === undefined ? {} : { orderBy: options.orderBy }),
    showIds: Boolean(options.showIds),
  });
  const names = profiled.profiles.clusters.map((c) => c.label);
  return {
    clustering,
    profiled,
    assignments: {
      ids: prepared.ids,
      cluster: profiled.labels,
      label: Array.from(profiled.labels, (c) => names[c]!),
    },
    model: modelArtifact(prepared, clustering, profiled, {
      command: context.provenance.command,
      version: context.provenance.segworkVersion,
      seed: settings.seed,
      restarts: settings.restarts,
      maxIterations: settings.maxIterations,
      tolerance: settings.tolerance,
    }),
    profiles: profilesArtifact(profiled.profiles),
    display: seeds ? { ...report, seeds } : report,
    ...(seeds ? { seeds } : {}),
  };
}

/**
 * The cluster workflow: prepare the table, fit one k, profile and label the
 * clusters (cluster 0 = the top one by the ordering feature).
 *
 * @throws SegworkError for bad options (before any work) or data.
 * @example
 * const table = await loadTable("clients.csv", { id: "client_id" });
 * const result = clusterWorkflow({ table, prepare: { features: ["recency_days", "frequency", "monetary"], log: ["monetary"] }, k: 4, fit: { seed: 7 } });
 * result.profiles.clusters[0].label // => e.g. "Very frequent · High spend · Recent"
 */
export function clusterWorkflow(options: ClusterOptions): ClusterResult {
  const context = runContext(options);
  validateKRange(options.k, options.k);
  const settings = fitSettingsOf(options.fit);
  const prepared = prepareClients(
    options.table,
    options.prepare,
    { ...(options.sample === undefined ? {} : { sample: options.sample }), seed: settings.seed },
    context.progress,
  );
  const run = fitClusterRun(prepared, options.k, settings, options, context);
  const stability = clusterStabilityOf(
    prepared,
    run.clustering,
    run.profiled,
    settings,
    context,
    options.stability,
  );
  const judged = withStability(run, stability);
  return {
    ...judged,
    prepared,
    settings,
    report: clusterReportInput(context, `segwork · ${options.k} clusters`, prepared, {
      cluster: judged.display,
    }),
    summary: clusterLines(judged.profiles, context.lang),
  };
}

/**
 * A run with its clusters' bootstrap stability on the profile table and in
 * profiles.json; the run itself when stability was not measured.
 *
 * @example
 * withStability(run, stabilityAtK(sweep.stability, 3, run.profiled.renumber)).profiles.stability?.resamples; // => 20
 */
export function withStability(
  run: ClusterRun,
  stability: ClusterStabilityData | undefined,
): ClusterRun {
  if (!stability) return run;
  return {
    ...run,
    profiles: profilesArtifact(run.profiled.profiles, stability),
    display: { ...run.display, stability },
  };
}

/**
 * The input of a K-Means report: header, the data and scaling of `prepared`,
 * and the sweep and/or clustering parts.
 *
 * @example
 * clusterReportInput(context, "segwork · 4 clusters", prepared, { cluster: run.display }).title // => "segwork · 4 clusters"
 */
export function clusterReportInput(
  context: RunContext,
  title: string,
  prepared: Prepared,
  parts: Pick<ClusterReportInput, "sweep" | "cluster">,
): ClusterReportInput {
  return {
    ...reportMeta(context, title),
    features: prepared.features,
    summary: prepared.summary,
    scaler: prepared.scaler,
    ...parts,
  };
}

/** The files of a cluster run without its report: assignments.csv, model.json, profiles.json. */
export function clusterArtifactFiles(run: ClusterRun): OutputFile[] {
  return [
    { name: "assignments.csv", content: writeAssignments(run.assignments) },
    { name: "model.json", content: writeModel(run.model) },
    { name: "profiles.json", content: writeProfiles(run.profiles) },
  ];
}

/** Names of the files {@link clusterFiles} gives. */
export const CLUSTER_OUTPUTS = ["assignments.csv", "model.json", "profiles.json", "report.html"];

/**
 * Every file of the cluster command: the artifacts and report.html.
 *
 * @example
 * (await clusterFiles(result)).map((f) => f.name) // => CLUSTER_OUTPUTS
 */
export async function clusterFiles(result: ClusterResult): Promise<OutputFile[]> {
  return [...clusterArtifactFiles(result), await clusterReportFile(result.report)];
}
