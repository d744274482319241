import { visibleHtml } from "./hidden-elements.ts";
import type { Edit } from "./markdown-edits.ts";
import { markdownEdits } from "./markdown-edits.ts";
import { parseMarkdown } from "./parse-markdown.ts";

/*
 * Markdown is read as GitHub reads it (CommonMark with GitHub's extensions and math), and its
 * raw HTML as a browser reads it (parse5). The markdown between raw HTML is kept as written,
 * with its hidden parts edited out, and stands in the HTML as one placeholder character per
 * stretch: an element or comment that hides the placeholder hides that markdown.
 */

/** Supplementary private-use planes: the text is cleared of them first (see sanitise.ts), so each stands for one stretch. */
const PLANE_15 = 0xf0000;
const PLANE_16 = 0x100000;
const PER_PLANE = 0xfffe;
const MAX_STRETCHES = 2 * PER_PLANE;
export const PRIVATE_PLANES = /[\u{F0000}-\u{10FFFF}]/gu;

/** Without these characters markdown has no HTML, links, images, code or formulas, so nothing it could hide. */
const MARKUP_CHARACTERS = /[<[\]!`$&~]/;

/** Everything in `text` that GitHub renders hidden, removed. */
export function removeHiddenMarkup(text: string): string {
  if (!MARKUP_CHARACTERS.test(text)) return text;
  const { edits, html } = markdownEdits(text, parseMarkdown(text));
  const pending = { edits, next: 0 };
  if (html.length === 0) return applyEdits(text, 0, text.length, pending);
  if (html.length >= MAX_STRETCHES) throw new RangeError("too much raw HTML to read");
  const stretches: string[] = [];
  const markup: string[] = [];
  let from = 0;
  for (const node of html) {
    markup.push(placeholder(stretches.length), node.value);
    stretches.push(applyEdits(text, from, node.start, pending));
    from = node.end;
  }
  markup.push(placeholder(stretches.length));
  stretches.push(applyEdits(text, from, text.length, pending));
  return visibleHtml(markup.join(""), (char) => stretches[stretchIndex(char)]);
}

function placeholder(index: number): string {
  return String.fromCodePoint(index < PER_PLANE ? PLANE_15 + index : PLANE_16 + index - PER_PLANE);
}

function stretchIndex(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= PLANE_16) return code - PLANE_16 + PER_PLANE;
  return code >= PLANE_15 ? code - PLANE_15 : -1;
}

/**
 * The source from `from` to `to` with the edits inside it applied. Stretches come in order and
 * edits are sorted, so each edit is looked at once; an edit that would cross raw HTML (none
 * does) is skipped.
 */
function applyEdits(text: string, from: number, to: number, pending: { edits: Edit[]; next: number }): string {
  let result = "";
  let at = from;
  for (; pending.next < pending.edits.length; pending.next++) {
    const edit = pending.edits[pending.next];
    if (edit === undefined || edit.start >= to) break;
    if (edit.start < at || edit.end > to) continue;
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at, to);
}
