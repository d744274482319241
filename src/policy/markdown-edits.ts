import type { Nodes, Root } from "mdast";
import { hasInvisibleCharacters } from "./invisible-characters.ts";
import { MATH_REMOVED, mathCanHide } from "./hidden-math.ts";

/** Replace `start`–`end` of the source with `text`. */
export type Edit = { start: number; end: number; text: string };
/** Raw HTML in the markdown, as markdown passes it to the browser. */
export type HtmlNode = { start: number; end: number; value: string };

/** An image shows a picture: its alt text, title and URL are not what a reader sees. */
export const IMAGE = "[image]";

/** Lines of a mermaid diagram that are never drawn: `%%` comments and directives, accessibility titles and descriptions. */
const MERMAID_HIDDEN_LINE = /^[\s>]*(?:%%|acc(?:Title|Descr)\s*:)/;
const MERMAID_HIDDEN_BLOCK = /^[\s>]*accDescr\s*\{/;

/**
 * What a reader does not see in the markdown, as edits of its source, and its raw HTML for the
 * browser's view: images lose their alt text, links and definitions their titles (tooltips),
 * definitions nothing links to go, mermaid diagrams lose their comments, formulas that can
 * hide text go.
 */
export function markdownEdits(source: string, tree: Root): { edits: Edit[]; html: HtmlNode[] } {
  const edits: Edit[] = [];
  const html: HtmlNode[] = [];
  const referenced = new Set<string>();
  const definitions: { start: number; end: number; identifier: string; label: string; url: string }[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case "html":
        html.push({ start, end, value: node.value });
        return;
      case "image":
      case "imageReference":
        edits.push({ start, end, text: IMAGE });
        return;
      case "definition":
        definitions.push({ start, end, identifier: node.identifier, label: node.label ?? node.identifier, url: node.url });
        return;
      case "linkReference":
        referenced.add(node.identifier);
        break;
      case "link":
        if (node.title !== null && node.title !== undefined) edits.push(linkWithoutTitle(start, end, node.children.at(-1)?.position?.end.offset, node.url));
        break;
      case "code":
        if (node.lang === "mermaid") edits.push({ start, end, text: withoutMermaidHiddenLines(source.slice(start, end)) });
        else if (node.lang === "math" && mathCanHide(node.value)) edits.push({ start, end, text: MATH_REMOVED });
        return;
      case "math":
      case "inlineMath":
        if (mathCanHide(node.value)) edits.push({ start, end, text: MATH_REMOVED });
        return;
      case "inlineCode":
        // GitHub also reads $`…`$ as a formula.
        if (source[start - 1] === "$" && source[end] === "$" && mathCanHide(node.value)) edits.push({ start: start - 1, end: end + 1, text: MATH_REMOVED });
        return;
      case "text":
        edits.push(...textEdits(source, start, end, node.value));
        return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  for (const definition of definitions) {
    const text = referenced.has(definition.identifier) ? `[${definition.label}]: ${definition.url}` : "";
    edits.push({ start: definition.start, end: definition.end, text });
  }
  return { edits: edits.sort((a, b) => a.start - b.start), html: html.sort((a, b) => a.start - b.start) };
}

/** `[text](url "title")` → `[text](url)`: the link's text stays as written. */
function linkWithoutTitle(start: number, end: number, lastChildEnd: number | undefined, url: string): Edit {
  return { start: lastChildEnd ?? start + 1, end, text: `](${url})` };
}

/**
 * Text that spells an invisible character as a reference (`&#x200B;`) is replaced by what it
 * reads, so the invisible character can be removed; text where the markdown parser saw no
 * formula but GitHub's may have (`$\\phantom{…}$` where they disagree) goes.
 */
function textEdits(source: string, start: number, end: number, value: string): Edit[] {
  if (value.includes("$") && mathCanHide(value)) return [{ start, end, text: MATH_REMOVED }];
  if (source.slice(start, end) !== value && hasInvisibleCharacters(value)) return [{ start, end, text: value }];
  return [];
}

/** The diagram's source without the lines mermaid never draws (the fences are never among them). */
function withoutMermaidHiddenLines(code: string): string {
  let inBlock = false;
  return code
    .split(/(?<=\n)/)
    .filter((line, index) => {
      if (index === 0) return true;
      const hidden = inBlock || MERMAID_HIDDEN_LINE.test(line) || MERMAID_HIDDEN_BLOCK.test(line);
      if (MERMAID_HIDDEN_BLOCK.test(line)) inBlock = !line.includes("}");
      else if (inBlock && line.includes("}")) inBlock = false;
      return !hidden;
    })
    .join("");
}
