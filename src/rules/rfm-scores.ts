/**
 * RFM scores: each of recency, frequency and monetary value binned into
 * scores 1..bins, combined as R×100 + F×10 + M.
 *
 * Two binnings, side by side (k = bins, default 5):
 *
 * | | `r-rfm` (default) | `ntile` |
 * |---|---|---|
 * | reproduces | R package `rfm` 0.3.0 (`rfm_table_customer`, `rfm_table_order`) | pandas `pd.qcut(x.rank(method="first"), k, labels=False) + 1` |
 * | cut points | type-7 quantiles of the values at `seq(0, 1, length.out = k + 1)`, inner k − 1 of them **plus 1** | none: bins are drawn on ranks 1..n |
 * | bins | half-open `[min, c1) [c1, c2) … [c(k−1), max + 1)` on the values | rank r goes to bin `max(1, ⌈(r − 1)·k / (n − 1)⌉)` |
 * | ties | never split: equal values share a bin; when cut points coincide a bin is empty and its score goes unused | always split: equal values are ranked in input order ("first"), so bins hold ⌊n/k⌋ or ⌈n/k⌉ clients and ties can straddle two scores |
 * | user cut points | used as given (no +1), k − 1 ascending numbers | not available |
 *
 * A third, two-level scoring — `mean` or `median` (always 2 bins) — is the one
 * Chinese analysts use for the eight RFM customer types (重要价值客户 …, see
 * `data/rules/rfm-types.json`): a measure scores 2 when it is strictly better
 * than its centre (the mean, or the type-7 median) and 1 otherwise. Better is
 * lower for recency (more recent) and higher for frequency and monetary value;
 * a value equal to the centre is not better than it, so it scores 1 on every
 * measure. Strict on purpose: when most clients bought once, the median
 * frequency is 1, and "at least the median" would call every client frequent.
 *
 * All reverse recency: the lowest recency_days (most recent) gets score k.
 * Frequency and monetary are not reversed (highest gets k).
 *
 * What `r-rfm` follows, read in rsquaredacademy/rfm (R/utils.R `bins`,
 * `bins_lower`, `bins_upper`; R/rfm-table-customer.R and
 * R/rfm-table-transaction.R at 0.3.0):
 * ```r
 * bins <- function(data, value, n_bins) {
 *   quantile(data[[value]], probs = seq(0, 1, length.out = n_bins + 1)) %>%
 *     unname() %>% extract(c(-1, -length_out)) %>% add(1) }
 * bins_lower: c(min(x), bins);  bins_upper: c(bins, max(x) + 1)
 * for (i in seq_len(rscore_len))
 *   result$recency_score[x >= lower[i] & x < upper[i]] <- rscore[i]   # rscore = rev(seq_len(k))
 * ... frequency_score / monetary_score [...] <- i                      # not reversed
 * rfm_score = recency_score * 100 + frequency_score * 10 + monetary_score
 * ```
 * A vector of cut points passed as `recency_bins = c(115, 181, 297, 482)` is used
 * as `bins_recency` directly, without `add(1)`.
 *
 * The ntile rule comes from pandas `qcut`: edges are the linear quantiles of
 * ranks 1..n, e_j = 1 + (n − 1)·j/k, and `cut(..., right=True, include_lowest=True)`
 * puts rank r in the first bin j with r ≤ e_j. Solved exactly in integers:
 * j = max(1, ⌈(r − 1)·k/(n − 1)⌉) (checked against pandas in test/fixtures/rules).
 */
import * as msg from "../shared/messages/rules.js";
import { checkChoice } from "../shared/messages/options.js";
import { quantileType7 } from "../shared/stats.js";
import { rfmQuantileCuts } from "./r-quantile.js";
import type {
  RfmBinning,
  RfmBin,
  RfmInput,
  RfmMeasure,
  RfmMeasureBins,
  RfmOptions,
  RfmScores,
} from "./types.js";

const MEASURES: readonly RfmMeasure[] = ["recency", "frequency", "monetary"];

/** Column names of the measures, for messages. */
const COLUMN_OF: Record<RfmMeasure, string> = {
  recency: "recency_days",
  frequency: "frequency",
  monetary: "monetary",
};

/** Defaults of the RFM scoring options: R rfm's binning with 5 scores per measure. */
export const RFM_DEFAULTS = { binning: "r-rfm", bins: 5 } as const satisfies Required<
  Pick<RfmOptions, "binning" | "bins">
>;

/** The RFM binnings: as R's rfm package, equal-sized bins on ranks, or two levels around the mean or median. */
export const RFM_BINNINGS: readonly RfmBinning[] = ["r-rfm", "ntile", "mean", "median"];

/** The two-level binnings (better or not better than the centre); they always have 2 bins. */
const TWO_LEVEL: readonly RfmBinning[] = ["mean", "median"];

/**
 * Whether a binning scores two levels around a centre (`mean`, `median`).
 *
 * @example
 * isTwoLevelBinning("median") // => true
 * isTwoLevelBinning("r-rfm") // => false
 */
export function isTwoLevelBinning(binning: RfmBinning): binning is "mean" | "median" {
  return TWO_LEVEL.includes(binning);
}

