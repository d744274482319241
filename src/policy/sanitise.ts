import { removeHiddenMarkup, PRIVATE_PLANES } from "./hidden-markup.ts";
import { normaliseLineEndings, removeInvisibleCharacters } from "./invisible-characters.ts";

/** Containers nested deeper than this take the parser quadratic time (or its stack); no one writes them to be read. */
const DEEP_NESTING = /^(?:[ \t]*>){100}/m;
export const UNREADABLE = "[left out: this text nests markup too deeply to be read safely]";

/**
 * Text from GitHub (issues, comments, reviews) as a person sees it rendered: what is hidden
 * from the maintainer who hands the issue over must not reach the model. Markdown is parsed
 * as GitHub parses it and raw HTML as a browser does; comments, tags and their attributes,
 * image alt text, link titles, unused link definitions, mermaid comments, formulas that can
 * hide text, and invisible characters go. `<details>` stays: its text is one click away.
 * Also normalises line endings to `\n`.
 */
export function sanitiseUntrusted(text: string): string {
  // Private-use planes 15 and 16 show nothing a reader could read, and the parser uses them as placeholders.
  const lines = normaliseLineEndings(text).replace(PRIVATE_PLANES, "");
  if (DEEP_NESTING.test(lines)) return UNREADABLE;
  try {
    // Markup first, on the text GitHub renders: an invisible character inside a comment's `-->`
    // keeps the comment open. A second pass catches markup the removed characters broke up.
    const visible = removeHiddenMarkup(lines);
    const cleaned = removeInvisibleCharacters(visible);
    return cleaned === visible ? cleaned : removeHiddenMarkup(cleaned);
  } catch (error) {
    if (error instanceof RangeError) return UNREADABLE;
    throw error;
  }
}

/**
 * Text GitHub shows as written, not as markdown (an issue title, a login, a review's diff
 * hunk): only its invisible characters hide anything. `Vec<T>` in a title stays.
 */
export function sanitisePlainText(text: string): string {
  return removeInvisibleCharacters(normaliseLineEndings(text).replace(PRIVATE_PLANES, ""));
}
