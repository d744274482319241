import { describe, expect, test } from "@jest/globals";
import { shellScriptSource } from "../../src/policy/shell-script-operand.ts";
import type { ShellWord } from "../../src/policy/shell-word.ts";

/* Where a shell takes its script from: a script hidden behind an option's value would run unread. */

const words = (...texts: string[]): ShellWord[] => texts.map((text) => ({ text, literal: true, unquoted: text }));

describe("an option's value is not the script file", () => {
  test.each(["-o", "+o", "-O", "+O", "--rcfile", "--init-file"])("%s", (option) => {
    expect(shellScriptSource(words(option, "value", "-c", "git push"))).toEqual({ kind: "option", script: "git push" });
  });
});

test("-- is skipped", () => {
  expect(shellScriptSource(words("--", "build.sh"))).toEqual({ kind: "file", word: words("build.sh")[0] });
});

test("c anywhere in an option cluster is -c", () => {
  expect(shellScriptSource(words("-xce", "git push"))).toEqual({ kind: "option", script: "git push" });
});

test("s in a cluster reads standard input, whatever operands follow", () => {
  expect(shellScriptSource(words("-xse", "arg"))).toEqual({ kind: "stdin" });
});

test("a + option is an option, not the script file", () => {
  expect(shellScriptSource(words("+x", "build.sh"))).toEqual({ kind: "file", word: words("build.sh")[0] });
});

test("no operand at all reads standard input", () => {
  expect(shellScriptSource(words("-x"))).toEqual({ kind: "stdin" });
});

test("a long option is neither -c nor -s", () => {
  expect(shellScriptSource(words("--norc", "build.sh"))).toEqual({ kind: "file", word: words("build.sh")[0] });
});
