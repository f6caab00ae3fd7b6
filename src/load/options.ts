/** The text encodings a client table can be read in (`auto` detects UTF-8 or GBK). */
export const ENCODINGS = ["auto", "utf8", "gbk", "gb18030"] as const;

/** One of {@link ENCODINGS}. */
export type Encoding = (typeof ENCODINGS)[number];
