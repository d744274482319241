import type { Nodes } from "mdast";
import { parseMarkdown } from "../policy/parse-markdown.ts";
import { redactSecrets } from "../policy/redact-secrets.ts";
import { defuseReferences } from "./defuse-references.ts";
import { codeBlock, inlineCode } from "./markdown.ts";

type Edit = { start: number; end: number; text: string };

/** Code blocks GitHub renders as pictures, maps or models, in frames that may fetch what they name. */
const RENDERED_LANGUAGES = new Set(["mermaid", "geojson", "topojson", "stl"]);

/**
 * The agent's prose, as Ferry posts it on GitHub (pull request bodies, status comments,
 * questions). Nothing in it is fetched by a reader's browser: an image (whose URL GitHub's
 * image proxy would request, carrying whatever the agent put in it) and raw HTML are shown
 * as code, and diagrams as plain code. References and mentions are defused, and secrets
 * redacted. Links stay links: following one takes a reader's click.
 */
export function renderAgentText(markdown: string): string {
  const text = redactSecrets(markdown);
  const edits: Edit[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end);
    switch (node.type) {
      case "image":
      case "imageReference":
        edits.push({ start, end, text: inlineCode(source) });
        return;
      case "html":
        edits.push({ start, end, text: source.includes("\n") ? codeBlock(source, "html") : inlineCode(source) });
        return;
      case "code":
        if (RENDERED_LANGUAGES.has(node.lang ?? "")) edits.push({ start, end, text: codeBlock(node.value, "text") });
        return;
      case "text":
        // A `<` left in prose is shown as text, even where another parser would start a tag with it.
        edits.push({ start, end, text: defuseReferences(source.replace(/(?<!\\)</g, "&lt;")) });
        return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(text));
  return applyEdits(text, edits);
}

/** Edits are made in document order and never nest (a replaced node's children are not visited). */
function applyEdits(text: string, edits: Edit[]): string {
  let result = "";
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue;
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}
