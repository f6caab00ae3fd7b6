/**
 * Messages of the rules stage (RFM, segments, threshold rules, scorecards,
 * ABC, CLV, value × activity) and of their config files.
 */
import { SegworkError } from "../errors.js";

/** A value quoted for a message: JSON text, cut to 40 characters. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

// ── Data given to the rule functions ────────────────────────────────────────

export const noClients = (what: string): SegworkError =>
  new SegworkError(
    "rules-no-clients",
    `${what}: there are no clients to score (the table has no rows)`,
  );

export const lengthMismatch = (column: string, length: number, expected: number): SegworkError =>
  new SegworkError(
    "rules-length-mismatch",
    `column "${column}" has ${length} values but there are ${expected} clients`,
    { column },
  );

export const notFinite = (column: string, row: number, id: string, value: number): SegworkError =>
  new SegworkError(
    "rules-not-finite",
    `column "${column}", row ${row} (client ${id}): ${String(value)} is not a number; fill or drop missing values before scoring`,
    { column, row, value: String(value) },
  );

export const missingColumn = (what: string, column: string, available: string[]): SegworkError =>
  new SegworkError(
    "rules-missing-column",
    `${what} needs column "${column}", which the client table does not have (columns: ${available.join(", ")})`,
    { column },
  );

// ── RFM options ─────────────────────────────────────────────────────────────

export const rfmBinsRange = (bins: number): SegworkError =>
  new SegworkError(
    "rfm-bins-range",
    `RFM bins must be a whole number from 2 to 9 (got ${String(bins)}): the combined score keeps one digit per measure`,
  );

export const cutsWithNtile = (measure: string): SegworkError =>
  new SegworkError(
    "rfm-cuts-ntile",
    `cut points for ${measure} were given with ntile binning, which draws bins on ranks: use binning "r-rfm" with cut points, or drop the cut points`,
  );

export const twoLevelBins = (binning: string, bins: number): SegworkError =>
  new SegworkError(
    "rfm-two-level-bins",
    `binning "${binning}" scores two levels (better than the ${binning} or not), so it has 2 bins (got ${bins}): drop the bins setting or use binning "r-rfm"`,
  );

export const cutsWithTwoLevel = (measure: string, binning: string): SegworkError =>
  new SegworkError(
    "rfm-cuts-two-level",
    `cut points for ${measure} were given with ${binning} binning, whose one cut is the ${binning} of the data: use binning "r-rfm" with cut points, or drop the cut points`,
  );

export const cutsCount = (measure: string, bins: number, got: number): SegworkError =>
  new SegworkError(
    "rfm-cuts-count",
    `${measure} cut points: ${bins} bins need ${bins - 1} cut points (got ${got})`,
  );

export const cutsNotAscending = (measure: string, cuts: readonly number[]): SegworkError =>
  new SegworkError(
    "rfm-cuts-order",
    `${measure} cut points must be finite numbers in ascending order (got ${cuts.join(", ")})`,
  );

// ── Config files ────────────────────────────────────────────────────────────

export const configNotFound = (file: string): SegworkError =>
  new SegworkError("config-not-found", `${file}: no such file`, { file });

export const configSyntax = (
  file: string,
  format: "JSON" | "YAML",
  line: number,
  column: number,
  detail: string,
): SegworkError =>
  new SegworkError(
    "config-syntax",
    `${file}: not valid ${format} at line ${line}, column ${column}: ${detail}`,
    { file, line },
  );

export const jsonExpected = (what: string, found: string): string =>
  `expected ${what} but found ${found}`;
export const jsonEndOfFile = (): string => "the end of the file";

/** One problem of a config: a key path and what is wrong with it. */
export interface ConfigProblem {
  /** e.g. `weights.monetary`, `tiers[2].min`, or "" for the whole file. */
  path: string;
  /** e.g. `must be a number between 0 and 1`. */
  requirement: string;
  /** The offending value, or undefined when the key is missing. */
  value?: unknown;
  /** True when the key is absent. */
  missing?: boolean;
  /** Set when the requirement is a complete sentence (no "got" suffix). */
  plain?: boolean;
}

/** The text of one config problem (without the file prefix). */
export function configProblemText(problem: ConfigProblem): string {
  const where = problem.path === "" ? "the file" : problem.path;
  if (problem.plain) return `${where} ${problem.requirement}`;
  if (problem.missing) return `${where} is missing: it ${problem.requirement}`;
  return `${where} ${problem.requirement} (got ${quoteValue(problem.value)})`;
}