/**
 * Checks the RFM options that need no data — the binning, 2 ≤ bins ≤ 9, and
 * cut points (bins − 1 ascending finite numbers, only with r-rfm) — and fills
 * the defaults. `mean` and `median` have 2 bins (the default for them) and no
 * cut points. {@link scoreRfm} calls it; a workflow calls it before reading
 * any data.
 *
 * @throws SegworkError `rfm-bins-range`, `rfm-cuts-ntile`, `rfm-cuts-count`, `rfm-cuts-order`,
 *   `rfm-two-level-bins`, `rfm-cuts-two-level`, or `options.bad-choice` for an unknown binning.
 * @example
 * checkRfmOptions({ bins: 4 }) // => { binning: "r-rfm", bins: 4 }
 * checkRfmOptions({ binning: "mean" }) // => { binning: "mean", bins: 2 }
 */
export function checkRfmOptions(
  options: RfmOptions,
): RfmOptions & { binning: RfmBinning; bins: number } {
  const binning = checkChoice("binning", options.binning ?? RFM_DEFAULTS.binning, RFM_BINNINGS);
  const twoLevel = isTwoLevelBinning(binning);
  const bins = options.bins ?? (twoLevel ? 2 : RFM_DEFAULTS.bins);
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) throw msg.rfmBinsRange(bins);
  if (twoLevel && bins !== 2) throw msg.twoLevelBins(binning, bins);
  for (const measure of MEASURES) {
    const cuts = options.cuts?.[measure];
    if (cuts === undefined) continue;
    if (twoLevel) throw msg.cutsWithTwoLevel(measure, binning);
    if (binning === "ntile") throw msg.cutsWithNtile(measure);
    if (cuts.length !== bins - 1) throw msg.cutsCount(measure, bins, cuts.length);
    for (let j = 0; j < cuts.length; j++) {
      if (!Number.isFinite(cuts[j]!)) throw msg.cutsNotAscending(measure, cuts);
      if (j > 0 && cuts[j]! < cuts[j - 1]!) throw msg.cutsNotAscending(measure, cuts);
    }
  }
  return { ...options, binning, bins };
}

/**
 * Scores every client 1..bins on recency, frequency and monetary value.
 *
 * @throws SegworkError when there are no clients, the columns differ in length,
 *   a value is not a finite number, `bins` is outside 2..9, or cut points are
 *   malformed (wrong count, not ascending, or given with `ntile`).
 * @example
 * const s = scoreRfm({ ids, recencyDays, frequency, monetary });
 * s.rfmScore[0] // => e.g. 455
 */
export function scoreRfm(input: RfmInput, options: RfmOptions = {}): RfmScores {
  const { binning, bins } = checkRfmOptions(options);
  const n = input.ids.length;
  if (n === 0) throw msg.noClients("RFM scores");
  const values: Record<RfmMeasure, ArrayLike<number>> = {
    recency: input.recencyDays,
    frequency: input.frequency,
    monetary: input.monetary,
  };
  for (const measure of MEASURES) {
    const column = values[measure];
    if (column.length !== n) throw msg.lengthMismatch(COLUMN_OF[measure], column.length, n);
    for (let i = 0; i < n; i++) {
      const v = column[i]!;
      if (!Number.isFinite(v)) throw msg.notFinite(COLUMN_OF[measure], i + 1, input.ids[i]!, v);
    }
  }

  const scoreOf: Record<RfmMeasure, Uint8Array> = {
    recency: new Uint8Array(n),
    frequency: new Uint8Array(n),
    monetary: new Uint8Array(n),
  };
  const thresholds = {} as Record<RfmMeasure, RfmMeasureBins>;
  for (const measure of MEASURES) {
    const reversed = measure === "recency";
    thresholds[measure] = isTwoLevelBinning(binning)
      ? binAroundCentre(values[measure], binning, reversed, scoreOf[measure], measure)
      : binning === "ntile"
        ? binByRank(values[measure], bins, reversed, scoreOf[measure], measure)
        : binLikeR(
            values[measure],
            bins,
            reversed,
            scoreOf[measure],
            measure,
            options.cuts?.[measure],
          );
  }

  const rfmScore = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    rfmScore[i] = scoreOf.recency[i]! * 100 + scoreOf.frequency[i]! * 10 + scoreOf.monetary[i]!;
  }
  return {
    binning,
    bins,
    recencyScore: scoreOf.recency,
    frequencyScore: scoreOf.frequency,
    monetaryScore: scoreOf.monetary,
    rfmScore,
    thresholds,
  };
}

/** Score of bin `b` (1-based, lowest values first). */
function scoreOfBin(b: number, bins: number, reversed: boolean): number {
  return reversed ? bins + 1 - b : b;
}

function emptyScoresOf(binsOut: RfmBin[]): number[] {
  return binsOut
    .filter((b) => b.count === 0)
    .map((b) => b.score)
    .sort((a, b) => a - b);
}

/**
 * R `rfm` binning. Bin b is `[lower[b], upper[b])` with lower = (min, cuts…)
 * and upper = (cuts…, max + 1); assigned in order so a later bin overwrites an
 * earlier one, as R's loop does (only matters for overlapping user cuts, which
 * the ascending check already rules out).
 */
