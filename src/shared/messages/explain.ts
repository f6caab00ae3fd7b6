/** Lines `segwork grade --client` prints for one client's explanation. */
import type { ClientExplanation } from "../../grade/explain.js";

const num = (x: number): string =>
  Number.isInteger(x)
    ? x.toLocaleString("en-US")
    : x.toLocaleString("en-US", { maximumFractionDigits: 3 });
const bound = (x: number | null, open: string): string => (x === null ? open : num(x));

/**
 * The explanation as text lines: cluster with every distance, R/F/M with
 * the cut points around each value and the segment rule, tier with each
 * criterion's points.
 *
 * @example
 * explanationLines(e)[0]; // => "client 17850"
 */
export function explanationLines(e: ClientExplanation): string[] {
  const lines = [`client ${e.id}`];
  if (e.cluster) {
    const c = e.cluster;
    lines.push(
      c.cluster < 0
        ? `cluster: not scored (${c.unscored ?? "unscorable"})`
        : `cluster ${c.cluster}: ${c.label ?? ""}`,
      ...c.distances.map(
        (d) => `  distance to ${d.cluster} (${d.label}): ${d.distance.toFixed(3)}`,
      ),
    );
  }
  if (e.rfm) {
    lines.push(`RFM score ${e.rfm.rfmScore}`);
    for (const m of e.rfm.measures) {
      lines.push(
        `  ${m.measure} ${num(m.value)} (${m.column}) → score ${m.score}: in [${bound(m.lower, "−∞")}, ${bound(m.upper, "+∞")}) of cuts ${m.cuts.map(num).join(", ")}`,
      );
    }
    const s = e.rfm.segment;
    if (s)
      lines.push(
        s.index < 0
          ? `segment: ${s.name} (no rule matched)`
          : `segment: ${s.name} (rule ${s.index + 1} of the table)`,
      );
  }
  if (e.tier) {
    const t = e.tier;
    lines.push(`tier ${t.tier}: score ${t.score.toFixed(1)} (tier from ${t.min})`);
    for (const c of t.criteria) {
      lines.push(
        `  ${c.feature} ${num(c.value)} × weight ${c.weight} (${c.normalization}, ${c.direction} is better) → ${c.points.toFixed(1)} points`,
      );
    }
    if (t.next)
      lines.push(
        `  ${t.next.pointsShort.toFixed(1)} points short of ${t.next.tier} (${t.next.min})`,
      );
  }
  return lines;
}