/** All problems of a config file, one per line, each prefixed by the file. */
export const configInvalid = (file: string, problems: ConfigProblem[]): SegworkError =>
  new SegworkError(
    "config-invalid",
    problems.map((p) => `${file}: ${configProblemText(p)}`).join("\n"),
    { file, key: problems[0]?.path },
  );

// ── Requirements used inside config problems (the "must …" part) ───────────

export const mustBeNumberBetween = (lo: number, hi: number): string =>
  `must be a number between ${lo} and ${hi}`;
export const mustBePositiveNumber = (): string => "must be a number greater than 0";
export const mustBeNonNegativeNumber = (): string => "must be a number ≥ 0";
export const mustBeWholeNumberBetween = (lo: number, hi: number): string =>
  `must be a whole number from ${lo} to ${hi}`;
export const mustBeText = (): string => "must be a non-empty text";
export const mustBeTextList = (): string => "must be a list of texts";
export const mustBeObject = (): string => "must be an object";
export const mustBeList = (): string => "must be a non-empty list";
export const mustBeOneOf = (options: readonly string[]): string =>
  `must be one of ${options.map((o) => `"${o}"`).join(", ")}`;
export const mustBeScoreRange = (bins: number): string =>
  `must be a score 1–${bins} or a range [min, max] of scores with min ≤ max`;
export const mustBeCutList = (): string => "must be a list of numbers in ascending order";
export const unknownKeys = (keys: string[], allowed: string[]): string =>
  `has unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")} (allowed: ${allowed.join(", ")})`;
export const duplicateName = (name: string, firstPath: string): string =>
  `repeats the name "${name}" already used at ${firstPath}`;

// ── Cross-field rules of configs (complete sentences) ──────────────────────

export const weightsSum = (sum: number, parts: [string, number][]): string =>
  `must sum to 1 (got ${formatNumber(sum, 12)} = ${parts.map(([k, w]) => `${k} ${formatNumber(w, 12)}`).join(" + ")})`;

export const sharesSum = (sum: number): string =>
  `must have shares summing to 1 (got ${formatNumber(sum)}); shares are listed best tier first`;

export const normalizationMissing = (feature: string): string =>
  `is missing: feature "${feature}" has a weight, so it needs a normalization`;

export const normalizationWithoutWeight = (feature: string): string =>
  `has no weight: add weights.${feature} or remove normalization.${feature}`;

export const tierMinMissing = (): string =>
  `is missing: with assign "thresholds" every tier needs a min score`;

export const tierShareMissing = (): string =>
  `is missing: with assign "shares" every tier needs a share`;

export const tierMinNotBelow = (min: number, above: number, abovePath: string): string =>
  `must be below ${abovePath} (${formatNumber(above)}), tiers are listed best first (got ${formatNumber(min)})`;

export const lastTierMin = (min: number): string =>
  `must be 0 so that every score from 0 to 100 gets a tier (got ${formatNumber(min)})`;

export const capMissing = (): string =>
  `is missing: method "cap" needs a cap (a number greater than 0)`;

export const capNotUsed = (): string => `is only used with method "cap"`;

export const noWeights = (): string => "must name at least one feature with its weight";

export const sharesAllOrNone = (): string =>
  "must give a share to every tier or to none (shares are the targets compared with the actual shares)";

export const aShareZero = (): string => "must be above 0 (class A needs some revenue)";

export const abcSharesTooLarge = (a: number, b: number): string =>
  `plus aShare must be at most 1 (got ${formatNumber(a)} + ${formatNumber(b)} = ${formatNumber(a + b)})`;

export const mustBeMedianOrNumber = (): string => `must be "median" or a number`;

export const cutsWrongCount = (bins: number, got: number): string =>
  `must have ${bins - 1} cut points for ${bins} bins (got ${got})`;

export const cutsOnlyWithRRfm = (): string =>
  `can only be given with binning "r-rfm" (ntile draws bins on ranks; mean and median cut at the centre of the data)`;

export const rangeAboveBins = (max: number, bins: number): string =>
  `goes up to ${max} but scores run from 1 to bins = ${bins}`;

// ── Threshold expressions ───────────────────────────────────────────────────

/**
 * An expression error located in a config file and rule, with the expression
 * and a caret under the position on the next two lines.
 */
export const expressionError = (
  file: string,
  rule: string,
  path: string,
  expression: string,
  position: number,
  detail: string,
): SegworkError =>
  new SegworkError(
    "rule-expression",
    `${file}: rule "${rule}" (${path}) at position ${position}: ${detail}\n  ${expression}\n  ${" ".repeat(Math.max(0, position - 1))}^`,
    { file, key: path },
  );

