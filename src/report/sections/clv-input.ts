/**
 * What the CLV report (`segwork clv`) shows, as the clv workflow builds it,
 * and the small helpers its sections share (units, totals, durations).
 */
import type {
  BgNbdModel,
  CalibrationHoldoutRow,
  ChurnRiskBands,
  ChurnRiskLevels,
  FrequencyRecencyCell,
  FrequencySpendCheck,
  GammaGammaModel,
  RepeatHistogramRow,
  TimeUnit,
  TrackingRow,
} from "../../clv/index.js";
import type { ClvSummaryCounts } from "../../features/clv-summary.js";
import { formatNumber } from "../format.js";
import type { Lang } from "../i18n/locale.js";

/** The settings of the run as the report states them. */
export interface ClvReportSettings {
  timeUnit: TimeUnit;
  calibrationEnd: string;
  holdoutEnd: string | null;
  /** In the time unit; 0 without a holdout. */
  holdoutLength: number;
  horizonMonths: number;
  monthlyDiscountRate: number;
  margin: number;
  /** One month in the time unit. */
  monthLength: number;
  keepDuplicates: boolean;
  negativeAmounts: "error" | "drop";
  churnBands: { file: string | null };
}

/** One client of the top-CLV table (the id is masked unless `showIds`). */
export interface ClvTopClient {
  id: string;
  x: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
  churnRisk: string;
}

/** Everything the CLV report shows (built by the clv workflow). */
export interface ClvReportInput {
  title: string;
  command: string;
  version: string;
  generatedAt: string;
  /** The transaction log read. */
  source: string;
  input: { idColumn: string; date: string; amount: string };
  settings: ClvReportSettings;
  counts: ClvSummaryCounts;
  cohortStart: string;
  purchases: BgNbdModel;
  spend: GammaGammaModel;
  frequencySpend: FrequencySpendCheck;
  /** Per client. */
  clv: ArrayLike<number>;
  expectedPurchases: ArrayLike<number>;
  churn: ChurnRiskLevels & { bands: ChurnRiskBands };
  validation: {
    calibrationHoldout: CalibrationHoldoutRow[] | null;
    histogram: RepeatHistogramRow[];
    tracking: TrackingRow[];
    /** Days per tracking period (7: weeks). */
    trackingPeriodDays: number;
    aliveMatrix: FrequencyRecencyCell[];
    aliveMatrixT: number;
  };
  topClients: ClvTopClient[];
  notes: string[];
  showIds: boolean;
  /** Language of the report (default "en"). */
  lang?: Lang;
  /** Add the interactive layer (chart tooltips, legend selection, sortable tables); default false: static. */
  interactive?: boolean;
}

/**
 * "weeks" → "week".
 *
 * @example
 * singular("weeks"); // => "week"
 */
export const singular = (unit: TimeUnit): string => unit.slice(0, -1);

/**
 * The sum of the finite values (a client whose CLV is not a number is left out).
 *
 * @example
 * total([1, 2, Number.NaN]); // => 3
 */
export function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) sum += values[i]!;
  return sum;
}

/**
 * A period in the time unit.
 *
 * @example
 * duration(39, "weeks"); // => "39 weeks"
 */
export function duration(length: number, unit: TimeUnit): string {
  return `${formatNumber(length, Number.isInteger(length) ? 0 : 1)} ${length === 1 ? singular(unit) : unit}`;
}
