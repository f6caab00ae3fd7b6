/** Report languages: message catalogues (en, zh-CN) and locale formatters. */
export { catalogue, localeFor, LANGS, placeholdersOf } from "./locale.js";
export type { Lang, Locale, MessageParams } from "./locale.js";
export type { MessageKey } from "./en.js";
export { localBilingual, localName } from "./names.js";
