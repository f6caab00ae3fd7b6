/**
 * Delimiter detection from the first lines of a CSV-like text.
 */

/** The delimiter value meaning "runs of spaces and tabs" (e.g. CDNOW's fixed-width-ish text). */
export const WHITESPACE = "whitespace";

const CANDIDATES = [",", ";", "\t", "|"] as const;
const SAMPLE_LINES = 50;
const SAMPLE_CHARS = 64 * 1024;

/**
 * Guesses the field delimiter: among `,` `;` tab `|`, the one that occurs in
 * the header line (outside quotes) and occurs the same number of times on
 * most of the following sample lines; ties go to the more frequent one, then
 * to the order above. When none occurs in the header but the header and the
 * sample lines split into the same number (> 1) of whitespace-separated
 * tokens, the answer is {@link WHITESPACE}. Otherwise `,` (a one-column file).
 *
 * @example sniffDelimiter("id;x\n1;2\n") // => ";"
 * @example sniffDelimiter("  id  date\n 001 1997\n") // => "whitespace"
 */
export function sniffDelimiter(text: string): string {
  const lines = sampleLines(text);
  if (lines.length === 0) return ",";
  const [header, ...body] = lines as [string, ...string[]];

  let best: string | undefined;
  let bestScore = -1;
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(header, candidate);
    if (count === 0) continue;
    const agreeing = body.filter((line) => countOutsideQuotes(line, candidate) === count).length;
    const score = body.length === 0 ? 1 : agreeing / body.length;
    if (score > bestScore || (score === bestScore && count > bestCount)) {
      best = candidate;
      bestScore = score;
      bestCount = count;
    }
  }
  if (best !== undefined) return best;

  const tokens = (line: string): number => line.trim().split(/[ \t]+/).length;
  const headerTokens = tokens(header);
  if (headerTokens > 1 && body.length > 0 && body.every((line) => tokens(line) === headerTokens))
    return WHITESPACE;
  return ",";
}

/** Up to {@link SAMPLE_LINES} non-blank lines from the start, without their line breaks. */
function sampleLines(text: string): string[] {
  const lines = text.slice(0, SAMPLE_CHARS).split(/\r\n|\n|\r/);
  if (text.length > SAMPLE_CHARS) lines.pop(); // probably cut short
  return lines.filter((line) => line.trim() !== "").slice(0, SAMPLE_LINES);
}

/** Occurrences of `delimiter` not inside double quotes (quotes are toggled per line). */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}
