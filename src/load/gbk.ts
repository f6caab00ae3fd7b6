/**
 * GBK to UTF-8 by table lookup.
 *
 * Why: ICU's GB18030 decoder (behind `TextDecoder("gb18030")`) takes about a
 * second of CPU for a 60 MB file — as long as parsing it. GBK text is ASCII
 * plus two-byte characters, so a 23,940-entry table (built once from that
 * same `TextDecoder`, so the mapping is identical by construction) and a
 * byte loop do the same work several times faster. Anything else — GB18030's
 * four-byte sequences, malformed bytes — makes this function give up so the
 * caller can fall back to `TextDecoder`, which handles every case.
 */

/** Two-byte GBK: lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE (190 trails per lead). */
const LEADS = 126;
const TRAILS = 190;

let table: Uint16Array | undefined;

/** Code unit of every two-byte sequence, by pointer `(lead − 0x81) × 190 + trailIndex`; 0 = not a character. */
function twoByteTable(): Uint16Array {
  if (table !== undefined) return table;
  const pairs = new Uint8Array(LEADS * TRAILS * 2);
  for (let pointer = 0; pointer < LEADS * TRAILS; pointer++) {
    const trailIndex = pointer % TRAILS;
    pairs[2 * pointer] = 0x81 + Math.floor(pointer / TRAILS);
    pairs[2 * pointer + 1] = trailIndex < 0x3f ? 0x40 + trailIndex : 0x41 + trailIndex;
  }
  const text = new TextDecoder("gb18030").decode(pairs);
  const built = new Uint16Array(LEADS * TRAILS);
  // One BMP character per pair when every pair decodes; otherwise map none (fall back always).
  if (text.length === LEADS * TRAILS) {
    for (let pointer = 0; pointer < built.length; pointer++) {
      const unit = text.charCodeAt(pointer);
      built[pointer] =
        unit < 0x80 || unit === 0xfffd || (unit >= 0xd800 && unit <= 0xdfff) ? 0 : unit;
    }
  }
  table = built;
  return built;
}

/**
 * Transcodes GBK bytes (ASCII, `0x80` = €, two-byte characters) to UTF-8.
 *
 * @returns the UTF-8 bytes, or `undefined` when the input holds anything
 *   else (a four-byte GB18030 sequence or malformed bytes).
 * @example gbkToUtf8(new Uint8Array([0x41, 0xbf, 0xcd])) // => bytes of "A客": 41 e5 ae a2
 */
export function gbkToUtf8(bytes: Uint8Array): Uint8Array | undefined {
  const lookup = twoByteTable();
  const n = bytes.length;
  let output = new Uint8Array(Math.ceil(n * 1.5) + 16);
  let written = 0;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      output[written++] = lead;
      i++;
      continue;
    }
    let unit: number;
    if (lead === 0x80) {
      unit = 0x20ac;
      i++;
    } else {
      if (lead === 0xff || i + 1 >= n) return undefined;
      const trail = bytes[i + 1]!;
      if (trail < 0x40 || trail === 0x7f || trail === 0xff) return undefined;
      unit = lookup[(lead - 0x81) * TRAILS + trail - (trail < 0x7f ? 0x40 : 0x41)]!;
      if (unit === 0) return undefined;
      i += 2;
    }
    if (written + 3 > output.length) {
      const larger = new Uint8Array(output.length * 2);
      larger.set(output.subarray(0, written));
      output = larger;
    }
    if (unit < 0x800) {
      output[written++] = 0xc0 | (unit >> 6);
      output[written++] = 0x80 | (unit & 0x3f);
    } else {
      output[written++] = 0xe0 | (unit >> 12);
      output[written++] = 0x80 | ((unit >> 6) & 0x3f);
      output[written++] = 0x80 | (unit & 0x3f);
    }
  }
  return output.subarray(0, written);
}
