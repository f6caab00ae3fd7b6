/**
 * Special functions of the clv stage against mpmath at 40 digits
 * (test/fixtures/clv/mpmath-special.json, made by make_clv_fixtures.py) and
 * against closed forms anyone can check.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedPurchaseKernel } from "../../src/clv/expected.js";
import { hyp2f1 } from "../../src/clv/hyp2f1.js";
import {
  digamma,
  logAddExp,
  logBeta,
  logGamma,
  logistic,
  softplus,
} from "../../src/clv/special.js";
import * as msg from "../../src/shared/messages/clv.js";
import { errorOf } from "../helpers/errors.js";

interface Reference {
  logGamma: [number, number][];
  digamma: [number, number][];
  hyp2f1: [number, number, number, number, number][];
  kernel: [number, number, number, number, number, number][];
}
const reference = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../fixtures/clv/mpmath-special.json"), "utf8"),
) as Reference;

/** |got − want| ≤ tol · max(1, |want|): relative for large values, absolute near 0. */
const close = (got: number, want: number, tol: number): boolean =>
  Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

describe("log Γ and digamma", () => {
  it("agree with mpmath to 1e-14 (absolute below 1, relative above) from 1e-8 to 1e6", () => {
    // Measured worst gaps: log Γ 3.6e-15, digamma 1.6e-15.
    for (const [x, want] of reference.logGamma)
      expect(close(logGamma(x), want, 1e-14), `logGamma(${x})`).toBe(true);
    for (const [x, want] of reference.digamma)
      expect(close(digamma(x), want, 1e-14), `digamma(${x})`).toBe(true);
  });

  it("satisfy log Γ(x+1) = log Γ(x) + log x and ψ(x+1) = ψ(x) + 1/x across the shift point", () => {
    for (const x of [0.3, 4.5, 9.5, 9.999, 10, 10.5, 55]) {
      expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 13);
      expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 13);
    }
  });

  it("give B(2, 3) = 1/12 and NaN outside the domain", () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logGamma(0)).toBeNaN();
    expect(digamma(-1)).toBeNaN();
  });

  it("log-sum-exp, softplus and logistic neither overflow nor lose the small side", () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBeCloseTo(Math.exp(-800), 300);
    expect(logistic(-700)).toBeGreaterThan(0);
    expect(logistic(800)).toBe(1);
  });
});

describe("hyp2f1", () => {
  it("agrees with mpmath to 1e-13 relative, including z < 0, negative a or b, and c < 0", () => {
    for (const [a, b, c, z, want] of reference.hyp2f1) {
      const got = hyp2f1(a, b, c, z);
      expect(Math.abs(got - want) / Math.abs(want), `2F1(${a}, ${b}; ${c}; ${z})`).toBeLessThan(
        1e-13,
      );
    }
  });

  it("matches closed forms", () => {
    // 2F1(1, 1; 2; z) = −log(1 − z)/z; 2F1(a, b; b; z) = (1 − z)^(−a); 2F1(½, ½; 3/2; z²) = asin(z)/z.
    for (const z of [-5, -0.5, 0.1, 0.5, 0.9]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 13);
      expect(hyp2f1(0.7, 2.5, 2.5, z)).toBeCloseTo((1 - z) ** -0.7, 12);
    }
    for (const z of [0.2, 0.6, 0.95])
      expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 13);
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
  });

  it("refuses z ≥ 1 and c = 0, −1, … with the catalogue message", () => {
    expect(errorOf(() => hyp2f1(1, 1, 2, 1)).message).toBe(
      msg.hypergeometricDomain(1, 1, 2, 1).message,
    );
    expect(errorOf(() => hyp2f1(1, 1, -2, 0.5)).message).toBe(
      msg.hypergeometricDomain(1, 1, -2, 0.5).message,
    );
  });
});

describe("expectedPurchaseKernel (the positive series behind every BG/NBD forecast)", () => {
  it("agrees with mpmath's closed form and quadrature to 1e-12 relative, also where c = a + β − 1 < 0 and a ≈ 1", () => {
    // Measured worst gaps: 1.4e-14 (t = 5000 κ, ~4,000 terms); 1.1e-13 where (1 − z)^m = e^−896 runs in
    // logs (that power's own rounding is 896 ε ≈ 2e-13); 3e-16 at a = 0.3, β = 0.4 (c = −0.3, lifetimes' NaN case).
    for (const [m, a, beta, kappa, t, want] of reference.kernel) {
      const got = expectedPurchaseKernel(m, a, beta, kappa, t);
      expect(
        Math.abs(got - want) / want,
        `kernel(${m}, ${a}, ${beta}, ${kappa}, ${t})`,
      ).toBeLessThan(1e-12);
    }
  });

  it("equals the closed form with ₂F₁ where that form is well conditioned", () => {
    for (const [m, a, beta, kappa, t] of [
      [0.24, 0.79, 2.43, 4.41, 10],
      [2.24, 1.8, 4.4, 43.3, 39],
      [5, 3, 1.5, 10, 3],
    ] as const) {
      const c = a + beta - 1;
      const z = t / (kappa + t);
      const closed = (c / (a - 1)) * (1 - (1 - z) ** m * hyp2f1(m, beta, c, z));
      expect(Math.abs(expectedPurchaseKernel(m, a, beta, kappa, t) - closed) / closed).toBeLessThan(
        1e-12,
      );
    }
  });

  it("is 0 at t = 0, log 2 for m = a = β = κ = t = 1, and continuous through a = 1", () => {
    expect(expectedPurchaseKernel(1, 1, 1, 1, 0)).toBe(0);
    expect(expectedPurchaseKernel(1, 1, 1, 1, 1)).toBeCloseTo(Math.LN2, 15);
    const at = (a: number): number => expectedPurchaseKernel(1.3, a, 2, 3, 5);
    expect(Math.abs(at(1) - (at(1 - 1e-9) + at(1 + 1e-9)) / 2)).toBeLessThan(1e-12);
  });

  it("stays finite and positive over a wide grid of small and large parameters (no NaN)", () => {
    for (const m of [1e-4, 0.1, 1, 30, 500])
      for (const a of [0.01, 0.3, 1, 7])
        for (const beta of [0.01, 0.4, 3, 200])
          for (const t of [1e-6, 1, 100, 1000]) {
            const value = expectedPurchaseKernel(m, a, beta, 2, t);
            expect(Number.isFinite(value) && value > 0, `${m} ${a} ${beta} ${t}`).toBe(true);
          }
  });

  it("refuses, with the catalogue message, a horizon the series cannot reach in a million terms", () => {
    // 500 repeat purchases and a horizon 5,000 × the client's age: ~m·t/κ = 2.5M terms.
    expect(errorOf(() => expectedPurchaseKernel(500, 0.3, 3, 2, 10_000)).message).toBe(
      msg.expectedPurchasesDiverge(10_000, 2).message,
    );
  });
});
