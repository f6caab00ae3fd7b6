import { describe, expect, it } from "vitest";
import { lifetimeValueByGroup } from "../../src/clv/index.js";

describe("lifetimeValueByGroup", () => {
  it("sums, averages and shares CLV per group by hand; a client without a CLV counts but adds nothing", () => {
    const rows = lifetimeValueByGroup(
      ["a", "b", "a", "c", "b"],
      [10, 5, Number.NaN, 0, 25],
      [0.5, 1, 0.9, 0.2, 0.5],
      ["b", "z"],
    );
    expect(rows.map((r) => r.group)).toEqual(["b", "z", "a", "c"]);
    const [b, z, a, c] = rows;
    expect(b).toMatchObject({ clients: 2, withClv: 2, totalClv: 30, meanClv: 15 });
    expect(b!.clvShare).toBe(30 / 40);
    expect(b!.meanProbabilityAlive).toBe(0.75);
    expect(z).toMatchObject({ clients: 0, withClv: 0, totalClv: 0, clvShare: 0 });
    expect(z!.meanClv).toBeNaN();
    expect(a).toMatchObject({ clients: 2, withClv: 1, totalClv: 10, meanClv: 10 });
    expect(a!.meanProbabilityAlive).toBe(0.7);
    expect(c).toMatchObject({ clients: 1, withClv: 1, totalClv: 0, meanClv: 0, clvShare: 0 });
  });

  it("without P(alive) its mean is NaN; with no CLV at all shares are NaN", () => {
    const [row] = lifetimeValueByGroup(["a"], [Number.NaN]);
    expect(row!.meanProbabilityAlive).toBeNaN();
    expect(row!.clvShare).toBeNaN();
    expect(row!.withClv).toBe(0);
  });
});
