/**
 * The scaling section: the transform applied before clustering, with its
 * parameters per feature (enough to apply it to another table).
 */
import type { ScalerParameters } from "../../prepare/types.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import type { SectionContext } from "./section.js";

/** How each scaling method is named in a headline, a sentence and the parameter columns. */
export const SCALING_TEXT: Readonly<
  Record<
    ScalerParameters["method"],
    { short: string; sentence: string; center: string; scale: string }
  >
> = {
  zscore: {
    short: "z-scores",
    sentence: "Each feature was standardized: (x − mean) / standard deviation (population).",
    center: "Mean",
    scale: "SD",
  },
  robust: {
    short: "robust-scaled",
    sentence: "Each feature was robust-scaled: (x − median) / interquartile range.",
    center: "Median",
    scale: "IQR",
  },
  minmax: {
    short: "min–max scaled",
    sentence: "Each feature was min–max scaled: (x − min) / (max − min).",
    center: "Min",
    scale: "Range",
  },
  none: {
    short: "unscaled",
    sentence: "Features were not scaled; K-Means used the values as they are.",
    center: "Center",
    scale: "Scale",
  },
};

interface ScalerRow {
  feature: string;
  log: boolean;
  lower: number | null;
  upper: number | null;
  center: number;
  scale: number;
}

/**
 * The transform applied before clustering, with its parameters per feature
 * (enough to apply it to another table).
 *
 * @example
 * scalingSection(prepared.scaler, sectionContext()).title; // => "Scaling"
 */
export function scalingSection(scaler: ScalerParameters, context: SectionContext): ReportSection {
  const text = SCALING_TEXT[scaler.method];
  const rows: ScalerRow[] = scaler.features.map((feature, j) => ({
    feature,
    log: scaler.log.includes(feature),
    lower: scaler.clip?.lower[j] ?? null,
    upper: scaler.clip?.upper[j] ?? null,
    center: scaler.center[j] ?? Number.NaN,
    scale: scaler.scale[j] ?? Number.NaN,
  }));
  const steps = [
    scaler.clip ? "clip to the bounds" : "",
    scaler.log.length > 0 ? "log1p on the marked features" : "",
    "(x − center) / scale",
  ].filter((step) => step !== "");
  const clipColumns: TableColumn<ScalerRow>[] = scaler.clip
    ? [
        { header: "Clip lower", value: (r) => r.lower },
        { header: "Clip upper", value: (r) => r.upper },
      ]
    : [];
  const parameters = table<ScalerRow>({
    rows,
    columns: [
      { header: "Feature", value: (r) => r.feature },
      { header: "log1p", value: (r) => (r.log ? "yes" : "—"), align: "left" },
      ...clipColumns,
      { header: `Center (${text.center})`, value: (r) => r.center, align: "right" },
      { header: `Scale (${text.scale})`, value: (r) => r.scale, align: "right" },
    ],
  });
  return {
    id: "scaling",
    title: context.locale.t("title.scaling"),
    html: join(
      paragraph(`${text.sentence} Transform, in order: ${steps.join(" → ")}.`),
      parameters,
    ),
  };
}
