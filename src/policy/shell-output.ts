import { posix } from "node:path";
import { decodeAnsiC } from "./ansi-c-quote.ts";
import { OPERATORS, binaryOf, callArgs, nodeType, partsOf, redirectOf, sourceOf, statementOf, valueOf } from "./shell-ast.ts";
import { shellWord } from "./shell-word.ts";

/*
 * What a command prints, where it can be read from the command itself: `echo`, `printf`, and
 * `cat` of a heredoc or here-string. A shell fed that output runs it as a script
 * (`echo 'git push' | bash`, `source <(printf 'git push')`), so the policy checks it too.
 * Anything else (`base64 -d`, a file) prints what cannot be known here.
 */

const ECHO_OPTIONS = /^-[neE]+$/;

/** What the statements print one after the other, or undefined when any of it cannot be read. */
export function outputOfStatements(statements: unknown[], source: Buffer): string | undefined {
  const outputs = statements.map((statement) => outputOfStatement(statement, source));
  return outputs.every((output) => output !== undefined) && outputs.length > 0 ? outputs.join("\n") : undefined;
}

export function outputOfStatement(statement: unknown, source: Buffer): string | undefined {
  const { command, redirects } = statementOf(statement);
  const type = nodeType(command);
  if (type === "BinaryCmd") {
    const { op, left, right } = binaryOf(command);
    if (op !== OPERATORS.pipe && op !== OPERATORS.pipeAll) return undefined;
    // `… | cat` passes its input on; any other last command decides the output alone.
    const last = outputOfStatement(right, source);
    return last ?? (isBareCat(right, source) ? outputOfStatement(left, source) : undefined);
  }
  if (type !== "CallExpr") return undefined;
  const [program, ...args] = callArgs(command).map((word) => shellWord(word, source));
  const name = program?.literal ? posix.basename(program.text) : "";
  if (name === "echo") return args.filter((arg, index) => !(ECHO_OPTIONS.test(arg.text) && args.slice(0, index).every((before) => ECHO_OPTIONS.test(before.text)))).map((arg) => arg.unquoted).join(" ");
  if (name === "printf") return args.map((arg, index) => (index === 0 ? decodeAnsiC(arg.unquoted) : arg.unquoted)).join(" ");
  if (name === "cat" && args.length === 0) return stdinOf(redirects, source);
  return undefined;
}

/** What a here-string or heredoc feeds the command's standard input. */
export function stdinOf(redirects: unknown[], source: Buffer): string | undefined {
  for (const node of redirects) {
    const { op, word, heredoc } = redirectOf(node);
    if (op === OPERATORS.hereString && word) return `${shellWord(word, source).unquoted}\n`;
    if (op === OPERATORS.heredoc && heredoc) return heredocText(heredoc, source);
    if (op === OPERATORS.dashHeredoc && heredoc) return heredocText(heredoc, source).replace(/^\t+/gm, "");
  }
  return undefined;
}

/** A heredoc's body (its node's source would run on into the closing delimiter). */
function heredocText(heredoc: unknown, source: Buffer): string {
  return partsOf(heredoc)
    .map((part) => (nodeType(part) === "Lit" ? valueOf(part) : sourceOf(part, source)))
    .join("");
}

function isBareCat(statement: unknown, source: Buffer): boolean {
  const { command } = statementOf(statement);
  if (nodeType(command) !== "CallExpr") return false;
  const words = callArgs(command).map((word) => shellWord(word, source));
  return words.length === 1 && words[0]?.literal === true && posix.basename(words[0].text) === "cat";
}
