/**
 * The clv stage: buy-till-you-die models of a client base. BG/NBD for how
 * many purchases each client will still make and whether it is still
 * active, Gamma-Gamma for what each purchase is worth, CLV over a horizon
 * in months, churn-risk levels from P(alive), the data of the validation
 * views, and a seeded simulator. The per-client summary these take comes
 * from the features stage (`features/clv-summary.ts`).
 *
 * Pareto/NBD is not here: its likelihood needs the difference of two ₂F₁
 * values, ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x))/(α+t_x)^(r+s+x) minus the
 * same at T, which cancels catastrophically as t_x → T (every recent
 * buyer) and whose argument tends to 1 as β ≪ α, where the series needs
 * millions of terms; the fix (the integral ∫_{t_x}^T of a positive
 * integrand, by adaptive quadrature, with numeric gradients) is a model of
 * its own to validate, and BG/NBD fits CDNOW as well (Fader, Hardie & Lee
 * 2005 report near-identical forecasts).
 */
export { fitBgNbd, bgnbdLogLikelihood, type BgNbdFitOptions } from "./bgnbd.js";
export {
  probabilityAliveOne,
  conditionalExpectedPurchasesOne,
  expectedRepeatPurchases,
  scoreBgNbd,
  kernelsByAge,
  purchaseCountProbabilities,
  type BgNbdScores,
  type AgeKernels,
} from "./bgnbd-forecast.js";
export {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  conditionalExpectedSpend,
  frequencySpendCorrelation,
  FREQUENCY_SPEND_CORRELATION_THRESHOLD,
  type GammaGammaFitOptions,
  type FrequencySpendCheck,
} from "./gamma-gamma.js";
export {
  customerLifetimeValue,
  LIFETIME_VALUE_DEFAULTS,
  type LifetimeValueOptions,
  type LifetimeValueInput,
  type LifetimeValues,
} from "./lifetime-value.js";
export {
  churnRiskLevels,
  parseChurnRiskConfig,
  DEFAULT_CHURN_RISK_BANDS,
  type ChurnRiskBand,
  type ChurnRiskBands,
  type ChurnRiskLevels,
} from "./churn-risk.js";
export {
  calibrationHoldoutRows,
  repeatPurchaseHistogram,
  transactionTracking,
  frequencyRecencyMatrix,
  type CalibrationHoldoutRow,
  type RepeatHistogramRow,
  type TrackingInput,
  type TrackingRow,
  type FrequencyRecencyCell,
} from "./validation.js";
export {
  simulateClients,
  gammaVariate,
  type SimulationOptions,
  type SimulatedClients,
} from "./simulate.js";
export { expectedPurchaseKernel } from "./expected.js";
export { hyp2f1 } from "./hyp2f1.js";
export { logGamma, digamma, logBeta } from "./special.js";
export { groupHistories, type HistoryGroups } from "./group.js";
export { minimize, type MinimizeOptions, type MinimizeResult, type Objective } from "./optimize.js";
export * from "./types.js";
