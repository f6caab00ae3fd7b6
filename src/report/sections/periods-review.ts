/**
 * The manual side of a period: overrides in force (with reason, who and
 * expiry), overrides that expired, and the clients flagged for a look.
 * Ids are masked unless the run shows them.
 */
import { maskId } from "../../compare/index.js";
import type { MessageKey } from "../i18n/en.js";
import type { Locale } from "../i18n/locale.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type {
  PeriodPage,
  PeriodsFlag,
  PeriodsFlagCode,
  PeriodsReportInput,
} from "./periods-data.js";
import { dayText } from "./periods-labels.js";
import type { SectionContext } from "./section.js";

/** At most this many flagged clients are listed (the assignments file has them all). */
export const FLAGS_SHOWN = 50;

const FLAG_KEYS: Record<PeriodsFlagCode, MessageKey> = {
  "tier-drop": "periods.flag.tierDrop",
  "top-tier-lapsed": "periods.flag.topTierLapsed",
  unscored: "periods.flag.unscored",
  "override-expired": "periods.flag.overrideExpired",
};

/** Display name of a tier or segment on this page. */
function labelOf(run: PeriodsReportInput, field: "tier" | "segment", value: string): string {
  return run.names[field][value] ?? value;
}

/** Why a client is flagged and the detail, in the page's language (English as the run wrote it). */
function flagText(
  flag: PeriodsFlag,
  run: PeriodsReportInput,
  locale: Locale,
): { why: string; detail: string } {
  if (locale.lang === "en") return { why: flag.reason, detail: flag.detail };
  const f = flag.facts;
  const detail =
    f === undefined
      ? flag.detail
      : "days" in f
        ? locale.t("periods.flagDetail.days", { days: locale.integer(f.days) })
        : "field" in f
          ? locale.t("periods.flagDetail.until", {
              field: locale.t(`periods.field.${f.field}`),
              value: labelOf(run, f.field, f.value),
              until: dayText(f.until, locale.lang),
            })
          : `${labelOf(run, "tier", f.from)} → ${labelOf(run, "tier", f.to)}`;
  return { why: locale.t(FLAG_KEYS[flag.code]), detail };
}

/**
 * Overrides applied and expired, then the flagged clients.
 *
 * @example
 * periodReviewSection({ run, index: 1 }, sectionContext()).map((s) => s.id); // => ["overrides", "flags"]
 */
export function periodReviewSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): ReportSection[] {
  const { locale } = context;
  const { t, integer, lang } = locale;
  const p = run.periods[index]!;
  const id = (value: string): string => (run.showIds ? value : maskId(value));
  const masked = run.showIds ? "" : t("periods.idsMasked");
  const overrides = [
    ...p.overrides.applied.map((o) => ({
      ...o,
      state: t("periods.overrides.applied", {
        was: o.graded === null ? "—" : labelOf(run, o.field, o.graded),
      }),
    })),
    ...p.overrides.expired.map((o) => ({ ...o, state: t("periods.overrides.expired") })),
  ];
  // English pages keep the override file's own words ("tier = Bronze").
  const sets = (o: (typeof overrides)[number]): string =>
    lang === "en"
      ? `${o.field} = ${o.value}`
      : `${t(`periods.field.${o.field}`)} = ${labelOf(run, o.field, o.value)}`;
  const flags = p.flags
    .slice(0, FLAGS_SHOWN)
    .map((f) => ({ id: f.id, ...flagText(f, run, locale) }));
  const more = p.flags.length > FLAGS_SHOWN ? t("periods.flags.shown", { shown: FLAGS_SHOWN }) : "";
  return [
    {
      id: "overrides",
      title: t("periods.overrides.title"),
      html:
        overrides.length === 0
          ? paragraph(t("periods.overrides.none"))
          : table({
              columns: [
                { header: t("periods.overrides.client"), value: (o) => id(o.clientId) },
                { header: t("periods.overrides.sets"), value: sets },
                { header: t("periods.overrides.reason"), value: (o) => o.reason, wide: true },
                { header: t("periods.overrides.who"), value: (o) => o.who },
                { header: t("periods.overrides.until"), value: (o) => dayText(o.until, lang) },
                { header: t("periods.overrides.state"), value: (o) => o.state },
              ],
              rows: overrides,
              caption: `${t("periods.overrides.caption")}${masked}`,
            }),
    },
    {
      id: "flags",
      title: t("periods.flags.title"),
      html:
        p.flags.length === 0
          ? paragraph(t("periods.flags.none"))
          : join(
              table({
                columns: [
                  { header: t("periods.overrides.client"), value: (f) => id(f.id) },
                  { header: t("periods.flags.why"), value: (f) => f.why, wide: true },
                  { header: t("periods.flags.detail"), value: (f) => f.detail },
                ],
                rows: flags,
                caption: `${t("periods.flags.count", { count: integer(p.flags.length) })}${more}${t("periods.flags.end")}${masked}`,
              }),
            ),
    },
  ];
}
