/**
 * What a reader of a rendered page sees as text, to check its language:
 * every text node (SVG chart text too) with scripts, styles and `<code>`
 * (command lines the user typed) left out, entities decoded.
 */

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", "#39": "'" };

/**
 * The visible text of a page, one text node per line.
 *
 * @example
 * visibleText("<p>Hi &amp; bye</p><code>segwork rfm</code>"); // => "Hi & bye"
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style|code|title)\b[\s\S]*?<\/\1>/g, "\n")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&(lt|gt|quot|amp|#39);/g, (_all, name: string) => ENTITIES[name]!)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Runs of `words` or more English words in a row (separated by spaces only)
 * in `text`: a page in another language should have none.
 *
 * @example
 * englishRuns("客户 in the period 共 3 位"); // => ["in the period"]
 */
export function englishRuns(text: string, words = 3): string[] {
  const word = "[A-Za-z][A-Za-z'’-]*";
  const run = new RegExp(`${word}(?:[ \\t]+${word}){${words - 1},}`, "g");
  return [...new Set(text.match(run) ?? [])];
}
