import { describe, expect, it } from "vitest";
import { maskId } from "../../src/compare/index.js";

describe("maskId", () => {
  it("keeps the first and last character and stars the middle", () => {
    expect(maskId("17850")).toBe("1***0");
    expect(maskId("C12346")).toBe("C****6");
    expect(maskId("abc")).toBe("a*c");
  });

  it("never shows a short id whole", () => {
    expect(maskId("")).toBe("");
    expect(maskId("7")).toBe("*");
    expect(maskId("AB")).toBe("A*");
  });

  it("counts code points, not UTF-16 units", () => {
    expect(maskId("客户😀12")).toBe("客***2");
  });

  it("keeps the length", () => {
    for (const id of ["1", "12", "123", "12345678901234"])
      expect(maskId(id)).toHaveLength(id.length);
  });
});
