/*
 * Elements a browser hides: by the `hidden` attribute, by an inline style, or by what they are
 * (`<script>`, `<style>`, `<template>`, `<noscript>`). An unclosed one hides the rest of the text.
 */
const TAG_START = /<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
/** In a tag's attributes (or in what a browser would read as its attributes: a `<script` there too). */
const HIDING_ATTRIBUTE = /(?:^|[\s"'])hidden(?=[\s=/>]|$)|display\s*:\s*none|visibility\s*:\s*hidden|<(?:script|style|template|noscript)(?=[\s/>]|$)/i;
const HIDING_ELEMENTS = new Set(["script", "style", "template", "noscript"]);
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/*
 * Tags are read as a browser reads them: once `<name` starts one, it runs to the first `>`
 * outside a quoted value, and the scan resumes after it. That keeps the scan linear, and prose
 * like `a <b … <div hidden>` counts as one hiding tag (more is removed, nothing hidden stays).
 */
export function removeHiddenElements(text: string): string {
  let result = "";
  let from = 0;
  const starts = new RegExp(TAG_START);
  for (let start = starts.exec(text); start; start = starts.exec(text)) {
    const name = (start[1] ?? "").toLowerCase();
    const tag = readTag(text, start.index + start[0].length);
    if (!tag.hiding && !HIDING_ELEMENTS.has(name)) {
      if (tag.end === text.length) break;
      starts.lastIndex = tag.end;
      continue;
    }
    result += text.slice(from, start.index);
    from = VOID_ELEMENTS.has(name) ? tag.end : endOfElement(text, name, tag.end);
    starts.lastIndex = from;
  }
  return result + text.slice(from);
}

/**
 * The rest of an open tag: where it ends and whether it hides. A value quoted after `=` may
 * hold `>`; a value still open at the end of the text hides the rest.
 */
function readTag(text: string, from: number): { end: number; hiding: boolean } {
  let quote: string | undefined;
  let afterEquals = false;
  for (let at = from; at < text.length; at++) {
    const char = text.charAt(at);
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === ">") {
      return { end: at + 1, hiding: HIDING_ATTRIBUTE.test(text.slice(from, at)) };
    } else if (afterEquals && (char === '"' || char === "'")) {
      quote = char;
    } else if (char !== " " && char !== "\t" && char !== "\n") {
      afterEquals = char === "=";
    }
  }
  return { end: text.length, hiding: quote !== undefined || HIDING_ATTRIBUTE.test(text.slice(from)) };
}

/** Where the element closes, counting nested elements of the same name; the end of the text when it never does. */
function endOfElement(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>?`, "gi");
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(text); tag; tag = tags.exec(text)) {
    depth += tag[1] === "/" ? -1 : 1;
    if (depth === 0) return tag.index + tag[0].length;
  }
  return text.length;
}

