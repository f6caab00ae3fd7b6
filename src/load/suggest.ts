/**
 * "Did you mean …?" for column names: the header closest to a mistyped name.
 */

/**
 * Levenshtein distance (insertions, deletions, substitutions, each cost 1).
 *
 * @example editDistance("recency", "recencY") // => 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The header nearest to `name`, compared case-insensitively, if it is close
 * enough to be a likely typo: at most one edit for names up to 4 characters,
 * otherwise at most a third of the longer name's length. Ties go to the
 * header that comes first.
 *
 * @example closestHeader("custmer_id", ["customer_id", "date"]) // => "customer_id"
 * @example closestHeader("zzz", ["customer_id", "date"]) // => undefined
 */
export function closestHeader(name: string, headers: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const header of headers) {
    const distance = editDistance(wanted, header.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, header.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = header;
      bestDistance = distance;
    }
  }
  return best;
}
