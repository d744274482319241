import { expect, test } from "@jest/globals";
import { simpleCommands } from "../../src/policy/shell-words.ts";

function texts(script: string): string[][] {
  const parsed = simpleCommands(script);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.commands.map((words) => words.map((word) => word.text));
}

test("each simple command of a list comes back in source order", () => {
  expect(texts("a 1; b 2 && c | d")).toEqual([["a", "1"], ["b", "2"], ["c"], ["d"]]);
});

test("quotes are removed from literal words", () => {
  expect(texts(`echo "a b" 'c d' e"f"'g'`)).toEqual([["echo", "a b", "c d", "efg"]]);
});

test("backslash escapes are resolved as bash resolves them", () => {
  expect(texts(String.raw`echo \$HOME "a\"b\x"`)).toEqual([["echo", "$HOME", 'a"b\\x']]);
});

test("a word with an expansion keeps its source text", () => {
  expect(texts(`echo $HOME "a $b" \${x:-y}`)).toEqual([["echo", "$HOME", '"a $b"', "${x:-y}"]]);
});

test("a command substitution is a word of its command and a command of its own", () => {
  expect(texts("echo $(date -u)")).toEqual([["echo", "$(date -u)"], ["date", "-u"]]);
});

test("leading assignments are dropped and an assignment alone is no command", () => {
  expect(texts("A=1 B=2 make; C=3")).toEqual([["make"]]);
});

test("words outside the ASCII range keep their text", () => {
  expect(texts('echo "héllo $x" wörld')).toEqual([["echo", '"héllo $x"', "wörld"]]);
});

test("the unquoted form of a word is what a nested shell would parse", () => {
  const parsed = simpleCommands(`sh -c "git push \\"$remote\\""`);
  expect(parsed.ok && parsed.commands[0]?.[2]?.unquoted).toBe('git push "$remote"');
});

test("a syntax error comes back with the parser's message", () => {
  expect(simpleCommands("if then")).toEqual({ ok: false, error: '1:1: "if" must be followed by a statement list' });
});
