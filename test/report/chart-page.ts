/**
 * What chart tests read from a live report page: the tooltip's rows, the
 * opacity of each series of a chart, a chart's tips in drawing order, and
 * the WCAG contrast ratio of two CSS colours.
 */
import type { Locator, Page } from "playwright-core";
import { unpackTips, type ChartTips, type Tip } from "../../src/report/interact/chart-tips.js";

/** The tooltip's rows as [label, value] pairs. */
export async function tooltipRows(page: Page): Promise<[string, string][]> {
  return page
    .locator(".chart-tip > div")
    .evaluateAll((rows) =>
      rows.map((row) => [row.children[0]!.textContent ?? "", row.children[1]!.textContent ?? ""]),
    ) as Promise<[string, string][]>;
}

/** For a chart's symbol marks: fill colour → the distinct inline opacities of its marks. */
export async function seriesOpacities(chart: Locator): Promise<Record<string, string[]>> {
  return chart.evaluate((svg) => {
    const by = new Map<string, Set<string>>();
    for (const el of svg.querySelectorAll("g.role-mark.mark-symbol > path")) {
      const fill = el.getAttribute("fill") ?? "";
      if (!by.has(fill)) by.set(fill, new Set());
      by.get(fill)!.add(el.style.opacity);
    }
    return Object.fromEntries([...by].map(([fill, set]) => [fill, [...set]]));
  });
}

/** Every tip of a chart's metadata in drawing order (mark group by group), those with none left out. */
export async function chartTipsInOrder(chart: Locator): Promise<Exclude<Tip, 0>[]> {
  const meta = (await chart.locator("metadata").textContent()) ?? "";
  return (JSON.parse(meta) as ChartTips).marks
    .flatMap((mark) => (mark === 0 ? [] : unpackTips(mark)))
    .filter((tip): tip is Exclude<Tip, 0> => tip !== 0);
}

/** Relative luminance of an `rgb(r, g, b)` colour (WCAG 2.x). */
function luminance(rgb: string): number {
  const channels = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  if (channels.length !== 3) throw new Error(`not an rgb() colour: ${rgb}`);
  const [r, g, b] = channels.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG contrast ratio of two `rgb()` colours, 1 to 21.
 *
 * @example
 * contrastRatio("rgb(0, 0, 0)", "rgb(255, 255, 255)"); // => 21
 */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
