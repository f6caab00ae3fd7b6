/**
 * With --refit: how far each refitted centroid moved from the one whose
 * name it took (the previous period's, the saved model's for the first
 * period), in z units, and which matches are poor. Left out of frozen runs.
 */
import type { CentroidPairing } from "../../compare/index.js";
import { chart, join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { renderSvg } from "../render.js";
import { refitDriftSpec } from "../specs/period-effects.js";
import type { PeriodPage } from "./periods-data.js";
import type { SectionContext } from "./section.js";

/**
 * The drift table, a sentence naming the poor matches and the drift chart;
 * none (an empty list) for a period that was not refitted.
 *
 * @throws {Error} when the chart fails to render
 * @example
 * (await periodRefitSection({ run, index: 1 }, sectionContext())).map((s) => s.id); // => ["refit"] with --refit, [] frozen
 */
export async function periodRefitSection(
  { run, index }: PeriodPage,
  context: SectionContext,
): Promise<ReportSection[]> {
  const refit = run.periods[index]!.refit;
  if (refit === null) return [];
  const { locale } = context;
  const { t, number } = locale;
  const names = run.names.cluster;
  const name = (c: number): string => names[String(c)] ?? String(c);
  const against =
    index === 0
      ? t("periods.refit.model")
      : t("periods.refit.previous", { previous: run.periods[index - 1]!.label });
  const pairs = refit.match.pairs;
  const poor = pairs.filter((p) => p.poor);
  const yesNo = (yes: boolean): string => t(yes ? "periods.yes" : "periods.no");
  const svg = await renderSvg(refitDriftSpec(pairs, { names, locale }));
  const poorList = poor
    .map((p) =>
      t("periods.refit.nearest", { name: name(p.previous), nearest: name(p.nearestPrevious) }),
    )
    .join(t("periods.listSeparator"));
  return [
    {
      id: "refit",
      title: t("periods.refit.title", { against }),
      html: join(
        paragraph(
          poor.length === 0
            ? t("periods.refit.allGood")
            : t(poor.length === 1 ? "periods.refit.poorOne" : "periods.refit.poorMany", {
                clusters: poorList,
              }),
        ),
        table<CentroidPairing>({
          columns: [
            { header: t("periods.refit.cluster"), value: (p) => name(p.previous) },
            {
              header: t("periods.refit.own"),
              value: (p) => String(p.next),
              description: t("periods.refit.ownNote"),
            },
            { header: t("periods.refit.drift"), value: (p) => number(p.drift, 3), align: "right" },
            {
              header: t("periods.refit.relative"),
              value: (p) => number(p.relativeDrift, 2),
              align: "right",
            },
            { header: t("periods.refit.nearestHeader"), value: (p) => name(p.nearestPrevious) },
            { header: t("periods.refit.poor"), value: (p) => yesNo(p.poor) },
          ],
          rows: pairs,
          highlight: (p) => p.poor,
          caption: t("periods.refit.caption", {
            against,
            total: number(refit.match.totalDrift, 3),
          }),
        }),
        chart({
          svg,
          caption: t("periods.refit.chartCaption"),
          alt: t("periods.refit.alt", {
            list: pairs
              .map(
                (p) =>
                  `${name(p.previous)} ${number(p.drift, 2)}${p.poor ? t("periods.refit.altPoor") : ""}`,
              )
              .join(", "),
          }),
        }),
      ),
    },
  ];
}
