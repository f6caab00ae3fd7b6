/**
 * Text width estimates for laying out charts in Node.
 *
 * Vega measures text with a canvas; Node has none here, so vega falls back to
 * 0.8 em per character, which is far wider than real text (Arial averages
 * about 0.5 em): axes get too much room and legends and labels are truncated
 * early. Vega lets a caller supply the width function (vl-convert does the
 * same); this one sums Helvetica/Arial advance widths, the metrics of the
 * chart font stack (`CHART_FONT`), so the layout matches what the browser draws.
 */

// Advance widths of ASCII 32..126 in 1/1000 em (Helvetica AFM; Arial and Liberation Sans share them).
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// Common non-ASCII characters in labels and titles.
const OTHER_WIDTHS: Record<string, number> = {
  "·": 278,
  "–": 556,
  "—": 1000,
  "−": 584,
  "…": 1000,
  "≥": 549,
  "≤": 549,
  "×": 584,
  "°": 400,
  "€": 556,
  "£": 556,
  "¥": 556,
};

/** Width of one character in 1/1000 em. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]!;
  const known = OTHER_WIDTHS[char];
  if (known !== undefined) return known;
  // CJK, Hangul, full-width forms and emoji are about one em wide.
  if (
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code >= 0x1f000
  ) {
    return 1000;
  }
  return 600;
}

/**
 * Estimated advance width in pixels of `text` drawn in Arial/Helvetica at
 * `fontSize` px; bold text is taken as 7% wider.
 *
 * @example
 * estimateTextWidth("k", 10); // => 5
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return (units / 1000) * fontSize * (bold ? 1.07 : 1);
}

/** The part of a vega scenegraph text item the width function reads. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/**
 * A drop-in for vega's `textMetrics.width(item, text)`: the width of `text`
 * (trimmed) in the item's font size (default 11) and weight.
 *
 * @example
 * vegaTextWidth({ fontSize: 10 }, " k "); // => 5
 */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold =
    weight === "bold" ||
    weight === "bolder" ||
    (typeof weight === "number" && weight >= 600) ||
    (typeof weight === "string" && Number(weight) >= 600);
  const value = text == null ? "" : String(text).trim();
  return estimateTextWidth(value, size, bold);
}
