import { OPERATORS, binaryOf, callArgs, nodeType, parseShell, partsOf, placeOf, statementOf, statementsOf, walkShell } from "./shell-ast.ts";
import { outputOfStatement, outputOfStatements, stdinOf } from "./shell-output.ts";
import type { ShellWord } from "./shell-word.ts";
import { shellWord } from "./shell-word.ts";

/** A simple command's words, and what its standard input holds where that can be read (a heredoc, a here-string, `echo … |`). */
export type SimpleCommand = { words: ShellWord[]; stdin?: string };

export type SimpleCommands = { ok: true; commands: SimpleCommand[] } | { ok: false; error: string };

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
  const commands: SimpleCommand[] = [];
  /** What the left side of a pipe prints, by the place of the statement it feeds. */
  const piped = new Map<string, string>();
  walkShell(parsed.file, (node) => {
    const type = nodeType(node);
    if (type === "BinaryCmd") {
      const { op, left, right } = binaryOf(node);
      const output = op === OPERATORS.pipe || op === OPERATORS.pipeAll ? outputOfStatement(left, source) : undefined;
      if (output !== undefined) piped.set(placeOf(right), output);
      return;
    }
    if (type !== "Stmt") return;
    const { command, redirects } = statementOf(node);
    if (nodeType(command) !== "CallExpr") return;
    const words = callArgs(command).map((word) => withOutput(word, source));
    const stdin = stdinOf(redirects, source) ?? piped.get(placeOf(node));
    if (words.length > 0) commands.push(stdin === undefined ? { words } : { words, stdin });
  });
  return { ok: true, commands };
}

/** A word that is one command or process substitution (`$(echo git)`, `<(printf …)`) also carries what it prints. */
function withOutput(word: unknown, source: Buffer): ShellWord {
  const shell = shellWord(word, source);
  const parts = partsOf(word);
  const inner = parts.length === 1 && nodeType(parts[0]) === "DblQuoted" ? partsOf(parts[0]) : parts;
  const [only] = inner;
  if (inner.length !== 1 || !["CmdSubst", "ProcSubst"].includes(nodeType(only))) return shell;
  const output = outputOfStatements(statementsOf(only), source);
  return output === undefined ? shell : { ...shell, output };
}
