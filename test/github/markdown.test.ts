import { expect, test } from "@jest/globals";
import { codeBlock, inlineCode, quoteBlock } from "../../src/github/markdown.ts";

test("a code block is fenced with three backticks and the info string", () => {
  expect(codeBlock("npm test", "sh")).toBe("```sh\nnpm test\n```");
});

test("a code block's fence is longer than any backtick run inside it", () => {
  expect(codeBlock("a ```` b")).toBe("`````\na ```` b\n`````");
});

test("inline code with a backtick inside gets a longer fence", () => {
  expect(inlineCode("say `hi` now")).toBe("``say `hi` now``");
});

test("inline code that starts or ends with a backtick is padded so it still renders", () => {
  expect(inlineCode("`x")).toBe("`` `x ``");
});

test("every line of a quote is quoted, blank lines too, so a paragraph break cannot end it", () => {
  expect(quoteBlock("one\n\ntwo")).toBe("> one\n>\n> two");
});
