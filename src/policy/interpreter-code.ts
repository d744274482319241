import type { ShellWord } from "./shell-word.ts";

/*
 * `python3 -c "import os; os.system('git push')"`, `node -e "execSync('git push')"`: code that
 * runs programs through its language. Best effort, as the policy cannot run the code: each
 * string literal in it, and each run of literals joined by spaces (`['git', 'push']`), is read
 * as a script, so a denied program named as a command there is found.
 */

/** The option that gives each interpreter its code. */
const CODE_OPTIONS: [RegExp, Set<string>][] = [
  [/^python[\d.]*$/, new Set(["-c"])],
  [/^(?:node|nodejs|bun)$/, new Set(["-e", "--eval", "-p", "--print"])],
  [/^deno$/, new Set(["eval"])],
  [/^perl[\d.]*$/, new Set(["-e", "-E"])],
  [/^ruby[\d.]*$/, new Set(["-e"])],
  [/^php[\d.]*$/, new Set(["-r"])],
];
const STRING_LITERAL = /'''([\s\S]*?)'''|"""([\s\S]*?)"""|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
/** Enough for any real one-liner; a longer list is cut, not read in full. */
const MAX_LITERALS = 32;

/** The scripts the interpreter's code may hand to a shell or run as a program; none when `name` is no interpreter with code here. */
export function interpreterScripts(name: string, args: ShellWord[]): string[] {
  const options = CODE_OPTIONS.find(([program]) => program.test(name))?.[1];
  if (!options) return [];
  const at = args.findIndex((word) => options.has(word.text));
  const code = at === -1 ? undefined : args[at + 1]?.unquoted;
  if (code === undefined) return [];
  const literals = [...code.matchAll(STRING_LITERAL)].slice(0, MAX_LITERALS).map((match) => unescape(match.slice(1).find((group) => group !== undefined) ?? ""));
  return [...literals, ...literals.map((_, index) => literals.slice(index).join(" "))];
}

function unescape(literal: string): string {
  return literal.replace(/\\([\s\S])/g, "$1");
}
