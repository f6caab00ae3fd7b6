/**
 * Human labels for clusters from their z-centroids, e.g.
 * "High spend · Frequent · Recent". Words depend on what a feature measures,
 * guessed from its name (English or Chinese); unknown features read
 * "High <name>" / "Low <name>".
 */

interface Vocabulary {
  pattern: RegExp;
  high: string;
  low: string;
}

// Order matters: the first pattern that matches a feature name wins.
const VOCABULARY: Vocabulary[] = [
  { pattern: /recen|days_since|since_last|最近|间隔|未消费/i, high: "Lapsed", low: "Recent" },
  {
    pattern: /tenure|age_days|first_purchase|在网|注册|会员时长/i,
    high: "Long-standing",
    low: "New",
  },
  {
    pattern: /freq|orders|visits|count|invoices|purchases|频|次数/i,
    high: "Frequent",
    low: "Infrequent",
  },
  { pattern: /return|refund|退/i, high: "High returns", low: "Few returns" },
  { pattern: /avg_order|aov|basket|客单/i, high: "Large baskets", low: "Small baskets" },
  {
    pattern: /monet|revenue|spend|amount|sales|value|clv|金额|消费|收入|营收/i,
    high: "High spend",
    low: "Low spend",
  },
];

/** The word for one feature at a given z-score, or null when it is unremarkable (|z| < 0.5). */
export function describeFeature(feature: string, z: number): string | null {
  if (!(Math.abs(z) >= 0.5)) return null;
  const strong = Math.abs(z) >= 1.5;
  const entry = VOCABULARY.find((v) => v.pattern.test(feature));
  if (!entry)
    return `${strong ? "Very " + (z > 0 ? "high" : "low") : z > 0 ? "High" : "Low"} ${feature}`;
  const word = z > 0 ? entry.high : entry.low;
  return strong ? `Very ${word.charAt(0).toLowerCase()}${word.slice(1)}` : word;
}

/**
 * One label per cluster, unique within the run. Each label names up to
 * `maxParts` features with |z| ≥ 0.5, strongest first; clusters close to the
 * overall mean on every feature are "Average". Collisions are resolved by
 * adding the next most distinctive feature, then a numeric suffix.
 *
 * @example
 * labelClusters([{ monetary: 1.8, recency_days: -0.9 }, { monetary: -0.4, recency_days: 1.1 }])
 * // => ["Very high spend · Recent", "Lapsed"]
 */
export function labelClusters(zCentroids: Record<string, number>[], maxParts = 3): string[] {
  const ranked = zCentroids.map((z) =>
    Object.entries(z)
      .map(([feature, value]) => ({ feature, value, word: describeFeature(feature, value) }))
      .filter((e): e is { feature: string; value: number; word: string } => e.word !== null)
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value)),
  );
  const labels = ranked.map((parts) => compose(parts, maxParts));
  // Lengthen colliding labels, one more part at a time, while that helps.
  for (let extra = 1; extra <= 3; extra++) {
    const counts = countOf(labels);
    let changed = false;
    labels.forEach((label, i) => {
      if (counts.get(label)! > 1) {
        const longer = compose(ranked[i]!, maxParts + extra);
        if (longer !== label) {
          labels[i] = longer;
          changed = true;
        }
      }
    });
    if (!changed) break;
  }
  const seen = new Map<string, number>();
  const counts = countOf(labels);
  return labels.map((label) => {
    if (counts.get(label)! === 1) return label;
    const nth = (seen.get(label) ?? 0) + 1;
    seen.set(label, nth);
    return `${label} (${nth})`;
  });
}

function compose(parts: { word: string }[], maxParts: number): string {
  if (parts.length === 0) return "Average";
  return parts
    .slice(0, maxParts)
    .map((p) => p.word)
    .join(" · ");
}

function countOf(labels: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}
