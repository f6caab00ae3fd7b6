/**
 * Bytes to text: gunzip when the bytes are gzip, then decode UTF-8 or
 * GBK/GB18030 (Excel exports from Chinese Windows) and drop a byte-order mark.
 */
import { isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import * as loadMessages from "../shared/messages/load.js";
import { gbkToUtf8 } from "./gbk.js";
import type { LoadOptions } from "./types.js";

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

/**
 * Decodes text. `auto` picks UTF-16 from its byte-order mark (Excel's
 * "Unicode text" export), else UTF-8 when the bytes are valid UTF-8, else
 * GB18030 (a superset of GBK, so GBK files decode too). A leading BOM is
 * removed in every case.
 *
 * @returns the text and the WHATWG name of the encoding used
 *   (`utf-8`, `gb18030`, `gbk`, `utf-16le`, `utf-16be`).
 * @throws SegworkError when `utf8` is forced and the bytes are not UTF-8.
 * @example decodeText(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7]), "auto", "x.csv").text // => "客户"
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: NonNullable<LoadOptions["encoding"]>,
  source: string,
): { text: string; encoding: string } {
  let label: string;
  if (encoding === "auto") {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) label = "utf-16le";
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = "utf-16be";
    else {
      try {
        return {
          text: stripBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes)),
          encoding: "utf-8",
        };
      } catch {
        label = "gb18030";
      }
    }
  } else if (encoding === "utf8") {
    try {
      return {
        text: stripBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes)),
        encoding: "utf-8",
      };
    } catch {
      throw loadMessages.invalidUtf8(source);
    }
  } else {
    label = encoding;
  }
  return { text: stripBom(new TextDecoder(decoderLabel(label)).decode(bytes)), encoding: label };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes as UTF-8, for the byte-level CSV parser: UTF-8 input is returned as
 * is (validated, not copied — decoding a 50 MB file into a string costs as
 * much as parsing it); GBK/GB18030 and UTF-16 input is decoded and
 * re-encoded. The encoding is chosen as in {@link decodeText}.
 *
 * @returns the UTF-8 bytes (a BOM may remain) and the encoding the input was in.
 * @throws SegworkError when `utf8` is forced and the bytes are not UTF-8.
 * @example toUtf8Bytes(new Uint8Array([0xbf, 0xcd]), "auto", "x.csv").encoding // => "gb18030"
 */
export function toUtf8Bytes(
  bytes: Uint8Array,
  encoding: NonNullable<LoadOptions["encoding"]>,
  source: string,
): { bytes: Uint8Array; encoding: string } {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (encoding === "utf8" || (encoding === "auto" && !utf16)) {
    if (isUtf8(bytes)) return { bytes, encoding: "utf-8" };
    if (encoding === "utf8") throw loadMessages.invalidUtf8(source);
  }
  const label =
    encoding === "auto"
      ? bytes[0] === 0xff
        ? "utf-16le"
        : bytes[0] === 0xfe
          ? "utf-16be"
          : "gb18030"
      : encoding;
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
