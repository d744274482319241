import type { DefaultTreeAdapterTypes } from "parse5";
import { defaultTreeAdapter, html, parseFragment } from "parse5";

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/*
 * The text a browser shows for HTML, read by a spec-compliant parser (parse5, the HTML5
 * algorithm browsers and GitHub's sanitiser implement). Comments, tags and every attribute
 * (`alt`, `title`, `data-*`, `aria-*`, `value`, `href`) are dropped; elements a browser does
 * not show, with all they contain. `<details>` stays: its text is one click away.
 */

/** Elements whose content is never shown as text: scripts and styles, templates, embedded and form content, closed dialogs. */
const HIDING_ELEMENTS = new Set([
  "script", "style", "template", "noscript", "title", "head", "iframe", "object", "embed", "noembed", "noframes", "frameset",
  "textarea", "select", "datalist", "svg", "math", "canvas", "audio", "video", "dialog",
]);
/** Inline styles that hide (GitHub drops `style`, other renderers may not). */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?:\.0*)?(?![.\d])|font-size\s*:\s*0(?![.\d])/i;
/** Where a tag ends a line of text, so words from two blocks are not run together. */
const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3",
  "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
]);

/**
 * The visible text of `markup`, in document order. Characters for which `expand` returns a
 * string (placeholders standing for markdown between raw HTML) are replaced by it, so
 * markdown inside a hidden element goes with it.
 */
export function visibleHtml(markup: string, expand: (char: string) => string | undefined): string {
  const body = defaultTreeAdapter.createElement("body", html.NS.HTML, []);
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (defaultTreeAdapter.isTextNode(node)) {
      parts.push([...node.value].map((char) => expand(char) ?? char).join(""));
      return;
    }
    if (!defaultTreeAdapter.isElementNode(node) || hides(node)) return;
    const block = BLOCK_ELEMENTS.has(node.tagName);
    if (node.tagName === "br") parts.push(" ");
    if (block) endLine(parts);
    for (const child of node.childNodes) visit(child);
    if (block) endLine(parts);
  };
  for (const node of parseFragment(body, markup, {}).childNodes) visit(node);
  return parts.join("");
}

function hides(element: Element): boolean {
  if (HIDING_ELEMENTS.has(element.tagName)) return true;
  return element.attrs.some(({ name, value }) => name === "hidden" || (name === "style" && HIDING_STYLE.test(value)));
}

function endLine(parts: string[]): void {
  const last = parts.findLast((part) => part !== "");
  if (last !== undefined && !last.endsWith("\n")) parts.push("\n");
}
