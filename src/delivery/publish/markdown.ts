/* Small formatting helpers for pull request bodies. */

const numberFormat = new Intl.NumberFormat("en-US");

/** `1,480`: thousands grouped the same on every server, whatever its locale. */
export const count = (value: number): string => numberFormat.format(value);

/** Text for one line of a list or quote, where a newline would end it. */
export const oneLine = (text: string): string => text.trim().replace(/\s*\n\s*/g, " ");
