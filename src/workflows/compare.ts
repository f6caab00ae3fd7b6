/**
 * The compare workflow: two segmentations of the same clients (K-Means
 * clusters, RFM segments, tiers, ABC classes, …) side by side — agreement
 * indices, the crosstab, dominant matches, disagreements, a surrogate rule
 * describing each of A's labels by raw features, and which scheme separates
 * revenue better.
 */
import path from "node:path";
import { compareSegmentations, maskId } from "../compare/index.js";
import type { Comparison, ComparisonNamesZh, Labeling } from "../compare/types.js";
import type { Table } from "../load/types.js";
import type { ClvByGroupData } from "../report/sections/clv-by-group.js";
import type { FullReportInput } from "../report/types.js";
import {
  compareArtifact,
  writeCompare,
  writeCrosstab,
  type CompareArtifact,
} from "../artifacts/compare.js";
import * as compareMsg from "../shared/messages/compare.js";
import * as notes from "../shared/messages/workflows.js";
import {
  chooseFeatureSource,
  readCompareClients,
  readLabelSide,
  type CompareInputOptions,
  type LabelSide,
} from "./compare-inputs.js";
import { clvByGroupOf } from "./join-table.js";
import { localeFor } from "../report/i18n/locale.js";
import { separationVerdict } from "../report/sections/comparison-value.js";
import { fullReportFile, type OutputFile } from "./files.js";
import { reportMeta, runContext, type RunOptions } from "./run.js";

/** One side of a comparison, in memory. */
export interface CompareSideInput {
  labeling: Labeling;
  /** Display name (default: the file name of the labeling's source). */
  name?: string;
  /** Chinese display name, for zh-CN reports. */
  nameZh?: string;
  /** Chinese names of labels (label → name), for zh-CN reports. */
  labelNamesZh?: Readonly<Record<string, string>>;
  /** Label order (default: natural order). */
  order?: readonly string[];
  /** The file, id and label column recorded in compare.json. */
  file: string;
  idColumn: string;
  labelColumn: string;
}

/** Options of {@link compareWorkflow}. */
export interface CompareOptions extends RunOptions {
  a: CompareSideInput;
  b: CompareSideInput;
  /** The table with the raw features (and revenue), when there is one. */
  clients?: Table;
  /** Raw features of `clients` for the surrogate rules. */
  features: string[];
  /** Revenue column of `clients` for the value separation. */
  revenue?: string;
  /** Notes on where the features came from (compare.json keeps them). */
  notes?: string[];
  /** Show client ids in the outputs (default: masked). */
  showIds?: boolean;
}

/** What {@link compareWorkflow} gives. */
export interface CompareResult {
  comparison: Comparison;
  /** compare.json. */
  artifact: CompareArtifact;
  report: FullReportInput;
  summary: string[];
}

/**
 * Compares two labelings of the same ids.
 *
 * @throws SegworkError for duplicate ids or no common ids.
 * @example
 * const result = compareWorkflow({ a: { labeling: clusters, file: "assignments.csv", idColumn: "id", labelColumn: "cluster" }, b: …, features: [] });
 * result.comparison.scores.adjustedRandIndex // => 0.31
 */
export function compareWorkflow(options: CompareOptions): CompareResult {
  const context = runContext(options);
  const { a, b } = options;
  const namesZh = namesZhOf(a, b);
  const compared = compareSegmentations(
    a.labeling,
    b.labeling,
    {
      nameA: a.name ?? path.basename(a.file),
      nameB: b.name ?? path.basename(b.file),
      featureColumns: options.features,
      ...(a.order ? { rowOrder: a.order } : {}),
      ...(b.order ? { colOrder: b.order } : {}),
      ...(options.revenue !== undefined ? { revenueColumn: options.revenue } : {}),
    },
    options.clients,
  );
  const comparison: Comparison = namesZh ? { ...compared, namesZh } : compared;
  const showIds = Boolean(options.showIds);
  const show = showIds ? (id: string) => id : maskId;
  const { matching, scores } = comparison;
  for (const [side, u, file] of [
    ["A", matching.onlyInA, a.file],
    ["B", matching.onlyInB, b.file],
  ] as const) {
    if (u.count > 0)
      context.progress.note(
        notes.note(compareMsg.unmatchedIds(side, file, u.count, u.examples.map(show))),
      );
  }
  const artifact = compareArtifact(
    comparison,
    context.provenance,
    {
      a: { file: a.file, idColumn: a.idColumn, labelColumn: a.labelColumn },
      b: { file: b.file, idColumn: b.idColumn, labelColumn: b.labelColumn },
    },
    {
      source: options.clients?.source ?? null,
      columns: options.features,
      revenue: options.revenue ?? null,
    },
    options.notes ?? [],
    showIds,
  );
  return {
    comparison,
    artifact,
    report: {
      ...reportMeta(context, `segwork · ${comparison.nameA} vs ${comparison.nameB}`),
      segments: { comparison, ...expectedClvOf(options), showIds },
    },
    summary: [
      (context.lang === "en" ? notes.comparedLine : notes.comparedLineZh)(
        scores.n,
        scores.adjustedRandIndex,
        scores.normalizedMutualInfo,
        scores.vMeasure,
      ),
      ...(comparison.separation ? [separationVerdict(comparison, localeFor(context.lang))] : []),
    ],
  };
}

