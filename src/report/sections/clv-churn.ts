/**
 * Churn-risk levels of the CLV run: clients, share and expected CLV per P(alive) band.
 */
import type { ChurnRiskBands } from "../../clv/index.js";
import { formatPercent } from "../format.js";
import { join, paragraph, table } from "../html.js";
import type { ReportSection } from "../html.js";
import { total, type ClvReportInput } from "./clv-input.js";
import type { SectionContext } from "./section.js";

/** The P(alive) band of level k in words: "P(alive) < 0.3", "0.3 ≤ P(alive) < 0.7", "P(alive) ≥ 0.7". */
function bandText(bands: ChurnRiskBands, k: number): string {
  const upper = bands.bands[k]?.below;
  const lower = k > 0 ? bands.bands[k - 1]?.below : undefined;
  if (lower === undefined && upper === undefined) return "every client";
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
export function churnRiskSection(input: ClvReportInput, _context: SectionContext): ReportSection {
  const { churn } = input;
  const n = churn.level.length;
  const rows = churn.labels.map((label, k) => {
    let value = 0;
    for (let i = 0; i < n; i++) if (churn.level[i] === k) value += input.clv[i]!;
    return { label, band: bandText(churn.bands, k), count: churn.counts[k]!, value };
  });
  const all = total(input.clv);
  const file = input.settings.churnBands.file;
  return {
    id: "clv-churn",
    title: "Churn risk",
    html: join(
      paragraph(
        `Clients in levels by P(alive), the probability that they are still buying (bands ${file === null ? "by default" : `from ${file}`}).`,
      ),
      table({
        rows,
        columns: [
          { header: "Churn risk", value: (r) => r.label },
          { header: "Band", value: (r) => r.band, align: "left" },
          { header: "Clients", value: (r) => r.count, decimals: 0 },
          {
            header: "Share",
            value: (r) => formatPercent(n > 0 ? r.count / n : Number.NaN),
            align: "right",
          },
          { header: "Expected CLV", value: (r) => r.value, decimals: 0 },
          {
            header: "Share of CLV",
            value: (r) => formatPercent(all > 0 ? r.value / all : Number.NaN),
            align: "right",
          },
          {
            header: "Per client",
            value: (r) => (r.count > 0 ? r.value / r.count : Number.NaN),
            decimals: 2,
          },
        ],
      }),
    ),
  };
}
