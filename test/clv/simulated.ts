/**
 * One seeded simulation shared by the BG/NBD and Gamma-Gamma recovery
 * tests: 50,000 clients from known parameters, observed for 26–39 weeks
 * (whole days), as a CDNOW-like cohort.
 */
import { simulateClients, type SimulatedClients } from "../../src/clv/simulate.js";
import type { BgNbdParameters, GammaGammaParameters } from "../../src/clv/types.js";

export const TRUE_BGNBD: BgNbdParameters = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
export const TRUE_GAMMA_GAMMA: GammaGammaParameters = { p: 6, q: 4, gamma: 15 };

export function simulateCohort(seed = 1): SimulatedClients {
  return simulateClients({
    clients: 50_000,
    seed,
    purchases: TRUE_BGNBD,
    spend: TRUE_GAMMA_GAMMA,
    observation: { min: 26, max: 39, step: 1 / 7 },
  });
}
