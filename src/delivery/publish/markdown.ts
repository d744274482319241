/* Small formatting helpers for pull request bodies. */

const numberFormat = new Intl.NumberFormat("en-US");

/** `1,480`: thousands grouped the same on every server, whatever its locale. */
export const count = (value: number): string => numberFormat.format(value);

/** A code span that survives a backtick in the text. */
export const code = (text: string): string => (text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``);

/** Text for one line of a list or quote, where a newline would end it. */
export const oneLine = (text: string): string => text.trim().replace(/\s*\n\s*/g, " ");
