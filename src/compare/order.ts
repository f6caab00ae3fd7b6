/**
 * Natural order of label strings: runs of digits compare as numbers, the rest
 * by code unit, so "cluster 2" < "cluster 10" and "-1" < "0" < "2.5" < "10".
 * When both labels are plain numbers they compare numerically. Deterministic
 * and locale-independent.
 *
 * @example
 * ["10", "2", "1"].sort(naturalCompare); // => ["1", "2", "10"]
 */
export function naturalCompare(x: string, y: string): number {
  const nx = plainNumber(x);
  const ny = plainNumber(y);
  if (nx !== null && ny !== null && nx !== ny) return nx - ny;
  const px = x.match(CHUNKS) ?? [];
  const py = y.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(px.length, py.length); i++) {
    const cx = px[i]!;
    const cy = py[i]!;
    if (cx === cy) continue;
    const dx = /^\d/.test(cx);
    const dy = /^\d/.test(cy);
    if (dx && dy) {
      const diff = Number(cx) - Number(cy);
      if (diff !== 0) return diff;
      // Same value, different spelling ("07" vs "7"): shorter first.
      return cx.length - cy.length;
    }
    return cx < cy ? -1 : 1;
  }
  if (px.length !== py.length) return px.length - py.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

const CHUNKS = /\d+|\D+/g;

function plainNumber(s: string): number | null {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s)) return null;
  return Number(s);
}

/**
 * The distinct labels, with `preferred` first (those that occur, in the given
 * order) and the rest in {@link naturalCompare} order.
 *
 * @example
 * orderLabels(["b", "a", "c", "a"], ["c"]); // => ["c", "a", "b"]
 */
export function orderLabels(
  labels: readonly string[],
  preferred: readonly string[] = [],
): string[] {
  const present = new Set(labels);
  const first: string[] = [];
  const seen = new Set<string>();
  for (const label of preferred) {
    if (present.has(label) && !seen.has(label)) {
      first.push(label);
      seen.add(label);
    }
  }
  const rest = [...present].filter((label) => !seen.has(label)).sort(naturalCompare);
  return first.concat(rest);
}
