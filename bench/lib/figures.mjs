/**
 * Pure helpers of the benchmark harness: sizes, medians, ratios, number
 * formatting, the inertia comparison and the Markdown table. No I/O here, so
 * test/bench can check them without timing anything.
 */

const SIZE_SUFFIX = { k: 1e3, m: 1e6 };

/**
 * Parses a row count written as `10k`, `1m`, `5M` or `25000`.
 *
 * @param {string} text
 * @returns {number}
 * @throws {Error} when the text is not a positive whole number with an optional k/m suffix
 * @example
 * parseSize("100k"); // => 100000
 */
export function parseSize(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(text);
  const value = match
    ? Number(match[1]) * (match[2] ? SIZE_SUFFIX[match[2].toLowerCase()] : 1)
    : NaN;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`bench: "${text}" is not a row count (write e.g. 10k, 100k, 1m, 25000)`);
  }
  return value;
}

/**
 * Short label of a row count: `10k`, `1M`, `2.5M`, `750`; a count that is
 * not a round number of hundreds keeps every digit (`541,909`).
 *
 * @param {number} rows
 * @returns {string}
 * @example
 * sizeLabel(1_000_000); // => "1M"
 */
export function sizeLabel(rows) {
  if (rows >= 1e6 && rows % 1e5 === 0) return `${rows / 1e6}M`;
  if (rows >= 1e3 && rows % 100 === 0) return `${rows / 1e3}k`;
  return rows.toLocaleString("en-US");
}

/**
 * Median of finite numbers (mean of the middle two for an even count).
 *
 * @param {readonly number[]} values
 * @returns {number | null} null when there is no finite value
 * @example
 * median([3, 1, 2]); // => 2
 */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `numerator / denominator`, or null when either is missing or the denominator is not positive.
 *
 * @param {number | null | undefined} numerator
 * @param {number | null | undefined} denominator
 * @returns {number | null}
 * @example
 * ratio(1.5, 3); // => 0.5
 */
export function ratio(numerator, denominator) {
  if (numerator == null || denominator == null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/**
 * How many runs to take: `repeat` when one run took under `limitMs` (a
 * minute by default), otherwise the single run already taken.
 *
 * @param {number} firstRunMs
 * @param {number} repeat
 * @param {number} [limitMs]
 * @returns {number}
 * @example
 * plannedRuns(12_000, 3); // => 3
 * plannedRuns(75_000, 3); // => 1
 */
export function plannedRuns(firstRunMs, repeat, limitMs = 60_000) {
  return firstRunMs < limitMs ? Math.max(1, repeat) : 1;
}

/**
 * A duration for people: `48 ms`, `1.23 s`, `14.2 s`, `3 min 05 s`.
 *
 * @param {number | null | undefined} ms
 * @returns {string} `—` when missing
 * @example
 * formatDuration(1234); // => "1.23 s"
 */
export function formatDuration(ms) {
  if (ms == null || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(2)} s`;
  if (s < 100) return `${s.toFixed(1)} s`;
  const minutes = Math.floor(Math.round(s) / 60);
  const seconds = Math.round(s) - minutes * 60;
  return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
}

/**
 * Kilobytes (as `/usr/bin/time %M` and `resourceUsage().maxRSS` report them) as megabytes.
 *
 * @param {number | null | undefined} kb
 * @returns {string} `—` when missing
 * @example
 * formatMemory(153_600); // => "150 MB"
 */
export function formatMemory(kb) {
  if (kb == null || !Number.isFinite(kb)) return "—";
  const mb = kb / 1024;
  return mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
}

/**
 * A ratio as `0.48×` (3 significant digits below 10).
 *
 * @param {number | null | undefined} value
 * @returns {string} `—` when missing
 * @example
 * formatRatio(0.4812); // => "0.481×"
 */
export function formatRatio(value) {
  if (value == null || !Number.isFinite(value)) return "—";
  return value < 10 ? `${value.toPrecision(3)}×` : `${Math.round(value)}×`;
}

/**
 * Whether `value` meets `target` (`{ op: "<=", value: 0.5 }` or `"<"`);
 * null when the value is missing.
 *
 * @param {number | null | undefined} value
 * @param {{ op: "<=" | "<", value: number }} target
 * @returns {boolean | null}
 * @example
 * meetsTarget(0.4, { op: "<=", value: 0.5 }); // => true
 */
export function meetsTarget(value, target) {
  if (value == null || !Number.isFinite(value)) return null;
  return target.op === "<" ? value < target.value : value <= target.value;
}

/**
 * Compares segwork's best inertia per k with scikit-learn's: the ratio per k
 * (segwork / scikit-learn; below 1 means segwork found a tighter clustering),
 * the median over k and the worst (largest) ratio. `everyKWithin1Percent`
 * is the quality target's first half: no k is more than 1% above
 * scikit-learn's (a lower inertia is never a fault). Ks present in only one
 * list are left out.
 *
 * @param {readonly { k: number, inertia: number }[]} segwork
 * @param {readonly { k: number, inertia: number }[]} reference
 * @returns {{ perK: { k: number, segwork: number, reference: number, ratio: number | null }[], medianRatio: number | null, worstRatio: number | null, everyKWithin1Percent: boolean | null }}
 * @example
 * compareInertia([{ k: 2, inertia: 101 }], [{ k: 2, inertia: 100 }]).perK[0].ratio; // => 1.01
 */
export function compareInertia(segwork, reference) {
  const byK = new Map(reference.map((row) => [row.k, row.inertia]));
  const perK = segwork
    .filter((row) => byK.has(row.k))
    .map((row) => ({
      k: row.k,
      segwork: row.inertia,
      reference: byK.get(row.k),
      ratio: ratio(row.inertia, byK.get(row.k)),
    }));
  const ratios = perK.map((row) => row.ratio).filter((r) => r != null);
  const worst = ratios.length > 0 ? Math.max(...ratios) : null;
  // 1e-12 absorbs rounding in the division (101 / 100 = 1.0100000000000002).
  return {
    perK,
    medianRatio: median(ratios),
    worstRatio: worst,
    everyKWithin1Percent: worst == null ? null : worst <= 1.01 + 1e-12,
  };
}

/**
 * Reads the peak resident set size (KB) that `/usr/bin/time -f %M` wrote:
 * the last line that is a whole number (earlier lines may be the child's own
 * messages, e.g. "Command exited with non-zero status 1").
 *
 * @param {string} text
 * @returns {number | null}
 * @example
 * parsePeakRss("Command exited with non-zero status 2\n81234\n"); // => 81234
 */
export function parsePeakRss(text) {
  const lines = text.trim().split(/\r?\n/).reverse();
  const line = lines.find((l) => /^\d+$/.test(l.trim()));
  return line === undefined ? null : Number(line.trim());
}

/**
 * A GitHub-flavoured Markdown table; `|` in cells is escaped, `align` takes
 * `l` or `r` per column (left by default).
 *
 * @param {readonly string[]} headers
 * @param {readonly (readonly (string | number)[])[]} rows
 * @param {readonly ("l" | "r")[]} [align]
 * @returns {string}
 * @example
 * markdownTable(["a", "b"], [["x", 1]], ["l", "r"]); // => "| a | b |\n| :-- | --: |\n| x | 1 |\n"
 */
export function markdownTable(headers, rows, align = []) {
  const cell = (value) => String(value).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const line = (cells) => `| ${cells.map(cell).join(" | ")} |\n`;
  const rule = `| ${headers.map((_, i) => (align[i] === "r" ? "--:" : ":--")).join(" | ")} |\n`;
  return line(headers) + rule + rows.map(line).join("");
}
