/**
 * The scaling section: the transform applied before clustering, with its
 * parameters per feature (enough to apply it to another table).
 */
import type { ScalerParameters } from "../../prepare/types.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection, TableColumn } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import type { SectionContext } from "./section.js";

/** How a scaling method is named in a headline, a sentence and the parameter columns. */
export interface ScalingText {
  short: string;
  sentence: string;
  center: string;
  scale: string;
}

/**
 * The words of a scaling method in the locale's language.
 *
 * @example
 * scalingText("robust", localeFor("en")).scale; // => "IQR"
 * scalingText("zscore", localeFor("zh-CN")).short; // => "z 分数标准化"
 */
export function scalingText(method: ScalerParameters["method"], locale: Locale): ScalingText {
  const { t } = locale;
  return {
    short: t(`scaling.${method}.short`),
    sentence: t(`scaling.${method}.sentence`),
    center: t(`scaling.${method}.center`),
    scale: t(`scaling.${method}.scale`),
  };
}

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
  const { locale } = context;
  const { t } = locale;
  const text = scalingText(scaler.method, locale);
  const rows: ScalerRow[] = scaler.features.map((feature, j) => ({
    feature,
    log: scaler.log.includes(feature),
    lower: scaler.clip?.lower[j] ?? null,
    upper: scaler.clip?.upper[j] ?? null,
    center: scaler.center[j] ?? Number.NaN,
    scale: scaler.scale[j] ?? Number.NaN,
  }));
  const steps = [
    scaler.clip ? t("scaling.stepClip") : "",
    scaler.log.length > 0 ? t("scaling.stepLog") : "",
    t("scaling.stepScale"),
  ].filter((step) => step !== "");
  const clipColumns: TableColumn<ScalerRow>[] = scaler.clip
    ? [
        { header: t("scaling.clipLower"), value: (r) => r.lower },
        { header: t("scaling.clipUpper"), value: (r) => r.upper },
      ]
    : [];
  const parameters = table<ScalerRow>({
    rows,
    columns: [
      { header: t("scaling.feature"), value: (r) => r.feature },
      {
        header: t("scaling.log"),
        value: (r) => (r.log ? t("scaling.yes") : "—"),
        align: "left",
      },
      ...clipColumns,
      {
        header: t("scaling.centerColumn", { name: text.center }),
        value: (r) => r.center,
        align: "right",
      },
      {
        header: t("scaling.scaleColumn", { name: text.scale }),
        value: (r) => r.scale,
        align: "right",
      },
    ],
  });
  return {
    id: "scaling",
    title: t("title.scaling"),
    html: join(
      paragraph(
        t("scaling.intro", { sentence: text.sentence, steps: steps.join(t("scaling.stepJoin")) }),
      ),
      parameters,
    ),
  };
}
