/**
 * Bytes to text: gunzip when the bytes are gzip, then decode UTF-8 or
 * GBK/GB18030 (Excel exports from Chinese Windows) and drop a byte-order mark.
 */
import { isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import * as loadMessages from "../shared/messages/load.js";
import { gbkToUtf8 } from "./gbk.js";

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates gzip data; other bytes pass through unchanged.
 *
 * @throws SegworkError when the bytes start like gzip but do not inflate.
 * @example maybeGunzip(gzipSync(Buffer.from("a\n1\n")), "a.csv.gz").gzip // => true
 */
export function maybeGunzip(
  bytes: Uint8Array,
  source: string,
): { bytes: Uint8Array; gzip: boolean } {
  if (!isGzip(bytes)) return { bytes, gzip: false };
  try {
    return { bytes: gunzipSync(bytes), gzip: true };
  } catch {
    throw loadMessages.corruptGzip(source);
  }
}

/** The encodings a file can be read in (WHATWG labels). */
export type TextEncodingLabel = "utf-8" | "gb18030" | "gbk" | "utf-16le" | "utf-16be";

/** What a caller may ask for: a detection, or one encoding forced. */
export type EncodingRequest = "auto" | "utf8" | "gbk" | "gb18030";

/**
 * The one encoding detector of segwork, for client tables and transaction
 * logs alike: UTF-16 by its byte-order mark (Excel's "Unicode text" export),
 * else UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK,
 * so GBK files decode too) when the first line decodes strictly as GB18030.
 * Anything else (Latin-1, Shift-JIS, random bytes) is not guessed: the result
 * is `undefined`, and callers say so.
 *
 * @param bytes the whole file (`complete`), or its first bytes: then the
 *   sample is cut at its last line break so that a character split by the cut
 *   does not count as invalid.
 * @example detectEncoding(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x0a]), true) // => "gb18030" (客户)
 * @example detectEncoding(new TextEncoder().encode("客户\n"), true) // => "utf-8"
 */
export function detectEncoding(
  bytes: Uint8Array,
  complete: boolean,
): "utf-8" | "gb18030" | "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  let sample = bytes;
  if (!complete) {
    const lastBreak = bytes.lastIndexOf(LF);
    sample = lastBreak >= 0 ? bytes.subarray(0, lastBreak + 1) : withoutCutCharacter(bytes);
  }
  if (isUtf8(sample)) return "utf-8";
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(firstLine(sample));
    return "gb18030";
  } catch {
    return undefined;
  }
}

const LF = 0x0a;

/** The bytes up to (not including) the first line break. */
function firstLine(bytes: Uint8Array): Uint8Array {
  const lineBreak = bytes.indexOf(LF);
  return lineBreak < 0 ? bytes : bytes.subarray(0, lineBreak);
}

/** `bytes` without a UTF-8 sequence that the end of the sample cut short (at most 3 bytes). */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) !== 0x80) return b >= 0xc0 ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/**
 * True when the first line of `bytes` is valid UTF-8 (a character cut by the
 * end of a sample that holds no line break does not count against it).
 *
 * @example firstLineIsUtf8(new Uint8Array([0xbf, 0xcd, 0x0a]), true) // => false
 */
export function firstLineIsUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const line = firstLine(bytes);
  return isUtf8(!complete && line.length === bytes.length ? withoutCutCharacter(line) : line);
}

/**
 * The encoding to read a file in, from the request and the file's bytes
 * (see {@link detectEncoding} for `auto`).
 *
 * @param complete whether `bytes` is the whole file; when not, only the
 *   sample is checked, and a forced `utf8` is checked on the first line.
 * @throws SegworkError when `utf8` is forced and the bytes (the first line of
 *   a sample) are not UTF-8, or `auto` recognises neither UTF-8 nor GBK.
 * @example resolveEncoding(new Uint8Array([0xbf, 0xcd, 0x0a]), "auto", "x.csv", true) // => "gb18030"
 */
export function resolveEncoding(
  bytes: Uint8Array,
  request: EncodingRequest,
  source: string,
  complete: boolean,
): TextEncodingLabel {
  if (request === "gbk" || request === "gb18030") return request;
  if (request === "utf8") {
    if (!(complete ? isUtf8(bytes) : firstLineIsUtf8(bytes, false)))
      throw loadMessages.invalidUtf8(source);
    return "utf-8";
  }
  const detected = detectEncoding(bytes, complete);
  if (detected === undefined) throw loadMessages.unknownEncoding(source);
  return detected;
}

