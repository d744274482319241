import { expect, test } from "@jest/globals";
import { simpleCommands } from "../../src/policy/shell-words.ts";

function texts(script: string): string[][] {
  const parsed = simpleCommands(script);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.commands.map(({ words }) => words.map((word) => word.text));
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
  expect(parsed.ok && parsed.commands[0]?.words[2]?.unquoted).toBe('git push "$remote"');
});

test("a syntax error comes back with the parser's message", () => {
  expect(simpleCommands("if then")).toEqual({ ok: false, error: '1:1: "if" must be followed by a statement list' });
});

test("ANSI-C quoting is decoded as bash decodes it, and the word is literal", () => {
  const parsed = simpleCommands(String.raw`$'git' $'\x70u\163h' $'a\tb\u00e9'`);
  expect(parsed.ok && parsed.commands[0]?.words).toEqual([
    { text: "git", literal: true, unquoted: "git" },
    { text: "push", literal: true, unquoted: "push" },
    { text: "a\tbé", literal: true, unquoted: "a\tbé" },
  ]);
});

test.each([
  ["a here-string", "bash <<< 'git push'", "git push\n"],
  ["a heredoc", "sh <<EOF\ngit push\nEOF", "git push\n"],
  ["echo piped in", "echo git push | bash", "git push"],
  ["printf piped in, escapes decoded", String.raw`printf 'git\x20push' | sh`, "git push"],
  ["a heredoc piped in through cat", "cat <<'EOF' | bash\ngit push\nEOF", "git push\n"],
  ["through a further cat", "echo git push | cat | bash", "git push"],
])("a command's standard input is read where it can be: %s", (_name, script, stdin) => {
  const parsed = simpleCommands(script);
  expect(parsed.ok && parsed.commands.at(-1)?.stdin).toBe(stdin);
});

test("a standard input that cannot be known is left unknown", () => {
  const parsed = simpleCommands("base64 -d payload | bash");
  expect(parsed.ok && parsed.commands.at(-1)?.stdin).toBeUndefined();
});

test("a process or command substitution word carries what it prints, where that can be read", () => {
  const parsed = simpleCommands("source <(echo git push); $(printf git) push");
  expect(parsed.ok && parsed.commands.map(({ words }) => words[0]?.output ?? words[1]?.output)).toEqual(["git push", undefined, "git", undefined]);
});
