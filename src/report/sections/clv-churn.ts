/**
 * Churn-risk levels of the CLV run: clients, share and expected CLV per P(alive) band.
 */
import type { ChurnRiskBands } from "../../clv/index.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { Locale } from "../i18n/locale.js";
import { total, type ClvReportInput } from "./clv-input.js";
import { churnLevelName } from "./clv-locale.js";
import type { SectionContext } from "./section.js";

/** The P(alive) band of level k in words: "P(alive) < 0.3", "0.3 ≤ P(alive) < 0.7", "P(alive) ≥ 0.7". */
function bandText(bands: ChurnRiskBands, k: number, locale: Locale): string {
  const upper = bands.bands[k]?.below;
  const lower = k > 0 ? bands.bands[k - 1]?.below : undefined;
  if (lower === undefined && upper === undefined) return locale.t("clv.churn.every");
  if (lower === undefined) return `P(alive) < ${upper}`;
  if (upper === undefined) return `P(alive) ≥ ${lower}`;
  return `${lower} ≤ P(alive) < ${upper}`;
}

/**
 * Churn-risk levels: clients, share and expected CLV per P(alive) band.
 *
 * @throws never
 * @example
 * churnRiskSection(input, sectionContext()).id; // => "clv-churn"
 */
export function churnRiskSection(input: ClvReportInput, context: SectionContext): ReportSection {
  const { locale } = context;
  const { t, percent } = locale;
  const { churn } = input;
  const n = churn.level.length;
  const rows = churn.labels.map((label, k) => {
    let value = 0;
    for (let i = 0; i < n; i++) if (churn.level[i] === k) value += input.clv[i]!;
    return {
      label: churnLevelName(label, locale),
      band: bandText(churn.bands, k, locale),
      count: churn.counts[k]!,
      value,
    };
  });
  const all = total(input.clv);
  const file = input.settings.churnBands.file;
  return {
    id: "clv-churn",
    title: t("clv.churn.title"),
    html: join(
      paragraph(
        t("clv.churn.intro", {
          bands: file === null ? t("clv.churn.byDefault") : t("clv.churn.from", { file }),
        }),
      ),
      table({
        rows,
        columns: [
          { header: t("clv.value.churnRisk"), value: (r) => r.label },
          { header: t("clv.churn.band"), value: (r) => r.band, align: "left" },
          { header: t("clv.churn.clients"), value: (r) => r.count, decimals: 0 },
          {
            header: t("clv.churn.share"),
            value: (r) => percent(n > 0 ? r.count / n : Number.NaN),
            align: "right",
          },
          { header: t("clv.churn.clv"), value: (r) => r.value, decimals: 0 },
          {
            header: t("clv.churn.clvShare"),
            value: (r) => percent(all > 0 ? r.value / all : Number.NaN),
            align: "right",
          },
          {
            header: t("clv.churn.perClient"),
            value: (r) => (r.count > 0 ? r.value / r.count : Number.NaN),
            decimals: 2,
          },
        ],
      }),
    ),
  };
}
