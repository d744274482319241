/** One single-quoted shell word: nothing inside it is expanded or executed. */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
