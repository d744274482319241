/*
 * Characters a reader cannot see but a model reads: Unicode's default-ignorable code points
 * (zero-width characters and joiners, bidi controls, variation selectors, which can smuggle
 * bytes, Unicode tags, Hangul fillers), any other format character, and control characters
 * other than tab and newline.
 */
const INVISIBLE = /(?![\t\n])[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

export function removeInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, "");
}

export function hasInvisibleCharacters(text: string): boolean {
  return new RegExp(INVISIBLE.source, "u").test(text);
}

/** `\r\n`, a lone `\r` and Unicode's line separators as `\n`. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n");
}
