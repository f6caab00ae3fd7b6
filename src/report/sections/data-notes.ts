/**
 * The cleaning notes and per-column actions of the data section, restated
 * from the counts of a cleaning summary in the locale's language. English
 * reports show the prepare stage's own sentences (the ones the CLI prints),
 * so their bytes never move; other languages write the same facts from the
 * numbers, in the order the stage does.
 */
import type { CleaningSummary, ColumnSummary, ScalerParameters } from "../../prepare/types.js";
import type { Locale } from "../i18n/locale.js";
import { scalingText } from "./scaling.js";

const SCALED_NOTE = {
  zscore: "data.noteZscore",
  robust: "data.noteRobust",
  minmax: "data.noteMinmax",
  none: "data.noteNone",
} as const;

/**
 * What cleaning did, one sentence each, in the locale's language. Without the
 * scaler the log and scaling sentences are left out (the scaling section says them).
 *
 * @example
 * cleaningNotes(summary, localeFor("zh-CN"), scaler)[0]; // => "从 clients.csv 读取了 4,338 行。"
 */
export function cleaningNotes(
  s: CleaningSummary,
  locale: Locale,
  scaler?: ScalerParameters,
): string[] {
  if (locale.lang === "en") return s.notes;
  const { t, integer } = locale;
  const notes = [t("data.noteRead", { rows: s.inputRows, source: s.source })];
  if (s.droppedDuplicates > 0)
    notes.push(
      t("data.noteDuplicates", {
        ids: integer(s.duplicateIds),
        which: t(s.dedupe === "last" ? "data.noteLast" : "data.noteFirst"),
        rows: integer(s.droppedDuplicates),
      }),
    );
  if (s.droppedMissing > 0) notes.push(t("data.noteMissing", { rows: integer(s.droppedMissing) }));
  if (s.droppedNonNumeric > 0)
    notes.push(t("data.noteNonNumeric", { rows: integer(s.droppedNonNumeric) }));
  if (s.impute === "median") notes.push(t("data.noteImputed"));
  if (s.droppedLogInvalid > 0) {
    const where = s.columns
      .filter((c) => c.logInvalid > 0)
      .map((c) => t("data.noteLogWhere", { count: integer(c.logInvalid), feature: c.name }))
      .join(t("data.listJoin"));
    notes.push(t("data.noteLogInvalid", { rows: integer(s.droppedLogInvalid), where }));
  }
  if (scaler) {
    if (scaler.clip) notes.push(t("data.noteClip"));
    if (scaler.log.length > 0)
      notes.push(t("data.noteLog", { features: scaler.log.join(t("data.listJoin")) }));
    notes.push(t(SCALED_NOTE[scaler.method]));
  }
  return notes;
}

/**
 * What was done to one column, in the locale's language (English: the
 * stage's own account).
 *
 * @example
 * columnAction(column, "drop", localeFor("zh-CN"), scaler); // => "8 个 ≤ −1 → 删除所在行；log1p；z 分数标准化"
 */
export function columnAction(
  c: ColumnSummary,
  impute: CleaningSummary["impute"],
  locale: Locale,
  scaler?: ScalerParameters,
): string {
  if (locale.lang === "en") return c.action;
  const { t, integer } = locale;
  const bad = c.missing + c.nonNumeric;
  const parts: string[] = [];
  if (bad > 0)
    parts.push(
      t(impute === "median" ? "data.actionFilled" : "data.actionDropped", { count: integer(bad) }),
    );
  if (c.logInvalid > 0) parts.push(t("data.actionLogInvalid", { count: integer(c.logInvalid) }));
  if (c.clipped > 0) parts.push(t("data.actionClipped", { count: integer(c.clipped) }));
  if (scaler) {
    if (scaler.log.includes(c.name)) parts.push(t("scaling.log"));
    parts.push(
      scaler.method === "none"
        ? t("data.actionNotScaled")
        : t("data.actionScaled", { method: scalingText(scaler.method, locale).short }),
    );
  }
  return parts.length > 0 ? parts.join(t("data.actionJoin")) : "—";
}
