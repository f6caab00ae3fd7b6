/** Types of summary.mjs; `results` is the content of bench/out/results.json (loosely typed). */
export interface ScalingPoint {
  series: string;
  rows: number;
  seconds: number;
}
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Results = any;
export const TABLE_HEADERS: string[];
export const SCALING_SERIES: { stage: string; tool: string; measure?: string; series: string }[];
export function figureText(figure: Results): string;
export function targetText(
  target: { text: string } | null | undefined,
  meets: boolean | null | undefined,
): string;
export function comparisonRows(results: Results): string[][];
export function orderedComparisons<T extends { stage?: string; rows?: number | null }>(
  comparisons: readonly T[],
): T[];
export function machineLine(machine: {
  cpuModel: string;
  nproc: number;
  memTotalBytes: number;
  os?: string | null;
}): string;
export function runsSentence(repeat: number): string;
export function resultsMarkdown(results: Results): string;
export function scalingPoints(results: Results): ScalingPoint[];
export function linearGuide(
  points: readonly ScalingPoint[],
  series: string,
): { rows: number; seconds: number }[];