function binLikeR(
  values: ArrayLike<number>,
  bins: number,
  reversed: boolean,
  out: Uint8Array,
  measure: RfmMeasure,
  userCuts: readonly number[] | undefined,
): RfmMeasureBins {
  const sorted = Float64Array.from(values).sort();
  const cuts = userCuts !== undefined ? [...userCuts] : rfmQuantileCuts(sorted, bins);
  const lower = [sorted[0]!, ...cuts];
  const upper = [...cuts, sorted[sorted.length - 1]! + 1];
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let bin = 0;
    for (let b = 0; b < bins; b++) if (v >= lower[b]! && v < upper[b]!) bin = b + 1;
    // Every value lies in [min, max + 1), which ascending cuts partition.
    out[i] = scoreOfBin(bin, bins, reversed);
    counts[bin - 1]!++;
  }
  const binsOut: RfmBin[] = counts.map((count, b) => ({
    score: scoreOfBin(b + 1, bins, reversed),
    lower: lower[b]!,
    upper: upper[b]!,
    count,
  }));
  return {
    measure,
    source: userCuts !== undefined ? "custom" : "quantile",
    cuts,
    bins: binsOut,
    emptyScores: emptyScoresOf(binsOut),
  };
}

/** pandas `qcut(x.rank(method="first"), bins, labels=False) + 1`, solved in integers. */
function binByRank(
  values: ArrayLike<number>,
  bins: number,
  reversed: boolean,
  out: Uint8Array,
  measure: RfmMeasure,
): RfmMeasureBins {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  // Stable sort: equal values keep input order, which is rank(method="first").
  order.sort((a, b) => values[a]! - values[b]!);
  const lower = new Array<number>(bins).fill(Number.NaN);
  const upper = new Array<number>(bins).fill(Number.NaN);
  const counts = new Array<number>(bins).fill(0);
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos]!;
    // rank r = pos + 1; bin = max(1, ceil((r − 1)·k / (n − 1))); n = 1 → bin 1.
    const bin = n === 1 ? 1 : Math.max(1, Math.ceil((pos * bins) / (n - 1)));
    out[i] = scoreOfBin(bin, bins, reversed);
    const v = values[i]!;
    if (counts[bin - 1] === 0) lower[bin - 1] = v;
    upper[bin - 1] = v;
    counts[bin - 1]!++;
  }
  const binsOut: RfmBin[] = counts.map((count, b) => ({
    score: scoreOfBin(b + 1, bins, reversed),
    lower: lower[b]!,
    upper: upper[b]!,
    count,
  }));
  return { measure, source: "rank", cuts: [], bins: binsOut, emptyScores: emptyScoresOf(binsOut) };
}

/** Arithmetic mean, summed in index order (the same order R's `mean` and numpy's pairwise sum agree with to ~1e-15 relative). */
function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * Two levels around the mean or the type-7 median: score 2 when strictly
 * better than the centre (recency below it, frequency and monetary above it),
 * else 1. Bins are reported lowest values first, each with the smallest and
 * largest value it holds (NaN for an empty bin), and the centre as the one cut.
 */
function binAroundCentre(
  values: ArrayLike<number>,
  binning: "mean" | "median",
  reversed: boolean,
  out: Uint8Array,
  measure: RfmMeasure,
): RfmMeasureBins {
  const centre =
    binning === "mean" ? meanOf(values) : quantileType7(Float64Array.from(values).sort(), 0.5);
  const lower = [Number.NaN, Number.NaN];
  const upper = [Number.NaN, Number.NaN];
  const counts = [0, 0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // Bin 2 holds the higher values: above the centre for F and M, from the
    // centre up for recency (equal to the centre is not more recent).
    const bin = (reversed ? v >= centre : v > centre) ? 2 : 1;
    out[i] = scoreOfBin(bin, 2, reversed);
    const b = bin - 1;
    if (counts[b] === 0 || v < lower[b]!) lower[b] = v;
    if (counts[b] === 0 || v > upper[b]!) upper[b] = v;
    counts[b]!++;
  }
  const binsOut: RfmBin[] = counts.map((count, b) => ({
    score: scoreOfBin(b + 1, 2, reversed),
    lower: lower[b]!,
    upper: upper[b]!,
    count,
  }));
  return {
    measure,
    source: binning,
    cuts: [centre],
    bins: binsOut,
    emptyScores: emptyScoresOf(binsOut),
  };
}

/**
 * Sentences for the report about scores no client received (coinciding cut
 * points), one per measure that has any.
 *
 * @example
 * describeEmptyScores(scoreRfm(input))
 * // => ["frequency: no client has score 2: equal values made cut points coincide, so that bin is empty (as in R's rfm)"]
 */
export function describeEmptyScores(scores: Pick<RfmScores, "thresholds">): string[] {
  return MEASURES.filter((m) => scores.thresholds[m].emptyScores.length > 0).map((m) =>
    msg.noteEmptyScores(m, scores.thresholds[m].emptyScores),
  );
}
