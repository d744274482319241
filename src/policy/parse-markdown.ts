import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown } from "mdast-util-math";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";
import { specOpenTag } from "./spec-open-tag.ts";

const LESS_THAN = 60;

/**
 * Markdown as GitHub reads it: CommonMark with GitHub's extensions (tables, task lists,
 * autolinks, footnotes) and math, and open tags as GitHub's parser takes them; nodes carry
 * their source offsets.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm(), math(), { text: { [LESS_THAN]: specOpenTag } }], mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()] });
}
