/** The seeded simulator, Gamma variates, history grouping and the BFGS minimizer. */
import { describe, expect, it } from "vitest";
import { groupHistories } from "../../src/clv/group.js";
import { maximizeLikelihood } from "../../src/clv/mle.js";
import { invertSymmetric, minimize, type Objective } from "../../src/clv/optimize.js";
import { gammaVariate, simulateClients } from "../../src/clv/simulate.js";
import { Random } from "../../src/shared/random.js";
import * as msg from "../../src/shared/messages/clv.js";
import { errorOf } from "../helpers/errors.js";

describe("simulateClients", () => {
  const options = {
    clients: 500,
    seed: 9,
    purchases: { r: 0.5, alpha: 3, a: 0.8, b: 2.5 },
    spend: { p: 6, q: 4, gamma: 15 },
    observation: { min: 10, max: 30, step: 1 / 7 },
    holdout: 20,
  };

  it("gives the same clients for the same seed and other clients for another", () => {
    const one = simulateClients(options);
    const again = simulateClients(options);
    const other = simulateClients({ ...options, seed: 10 });
    expect(Array.from(again.x)).toEqual(Array.from(one.x));
    expect(Array.from(again.monetary)).toEqual(Array.from(one.monetary));
    expect(Array.from(other.x)).not.toEqual(Array.from(one.x));
  });

  it("produces valid histories: whole-day T in range, 0 ≤ t_x ≤ T, t_x = 0 and spend 0 without repeats", () => {
    const clients = simulateClients(options);
    for (let i = 0; i < clients.x.length; i++) {
      const T = clients.T[i]!;
      expect(T >= 10 && T <= 30).toBe(true);
      expect(Math.abs(T * 7 - Math.round(T * 7))).toBeLessThan(1e-9);
      expect(clients.tx[i]! >= 0 && clients.tx[i]! <= T).toBe(true);
      if (clients.x[i] === 0) expect([clients.tx[i], clients.monetary[i]]).toEqual([0, 0]);
      if (clients.aliveAtT[i] === 0) expect(clients.holdoutPurchases[i]).toBe(0);
    }
  });

  it("refuses a client count that is not a positive whole number", () => {
    expect(errorOf(() => simulateClients({ ...options, clients: 0 })).message).toBe(
      msg.badOption("clients", 0, "must be a whole number, 1 or more").message,
    );
  });
});

describe("gammaVariate", () => {
  it("has mean ≈ shape and variance ≈ shape for shapes below and above 1 (200,000 draws, 4 SE)", () => {
    const random = new Random(3);
    for (const shape of [0.25, 1, 6]) {
      const n = 200_000;
      let sum = 0;
      let square = 0;
      for (let i = 0; i < n; i++) {
        const v = gammaVariate(random, shape);
        sum += v;
        square += v * v;
      }
      const mean = sum / n;
      const variance = square / n - mean * mean;
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
    }
  });
});

describe("groupHistories", () => {
  it("groups identical (x, t_x, T) rows and maps each client to its group", () => {
    const groups = groupHistories(
      Float64Array.of(0, 2, 0, 2, 2),
      Float64Array.of(0, 5, 0, 5, 4),
      Float64Array.of(9, 9, 9, 9, 9),
    );
    expect(Array.from(groups.x)).toEqual([0, 2, 2]);
    expect(Array.from(groups.tx)).toEqual([0, 5, 4]);
    expect(Array.from(groups.count)).toEqual([2, 2, 1]);
    expect(Array.from(groups.groupOf)).toEqual([0, 1, 0, 1, 2]);
  });
});

describe("minimize (BFGS + Newton polish)", () => {
  it("finds the minimum of Rosenbrock's function to 1e-10 from (−1.2, 1)", () => {
    const rosenbrock: Objective = (t, g) => {
      const [x, y] = [t[0]!, t[1]!];
      g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      g[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    };
    const result = minimize(rosenbrock, Float64Array.of(-1.2, 1));
    expect(result.converged).toBe(true);
    expect(Math.abs(result.theta[0]! - 1)).toBeLessThan(1e-10);
    expect(Math.abs(result.theta[1]! - 1)).toBeLessThan(1e-10);
  });

  it("steps back from a region where the objective is not finite", () => {
    // f = x − log x on x > 0 (minimum at 1); a first step of −g from x = 5 lands at x < 0.
    const f: Objective = (t, g) => {
      g[0] = 1 - 1 / t[0]!;
      return t[0]! > 0 ? t[0]! - Math.log(t[0]!) : Number.NaN;
    };
    const result = minimize(f, Float64Array.of(5), { maxStep: 100 });
    expect(result.converged).toBe(true);
    expect(result.theta[0]).toBeCloseTo(1, 10);
  });

  it("reports a function without a minimum as not converged", () => {
    const f: Objective = (t, g) => {
      g[0] = -1;
      return -t[0]!;
    };
    const result = minimize(f, Float64Array.of(0), { maxIterations: 50 });
    expect(result.converged).toBe(false);
    expect(result.reason).not.toBe("converged");
  });

  it("maximizeLikelihood gives the Poisson rate and its SE √(λ/n)", () => {
    const fit = maximizeLikelihood(
      "Poisson",
      (t, g) => {
        g[0] = 30 / t[0]! - 10;
        return 30 * Math.log(t[0]!) - 10 * t[0]!;
      },
      Float64Array.of(1),
      10,
      [1],
      ["λ"],
    );
    expect(fit.estimates[0]).toBeCloseTo(3, 12);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(3 / 10), 8);
    const inverse = invertSymmetric(Float64Array.of(4, 0, 0, 2))!;
    [0.25, 0, 0, 0.5].forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 15));
    expect(invertSymmetric(Float64Array.of(1, 2, 2, 1))).toBeNull();
  });

  it("maximizeLikelihood refuses an estimate that ran off toward 0 (a flat likelihood at the boundary)", () => {
    // LL = −1/θ rises toward θ → ∞ … and LL = −θ toward θ → 0: no interior maximum.
    const error = errorOf(() =>
      maximizeLikelihood(
        "Test",
        (t, g) => {
          g[0] = -1;
          return -t[0]!;
        },
        Float64Array.of(1),
        1,
        [1],
        ["θ"],
      ),
    );
    expect(error.code).toBe("clv.not-converged");
  });
});
