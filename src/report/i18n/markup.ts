/**
 * Catalogue messages as markup: a message whose placeholders take markup
 * (a `<code>` file name, a swatch) besides text. The message text and every
 * text value are escaped; markup values are inserted as they are.
 */
import { SafeHtml, join } from "../html.js";
import type { Locale } from "./locale.js";
import type { MessageKey } from "./en.js";

/** Values of a message's placeholders: text, numbers, or markup kept as is. */
export type MarkupParams = Readonly<Record<string, string | number | SafeHtml>>;

// Stands in for a markup value while the catalogue fills the message: a private-use
// character, which no catalogue message contains.
const MARK = "\uE000";
const SLOT = /\uE000(\d+)\uE000/;

/**
 * The message `key` with its placeholders filled, as escaped markup.
 *
 * @example
 * tMarkup(localeFor("en"), "thr.intro", { config: markup`<code>rules.json</code>` }).value;
 * // => "Rules from <code>rules.json</code>, tried in order; a client gets the first rule it satisfies."
 */
export function tMarkup(locale: Locale, key: MessageKey, params: MarkupParams = {}): SafeHtml {
  const pieces: SafeHtml[] = [];
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value instanceof SafeHtml) {
      plain[name] = `${MARK}${pieces.length}${MARK}`;
      pieces.push(value);
    } else plain[name] = value;
  }
  const parts = locale
    .t(key, plain)
    .split(SLOT)
    .map((part, i) => (i % 2 === 1 ? pieces[Number(part)]! : part));
  return join(...parts);
}
