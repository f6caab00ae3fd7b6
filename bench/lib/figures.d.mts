/** Types of figures.mjs (the harness is plain ESM so `node bench/run.mjs` needs no build). */
export interface Target {
  op: "<=" | "<";
  value: number;
}
export interface InertiaRow {
  k: number;
  inertia: number;
}
export interface InertiaComparison {
  perK: { k: number; segwork: number; reference: number; ratio: number | null }[];
  medianRatio: number | null;
  worstRatio: number | null;
  everyKWithin1Percent: boolean | null;
}
export function parseSize(text: string): number;
export function sizeLabel(rows: number): string;
export function median(values: readonly number[]): number | null;
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null;
export function plannedRuns(firstRunMs: number, repeat: number, limitMs?: number): number;
export function formatDuration(ms: number | null | undefined): string;
export function formatMemory(kb: number | null | undefined): string;
export function formatRatio(value: number | null | undefined): string;
export function meetsTarget(value: number | null | undefined, target: Target): boolean | null;
export function compareInertia(
  segwork: readonly InertiaRow[],
  reference: readonly InertiaRow[],
): InertiaComparison;
export function parsePeakRss(text: string): number | null;
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align?: readonly ("l" | "r")[],
): string;
