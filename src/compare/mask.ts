/**
 * Masks a client id for display: keeps its first and last character and
 * replaces every character in between with "*", so a reader can tell ids
 * apart without reading them whole. Characters are counted as code points
 * (an emoji or a CJK character is one character). Ids of one or two
 * characters would be shown whole by that rule, so they are starred except
 * for the first character ("7" → "*", "AB" → "A*").
 *
 * @example
 * maskId("17850"); // => "1***0"
 * maskId("C1");    // => "C*"
 */
export function maskId(id: string): string {
  const chars = Array.from(id);
  if (chars.length === 0) return "";
  if (chars.length === 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}