/**
 * Decodes text in the encoding {@link resolveEncoding} picks. A leading BOM
 * is removed in every case.
 *
 * @returns the text and the WHATWG name of the encoding used
 *   (`utf-8`, `gb18030`, `gbk`, `utf-16le`, `utf-16be`).
 * @throws SegworkError as {@link resolveEncoding}.
 * @example decodeText(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]), "auto", "x.csv").text // => "客户"
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: EncodingRequest,
  source: string,
): { text: string; encoding: string } {
  const label = resolveEncoding(bytes, encoding, source, true);
  const fatal = label === "utf-8"; // already validated: a fatal decoder costs nothing more
  return {
    text: stripBom(new TextDecoder(decoderLabel(label), { fatal }).decode(bytes)),
    encoding: label,
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes as UTF-8, for the byte-level CSV parser: UTF-8 input is returned as
 * is (validated, not copied — decoding a 50 MB file into a string costs as
 * much as parsing it); GBK/GB18030 and UTF-16 input is decoded and
 * re-encoded. The encoding is chosen by {@link resolveEncoding}.
 *
 * @returns the UTF-8 bytes (a BOM may remain) and the encoding the input was in.
 * @throws SegworkError as {@link resolveEncoding}.
 * @example toUtf8Bytes(new Uint8Array([0xbf, 0xcd]), "auto", "x.csv").encoding // => "gb18030"
 */
export function toUtf8Bytes(
  bytes: Uint8Array,
  encoding: EncodingRequest,
  source: string,
): { bytes: Uint8Array; encoding: string } {
  const label = resolveEncoding(bytes, encoding, source, true);
  if (label === "utf-8") return { bytes, encoding: label };
  return { bytes: transcodeToUtf8(bytes, label), encoding: label };
}

/** Input bytes decoded per step of {@link transcodeToUtf8}. */
const TRANSCODE_CHUNK = 1 << 20;

/**
 * Re-encodes text in `label` (a WHATWG encoding) as UTF-8: plain GBK through
 * the lookup table of `gbk.ts`, anything else through `TextDecoder` one
 * megabyte at a time (a GBK file of 60 MB would otherwise become a 117 MB
 * two-byte string before being encoded again).
 *
 * @example transcodeToUtf8(new Uint8Array([0xbf, 0xcd]), "gbk") // => the UTF-8 bytes of "客" (e5 ae a2)
 */
export function transcodeToUtf8(bytes: Uint8Array, label: string): Uint8Array {
  if (label === "gbk" || label === "gb18030") {
    const fast = gbkToUtf8(bytes);
    if (fast !== undefined) return fast;
  }
  const decoder = new TextDecoder(decoderLabel(label));
  const encoder = new TextEncoder();
  // A GBK character takes 2 bytes and 3 in UTF-8; a lone 0x80 (€) takes 1 and 3.
  let output = new Uint8Array(Math.ceil(bytes.length * 1.5) + 16);
  let written = 0;
  const append = (text: string): void => {
    let rest = text;
    while (rest.length > 0) {
      const result = encoder.encodeInto(rest, output.subarray(written));
      written += result.written;
      rest = rest.slice(result.read);
      if (rest.length > 0) {
        const larger = new Uint8Array(output.length * 2 + rest.length * 3);
        larger.set(output.subarray(0, written));
        output = larger;
      }
    }
  };
  for (let offset = 0; offset < bytes.length; offset += TRANSCODE_CHUNK) {
    append(decoder.decode(bytes.subarray(offset, offset + TRANSCODE_CHUNK), { stream: true }));
  }
  append(decoder.decode());
  return output.subarray(0, written);
}

/**
 * The label to hand to `TextDecoder`. The Encoding Standard decodes "gbk"
 * with the GB18030 decoder (as browsers do), but Node's ICU build has a
 * separate, older GBK table (e.g. FE 54 → U+E819, a private-use code point,
 * instead of U+2E84 ⺄), so "gbk" is decoded as "gb18030" here.
 */
function decoderLabel(label: string): string {
  return label === "gbk" ? "gb18030" : label;
}
