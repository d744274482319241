import { callArgs, nodeType, parseShell, walkShell } from "./shell-ast.ts";
import type { ShellWord } from "./shell-word.ts";
import { shellWord } from "./shell-word.ts";

export type SimpleCommands = { ok: true; commands: ShellWord[][] } | { ok: false; error: string };

/**
 * Every simple command bash would run for `script`, in source order: the parts of lists,
 * pipelines, subshells, groups, `if`/`while`/`for`/`case` bodies, function bodies, and command
 * and process substitutions. Leading assignments (`A=1 cmd`) are left out; a command made only
 * of assignments has no words and is skipped (its substitutions are still visited).
 */
export function simpleCommands(script: string): SimpleCommands {
  const parsed = parseShell(script);
  if (!parsed.ok) return parsed;
  const source = Buffer.from(script, "utf8");
  const commands: ShellWord[][] = [];
  walkShell(parsed.file, (node) => {
    if (nodeType(node) !== "CallExpr") return;
    const words = callArgs(node).map((word) => shellWord(word, source));
    if (words.length > 0) commands.push(words);
  });
  return { ok: true, commands };
}