/** The sides' Chinese names, or undefined when neither side has any. */
function namesZhOf(a: CompareSideInput, b: CompareSideInput): ComparisonNamesZh | undefined {
  const names: ComparisonNamesZh = {
    ...(a.nameZh === undefined ? {} : { nameA: a.nameZh }),
    ...(b.nameZh === undefined ? {} : { nameB: b.nameZh }),
    ...(a.labelNamesZh === undefined ? {} : { labelsA: a.labelNamesZh }),
    ...(b.labelNamesZh === undefined ? {} : { labelsB: b.labelNamesZh }),
  };
  return Object.keys(names).length > 0 ? names : undefined;
}

/** A side read from a file, as {@link compareWorkflow} takes it. */
function sideInput(side: LabelSide, name: string | undefined): CompareSideInput {
  return {
    labeling: side.labeling,
    ...(name === undefined ? {} : { name }),
    ...(side.order ? { order: side.order.order } : {}),
    file: side.info.file,
    idColumn: side.info.idColumn,
    labelColumn: side.info.labelColumn,
  };
}

/**
 * Reads both label files (and the client table) and compares them: the
 * whole `segwork compare` job.
 *
 * @throws SegworkError for unreadable files, unknown id or label columns,
 *   duplicate ids, no common ids, or features/revenue no table has.
 * @example
 * const result = await compareFiles({ a: { file: "runs/k4/assignments.csv" }, b: { file: "runs/rfm/segments.csv" } });
 */
export async function compareFiles(
  options: CompareInputOptions & RunOptions & { nameA?: string; nameB?: string; showIds?: boolean },
): Promise<CompareResult> {
  const { progress } = runContext(options);
  const a = await readLabelSide("A", options, progress);
  const b = await readLabelSide("B", options, progress);
  const clients = options.clients
    ? await readCompareClients(options as CompareInputOptions & { clients: string }, progress)
    : undefined;
  const source = chooseFeatureSource(options, clients, a.table, b.table);
  for (const line of source.notes) progress.note(notes.note(line));
  for (const [side, read] of [
    ["A", a],
    ["B", b],
  ] as const) {
    if (read.order) progress.note(notes.labelOrderFrom(side, read.order.from));
  }
  return compareWorkflow({
    ...(options.command === undefined ? {} : { command: options.command }),
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.showIds === undefined ? {} : { showIds: options.showIds }),
    a: sideInput(a, options.nameA),
    b: sideInput(b, options.nameB),
    ...(source.table ? { clients: source.table } : {}),
    features: source.features,
    ...(source.revenue !== undefined ? { revenue: source.revenue } : {}),
    notes: source.notes,
  });
}

/** Names of the files {@link compareOutputFiles} gives. */
export const COMPARE_OUTPUTS = ["compare.json", "crosstab.csv", "report.html"];

/**
 * Every file of the compare command.
 *
 * @example
 * (await compareOutputFiles(result)).map((f) => f.name) // => COMPARE_OUTPUTS
 */
export async function compareOutputFiles(result: CompareResult): Promise<OutputFile[]> {
  return [
    { name: "compare.json", content: writeCompare(result.artifact) },
    { name: "crosstab.csv", content: writeCrosstab(result.comparison) },
    await fullReportFile(result.report),
  ];
}

/**
 * Expected CLV per group of side A (most often the K-Means clusters), when
 * the client table has a `clv` column (e.g. `--clients clv.csv`, or a table
 * joined with one); ids of A not in the table are left out.
 */
function expectedClvOf(options: CompareOptions): { expectedClv?: ClvByGroupData } {
  const table = options.clients;
  if (table?.columns.clv === undefined) return {};
  const rowOf = new Map(table.ids.map((id, row) => [id, row]));
  const rows: number[] = [];
  const labels: string[] = [];
  const { ids, labels: groups } = options.a.labeling;
  ids.forEach((id, i) => {
    const row = rowOf.get(id);
    if (row === undefined) return;
    rows.push(row);
    labels.push(groups[i]!);
  });
  const column = options.a.labelColumn;
  const title = column.charAt(0).toUpperCase() + column.slice(1);
  const data = clvByGroupOf(table, rows, labels, options.a.order ?? [], title);
  return data === undefined ? {} : { expectedClv: data };
}
