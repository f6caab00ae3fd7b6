import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeText, transcodeToUtf8 } from "../../src/load/decode.js";
import { gbkToUtf8 } from "../../src/load/gbk.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

describe("GBK lookup transcoder", () => {
  test("known bytes: 客户编号 and the euro sign", () => {
    const bytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0x80]);
    expect(utf8.decode(gbkToUtf8(bytes))).toBe("客户编号,€");
  });

  test("every two-byte sequence decodes exactly as TextDecoder('gb18030')", () => {
    const pairs: number[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
    }
    const bytes = Uint8Array.from(pairs);
    const fast = gbkToUtf8(bytes);
    expect(fast).toBeDefined();
    expect(utf8.decode(fast)).toBe(gb18030.decode(bytes));
  });

  test("'gbk' decodes as the Encoding Standard says (the GB18030 decoder), not with ICU's older GBK table", () => {
    const bytes = new Uint8Array([0xfe, 0x54]);
    expect(decodeText(bytes, "gbk", "x.csv")).toEqual({ text: "\u2e84", encoding: "gbk" }); // ⺄, not U+E819
    expect(utf8.decode(transcodeToUtf8(bytes, "gbk"))).toBe("\u2e84");
  });

  test("four-byte GB18030 and malformed input are declined (undefined), and the fallback still matches", () => {
    const fourByte = new Uint8Array([0x81, 0x30, 0x81, 0x30]); // U+0080
    const truncated = new Uint8Array([0x41, 0xbf]);
    const badTrail = new Uint8Array([0xbf, 0x20]);
    for (const bytes of [fourByte, truncated, badTrail, new Uint8Array([0xff])]) {
      expect(gbkToUtf8(bytes)).toBeUndefined();
      expect(utf8.decode(transcodeToUtf8(bytes, "gb18030"))).toBe(gb18030.decode(bytes));
    }
  });

  test("property: for any bytes, transcodeToUtf8 agrees with TextDecoder('gb18030')", () => {
    const piece = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }).map((b) => [b]),
      fc
        .tuple(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x40, max: 0xfe }))
        .map(([a, b]) => [a, b]),
      fc.integer({ min: 0, max: 0xff }).map((b) => [b]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        expect(utf8.decode(transcodeToUtf8(bytes, "gbk"))).toBe(gb18030.decode(bytes));
      }),
      { numRuns: 1000, seed: 103 },
    );
  });
});
