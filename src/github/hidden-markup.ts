import { removeHiddenElements } from "./hidden-elements.ts";

/*
 * What GitHub renders hidden: comments and the other markup a browser never shows (CDATA,
 * declarations, processing instructions), hidden elements, and link reference definitions that
 * nothing links to (the `[//]: # (note)` idiom). Code blocks get no exemption: a pretend fence
 * must not shelter a comment, and removing too much is the safe side.
 */
const HIDDEN_MARKUP = [
  /<!--(?:>|->|[\s\S]*?-->|[\s\S]*)/g,
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g,
  /<![A-Za-z][^>]*>?/g,
];
/** `[label]: target "title"`; target and title may each start on the next line. Each space run has one way to match. */
const LINK_DEFINITION =
  /^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)(?:[ \t]*(?:\n[ \t]*)?(?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|\((?:[^()\\]|\\[\s\S])*\)))?[ \t]*$/gm;

/** Everything in `text` that GitHub renders hidden, removed; unterminated forms run to the end, as in a browser. */
export function removeHiddenMarkup(text: string): string {
  const visible = HIDDEN_MARKUP.reduce((current, pattern) => current.replace(pattern, ""), text);
  return removeUnusedLinkDefinitions(removeHiddenElements(removeProcessingInstructions(visible)));
}

/**
 * A processing instruction: markdown passes `<?…?>` (or a line starting with `<?`) through as
 * HTML, and the browser then hides from `<?` to the first `>`. One without a letter or digit
 * hides nothing and is code like Java's `Map<?, ?>`, so it stays.
 */
function removeProcessingInstructions(text: string): string {
  const lastClose = text.lastIndexOf("?>");
  let result = "";
  let from = 0;
  let close = 0;
  for (let start = text.indexOf("<?"); start !== -1; start = text.indexOf("<?", from)) {
    const raw = lastClose > start || atLineStart(text, start);
    if (close !== -1 && close < start + 2) close = text.indexOf(">", start + 2);
    const end = close === -1 ? text.length : close + 1;
    // Without a letter, every `<?` up to `end` (same end, shorter body) is decided with this one.
    const hides = raw && /[\p{L}\p{N}]/u.test(text.slice(start + 2, end));
    const next = raw ? end : start + 2;
    result += hides ? text.slice(from, start) : text.slice(from, next);
    from = next;
  }
  return result + text.slice(from);
}

/** Whether only up to three spaces stand between the line's start and `index` (where markdown starts an HTML block). */
function atLineStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return /\n {0,3}$/.test(before) || (index <= 3 && /^ *$/.test(before));
}

/** A definition nothing refers to only hides text; a used one keeps its label and target but loses its title (a tooltip). */
function removeUnusedLinkDefinitions(text: string): string {
  if (text.search(LINK_DEFINITION) === -1) return text;
  const referenced = new Set([...text.replace(LINK_DEFINITION, "").matchAll(/\[((?:[^\]\\\n]|\\.)+)\]/g)].map((match) => labelKey(match[1] ?? "")));
  return text.replace(LINK_DEFINITION, (_definition, label: string, target: string) => (referenced.has(labelKey(label)) ? `[${label}]: ${target}` : ""));
}

/** Labels match case-insensitively, with runs of whitespace as one space. */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}
