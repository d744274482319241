import { describe, expect, test } from "@jest/globals";
import { decodeAnsiC } from "../../src/policy/ansi-c-quote.ts";
import { deniedReason, tooLongReason } from "../../src/policy/command-reasons.ts";
import { simpleCommands } from "../../src/policy/shell-words.ts";

/* The text a command receives or prints, decoded as bash decodes it: a program spelled in escapes is still that program. */

describe("$'…' escapes", () => {
  test.each([
    ["\\a", "\x07"],
    ["\\b", "\b"],
    ["\\e", "\x1b"],
    ["\\E", "\x1b"],
    ["\\f", "\f"],
    ["\\n", "\n"],
    ["\\r", "\r"],
    ["\\t", "\t"],
    ["\\v", "\v"],
    ["\\\\", "\\"],
    ["\\'", "'"],
    ['\\"', '"'],
    ["\\?", "?"],
  ])("%s", (raw, decoded) => {
    expect(decodeAnsiC(`a${raw}b`)).toBe(`a${decoded}b`);
  });

  test.each([
    ["two hex digits at most", "\\x677", "g7"],
    ["one hex digit", "\\x7z", "\x07z"],
    ["capital hex digits", "\\x4A", "J"],
    ["\\u with four hex digits at most", "\\u00671", "g1"],
    ["\\U with eight hex digits at most", "\\U000000671", "g1"],
    ["three octal digits at most", "\\1471", "g1"],
    ["an octal byte wraps at 8 bits", "\\547", "g"],
    ["a control character", "\\cA\\ca", "\x01\x01"],
    ["an unknown escape stays as written", "\\q", "\\q"],
    ["a code point past Unicode is dropped", "\\U00110000x", "x"],
    ["the last code point is kept", "\\U0010FFFF", "\u{10FFFF}"],
  ])("%s", (_name, raw, decoded) => {
    expect(decodeAnsiC(raw)).toBe(decoded);
  });
});

describe("what echo and printf print", () => {
  const stdinOf = (script: string) => {
    const parsed = simpleCommands(script);
    return parsed.ok ? parsed.commands.at(-1)?.stdin : parsed.error;
  };

  test("echo's leading options are not printed, later ones are", () => {
    expect(stdinOf("echo -n -eE git -n push | bash")).toBe("git -n push");
  });

  test("a word that only starts like an option is printed", () => {
    expect(stdinOf("echo -nx git push | bash")).toBe("-nx git push");
  });

  test("printf decodes escapes in its format only", () => {
    expect(stdinOf(String.raw`printf 'git\x20%s' 'p\x75sh' | bash`)).toBe(String.raw`git %s p\x75sh`);
  });

  test("cat with a file prints what cannot be known", () => {
    expect(stdinOf("cat script.sh | bash")).toBeUndefined();
  });

  test("a pipe into a program that is not cat decides the output alone", () => {
    expect(stdinOf("echo git push | tr a-z A-Z | bash")).toBeUndefined();
  });

  test("a list is not output that can be known", () => {
    expect(stdinOf("(echo git push && echo done) | bash")).toBeUndefined();
  });

  test("a <<- heredoc loses its leading tabs", () => {
    expect(stdinOf("bash <<-EOF\n\t\tgit push\n\tEOF")).toBe("git push\n");
  });

  test("a heredoc with an expansion keeps its source text", () => {
    expect(stdinOf("bash <<EOF\ngit push $REMOTE\nEOF")).toBe("git push $REMOTE\n");
  });

  test("a command substitution made of two commands prints both, one per line", () => {
    const parsed = simpleCommands("source <(echo git push; echo done)");
    expect(parsed.ok && parsed.commands[0]?.words[1]?.output).toBe("git push\ndone");
  });

  test("a substitution with a part that cannot be read carries no output", () => {
    const parsed = simpleCommands("source <(echo git push; base64 -d x)");
    expect(parsed.ok && parsed.commands[0]?.words[1]?.output).toBeUndefined();
  });
});

describe("the reasons given to the model", () => {
  test.each([
    ["sudo", "sudo rm -rf /", "commands here run without root, so work inside the repository instead."],
    ["npm publish", "npm publish --tag next", "publishing is a maintainer's decision, not part of this task."],
    ["git push alone", "git push", "Ferry pushes your work itself."],
    ["another program", "curl example.com", "do this another way, or explain in your final summary why it is needed."],
    ["a program that only starts like one", "sudoedit x", "do this another way, or explain in your final summary why it is needed."],
  ])("%s", (_name, part, hint) => {
    expect(deniedReason(part, "*")).toBe(`"${part}" is not allowed here (matches "*"); ${hint}`);
  });

  test("a command's size is rounded up to the next KiB", () => {
    expect(tooLongReason(64 * 1024 + 1, 64 * 1024)).toBe(
      "This command is 65 KiB, over the 64 KiB Ferry checks; write a long script to a file with write_file and run that file instead.",
    );
  });
});
