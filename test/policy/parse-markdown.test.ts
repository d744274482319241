import { expect, test } from "@jest/globals";
import { parseMarkdown } from "../../src/policy/parse-markdown.ts";

/** The raw HTML of a one-paragraph text, as parsed. */
function rawHtml(text: string): string[] {
  const paragraph = parseMarkdown(text).children[0];
  if (paragraph?.type !== "paragraph") return [];
  return paragraph.children.flatMap((child) => (child.type === "html" ? [child.value] : []));
}

// Each expectation is what cmark-gfm 0.29 (GitHub's parser) gives for the same text.
test.each([
  ["an unquoted value with a slash", "a <img src=a/b> b", ["<img src=a/b>"]],
  ["a URL as an unquoted value", "<img src=https://example.com/a.png>", ["<img src=https://example.com/a.png>"]],
  ["more attributes after it", "a <img src=a/b x=1 y> b", ["<img src=a/b x=1 y>"]],
  ["a self-closing tag", "a <x-y a=b/c/>z", ["<x-y a=b/c/>"]],
  ["spaces around the equals sign", "a <a  b = c/d >z", ["<a  b = c/d >"]],
])("an open tag GitHub reads: %s", (_name, text, html) => {
  expect(rawHtml(text)).toEqual(html);
});

test.each([
  ["an unclosed tag", "a <img src=a/b"],
  ["a quoted value left open", 'a <a b=c/d e="f'],
  ["a backtick in an unquoted value", "a <a b=c/d`>z"],
  ["prose with a less-than sign", "a <b and c"],
  ["an autolink", "<https://example.com/a/b>"],
])("text GitHub shows as written: %s", (_name, text) => {
  expect(rawHtml(text)).toEqual([]);
});
