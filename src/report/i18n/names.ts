/**
 * Names from rule configs in the report's language: a config may carry an
 * English `name` and a Chinese `nameZh` (and `description`/`descriptionZh`).
 * zh-CN reports lead with the Chinese name and keep the English one beneath;
 * English reports do the reverse, as they always have.
 */
import { markup } from "../html.js";
import type { SafeHtml } from "../html.js";
import type { Lang } from "./locale.js";

/**
 * The name to show in `lang`: the Chinese name in zh-CN when there is one,
 * else the English name.
 *
 * @example
 * localName("zh-CN", "Champions", "冠军客户"); // => "冠军客户"
 * localName("en", "Champions", "冠军客户"); // => "Champions"
 */
export function localName(lang: Lang, name: string, nameZh?: string): string {
  return lang === "zh-CN" && nameZh ? nameZh : name;
}

/**
 * A name in the report's language with the other language's name beneath it
 * in grey (tagged with its `lang`), when both are known. Escaped.
 *
 * @example
 * localBilingual("zh-CN", "Champions", "冠军客户").value;
 * // => '冠军客户<span class="sub" lang="en">Champions</span>'
 */
export function localBilingual(lang: Lang, name: string, nameZh?: string): SafeHtml {
  if (!nameZh) return markup`${name}`;
  return lang === "zh-CN"
    ? markup`${nameZh}<span class="sub" lang="en">${name}</span>`
    : markup`${name}<span class="sub" lang="zh">${nameZh}</span>`;
}
