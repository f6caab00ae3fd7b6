/** Types of html-report.mjs. */
import type { ScalingPoint } from "./summary.mjs";

/* eslint-disable @typescript-eslint/no-explicit-any */
export function scalingSpec(points: readonly ScalingPoint[], config?: object): any;
export function inertiaSpec(
  quality: readonly { rows: number; label: string; perK: { k: number; ratio: number | null }[] }[],
  config?: object,
): any | null;
export function renderBenchPage(
  results: any,
  options: { distDir: string },
): Promise<{ html: string; usedReportStage: boolean }>;
