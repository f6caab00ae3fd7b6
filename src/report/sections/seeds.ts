/**
 * The seed-sensitivity section of a clustering: how far the K-Means
 * restarts' inertias spread and how alike their labelings are, and whether
 * the number of restarts was enough.
 */
import type { SeedSensitivity } from "../../evaluate/seed-sensitivity.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import type { SectionContext } from "./section.js";

/** Below this mean pairwise ARI the restarts are said to reach different labelings. */
export const SEED_AGREEMENT_ARI = 0.9;

/**
 * Whether the restarts were enough, in one word: `single` (one restart, no
 * evidence), `enough` (the best inertia was reached more than once),
 * `more` (only one restart reached it: more restarts may find better).
 *
 * @example
 * restartsVerdict({ restarts: 10, reachedBest: 7 }); // => "enough"
 * restartsVerdict({ restarts: 10, reachedBest: 1 }); // => "more"
 */
export function restartsVerdict(
  seeds: Pick<SeedSensitivity, "restarts" | "reachedBest">,
): "single" | "enough" | "more" {
  if (seeds.restarts < 2) return "single";
  return seeds.reachedBest >= 2 ? "enough" : "more";
}

/**
 * Inertia spread and labeling agreement of the restarts at the chosen k,
 * with a table of every restart.
 *
 * @example
 * seedsSection(seedSensitivityOf(runs, 4), sectionContext()).id; // => "seeds"
 */
export function seedsSection(seeds: SeedSensitivity, context: SectionContext): ReportSection {
  const { t, number, integer, percent } = context.locale;
  const verdict = restartsVerdict(seeds);
  const sentences = [
    t("seeds.spread", {
      reached: integer(seeds.reachedBest),
      restarts: integer(seeds.restarts),
      k: seeds.k,
      best: number(seeds.best),
      worst: number(seeds.worst),
      spread: percent(seeds.relativeSpread, 2),
    }),
  ];
  if (seeds.restarts >= 2) {
    sentences.push(
      t("seeds.agreement", {
        mean: number(seeds.meanPairwiseARI, 3),
        min: number(seeds.minPairwiseARI, 3),
      }),
    );
  }
  sentences.push(
    verdict === "single"
      ? t("seeds.verdictSingle")
      : verdict === "enough"
        ? t("seeds.verdictEnough", { reached: integer(seeds.reachedBest) })
        : t("seeds.verdictMore", { restarts: integer(seeds.restarts * 2) }),
  );
  if (seeds.restarts >= 2 && seeds.meanPairwiseARI < SEED_AGREEMENT_ARI) {
    sentences.push(t("seeds.unstable", { threshold: number(SEED_AGREEMENT_ARI, 1) }));
  }
  const rows = Array.from(seeds.inertias, (inertia, restart) => ({ restart, inertia }));
  return {
    id: "seeds",
    title: t("title.seeds"),
    html: join(
      // Chinese sentences follow each other without a space.
      paragraph(sentences.join(context.locale.lang === "zh-CN" ? "" : " ")),
      table({
        columns: [
          { header: t("seeds.restart"), value: (row) => row.restart + 1 },
          { header: t("seeds.inertia"), value: (row) => number(row.inertia), align: "right" },
          {
            header: t("seeds.overBest"),
            value: (row) =>
              percent(seeds.best > 0 ? (row.inertia - seeds.best) / seeds.best : 0, 2),
            align: "right",
          },
          {
            header: t("seeds.ariToKept"),
            value: (row) => number(seeds.ariToBest[row.restart]!, 3),
            align: "right",
          },
        ],
        rows,
        highlight: (row) => row.restart === seeds.bestRestart,
        caption: t("seeds.caption"),
      }),
    ),
  };
}
