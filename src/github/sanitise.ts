import { removeHiddenMarkup } from "./hidden-markup.ts";

/*
 * Characters a reader cannot see but a model reads: Unicode's default-ignorable code points
 * (zero-width characters and joiners, bidi controls, variation selectors, which can smuggle
 * bytes, Unicode tags, Hangul fillers), any other format character, and control characters
 * other than tab and newline.
 */
const INVISIBLE = /(?![\t\n])[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

/**
 * Text from GitHub (issues, comments, reviews) as a person sees it rendered: what is hidden
 * from the maintainer who hands the issue over must not reach the model. `<details>` stays:
 * its text is one click away. Also normalises line endings to `\n`.
 */
export function sanitiseUntrusted(text: string): string {
  const lines = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n");
  // Markup first: an invisible character inside a comment's `-->` keeps the comment open.
  // The second pass catches what removed characters were breaking up (`<!-\u200B-`).
  return removeHiddenMarkup(removeHiddenMarkup(lines).replace(INVISIBLE, ""));
}