export const exprUnexpectedCharacter = (ch: string): string => `unexpected character "${ch}"`;
export const exprSingleEquals = (): string => `"=" is not an operator (use "==" to compare)`;
export const exprUnexpectedEnd = (expected: string): string =>
  `expected ${expected} but the expression ended`;
export const exprUnexpectedToken = (found: string, expected: string): string =>
  `expected ${expected} but found "${found}"`;
export const exprUnknownColumn = (column: string, known: readonly string[]): string =>
  `unknown column "${column}" (columns: ${known.join(", ")})`;
export const exprEmpty = (): string => "the expression is empty";

// ── CLV assumptions (strings for the report) ───────────────────────────────

/** The CLV assumptions in words, in the order the report lists them. */
export const clvAssumptions = (o: {
  periodDays: number;
  margin: number;
  discountRate: number;
  retention: number;
  horizon: number;
  costPerPeriod: number;
  multiplier: number;
}): string[] => [
  "Historical value = monetary (total revenue to date).",
  `Revenue per period = monetary ÷ max(1, tenure_days ÷ ${o.periodDays}): the client's average revenue per ${o.periodDays}-day period so far, counting at least one period, assumed to continue unchanged.`,
  `Profit per period = ${formatShare(o.margin)} margin × revenue per period − ${formatNumber(o.costPerPeriod)} cost to serve.`,
  `Retention ${formatShare(o.retention)} per period: a current client counts in full in period 1 and is still a client in period t with probability ${formatNumber(o.retention)}^(t−1).`,
  `Discount rate ${formatShare(o.discountRate)} per period: the profit of period t is divided by ${formatNumber(1 + o.discountRate)}^t (received at the end of the period).`,
  `Horizon ${o.horizon} period${o.horizon === 1 ? "" : "s"} of ${o.periodDays} days; nothing later is counted.`,
  `CLV = profit per period × Σ_{t=1..${o.horizon}} ${formatNumber(o.retention)}^(t−1) ÷ ${formatNumber(1 + o.discountRate)}^t = profit per period × ${formatNumber(o.multiplier)}.`,
  "Form of Gupta et al. (2006), Modeling Customer Lifetime Value, Journal of Service Research 9(2), eq. 1, CLV = Σ (p_t − c_t)·r_t ÷ (1 + i)^t − AC, with no acquisition cost (existing clients) and survival r_t = r^(t−1).",
];

// ── Notes and warnings (strings) ────────────────────────────────────────────

export const noteUnmatched = (name: string, count: number, total: number): string =>
  `${count} of ${total} clients (${formatPercent(count / Math.max(total, 1))}) match no rule and are labelled "${name}"`;

export const noteEmptyScores = (measure: string, scores: readonly number[]): string =>
  `${measure}: no client has score ${scores.join(", ")}: equal values made cut points coincide, so ${scores.length > 1 ? "those bins are" : "that bin is"} empty (as in R's rfm)`;

export const noteUncoveredCells = (
  count: number,
  total: number,
  boxes: readonly string[],
  unmatched: string,
): string =>
  `${count} of ${total} score cells match no segment (${boxes.join("; ")}); clients there are labelled "${unmatched}"`;

export const noteFullyShadowed = (name: string, by: readonly string[]): string =>
  `segment "${name}" can never match: earlier segments (${by.join(", ")}) take all its cells`;

export const notePartiallyShadowed = (name: string, share: number, by: readonly string[]): string =>
  `segment "${name}" loses ${formatPercent(share)} of its cells to earlier segments (${by.join(", ")})`;

export const noteEmptyRule = (name: string, bins: number): string =>
  `segment "${name}" covers no score cell: its ranges lie outside 1–${bins}`;

export const noteRuleMatchesNobody = (name: string): string => `rule "${name}" matches no client`;

export const noteRuleNeverWins = (name: string, matches: number): string =>
  `rule "${name}" matches ${matches} clients but earlier rules take all of them`;

export const noteOverlap = (first: string, second: string, count: number): string =>
  `rules "${first}" and "${second}" both match ${count} client${count === 1 ? "" : "s"}; first match wins, so they are "${first}"`;

export const noteNegativeRevenue = (count: number, total: number): string =>
  `${count} client${count === 1 ? " has" : "s have"} negative revenue (${formatNumber(total)} in all); they count as 0 for the ABC shares and the Gini coefficient`;

/** A number for messages: up to `digits` (default 6) significant digits, no trailing zeros. */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/** A share as a percentage without needless decimals: 0.3 → "30%", 0.125 → "12.5%". */
export function formatShare(share: number): string {
  return `${formatNumber(share * 100)}%`;
}

/** A share as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
