import sh from "mvdan-sh";
import { z } from "zod";

/*
 * Typed access to mvdan-sh's syntax tree. The nodes are GopherJS objects; each read is
 * checked, and methods are called on the node itself because they need it as `this`.
 */

const { syntax } = sh;
const parser = syntax.NewParser();

const withArgs = z.object({ Args: z.array(z.unknown()) });
const withParts = z.object({ Parts: z.array(z.unknown()) });
const withValue = z.object({ Value: z.string() });
const withDollar = z.object({ Dollar: z.boolean() });
const statement = z.object({ Cmd: z.unknown(), Redirs: z.array(z.unknown()) });
const redirect = z.object({ Op: z.number(), Word: z.unknown(), Hdoc: z.unknown() });
const binary = z.object({ Op: z.number(), X: z.unknown(), Y: z.unknown() });
const withStmts = z.object({ Stmts: z.array(z.unknown()) });

export type ShellParse = { ok: true; file: unknown } | { ok: false; error: string };

/** Parses bash source; a syntax error comes back as its message ("1:6: reached EOF without closing quote '"). */
export function parseShell(source: string): ShellParse {
  try {
    return { ok: true, file: parser.Parse(source, "") };
  } catch (error) {
    const message = z.string().safeParse(callMethod(error, "Error"));
    return { ok: false, error: message.success ? message.data : String(error) };
  }
}

/** Visits every node below `root` (nodes inside command substitutions included). */
export function walkShell(root: unknown, visit: (node: unknown) => void): void {
  syntax.Walk(root, (node) => {
    if (node !== null && node !== undefined) visit(node);
    return true;
  });
}

export function nodeType(node: unknown): string {
  return syntax.NodeType(node);
}

/** The words of a `CallExpr` (a simple command), leading assignments excluded. */
export function callArgs(node: unknown): unknown[] {
  return withArgs.parse(node).Args;
}

/** The parts of a `Word` or of a `DblQuoted`. */
export function partsOf(node: unknown): unknown[] {
  return withParts.parse(node).Parts;
}

/** The raw text of a `Lit` or `SglQuoted`, backslashes as written. */
export function valueOf(node: unknown): string {
  return withValue.parse(node).Value;
}

/** True for `$'…'` and `$"…"`, whose text is not what the command receives. */
export function isDollarQuoted(node: unknown): boolean {
  return withDollar.parse(node).Dollar;
}

/** A `Stmt`: its command (null for a bare redirect) and its redirects. */
export function statementOf(node: unknown): { command: unknown; redirects: unknown[] } {
  const { Cmd, Redirs } = statement.parse(node);
  return { command: Cmd, redirects: Redirs };
}

/** A `Redirect`: its operator, its word, and a heredoc's body. */
export function redirectOf(node: unknown): { op: number; word: unknown; heredoc: unknown } {
  const { Op, Word, Hdoc } = redirect.parse(node);
  return { op: Op, word: Word, heredoc: Hdoc };
}

/** A `BinaryCmd` (`a | b`, `a && b`): its operator and its two statements. */
export function binaryOf(node: unknown): { op: number; left: unknown; right: unknown } {
  const { Op, X, Y } = binary.parse(node);
  return { op: Op, left: X, right: Y };
}

/** The statements of a `CmdSubst` or a `ProcSubst`. */
export function statementsOf(node: unknown): unknown[] {
  return withStmts.parse(node).Stmts;
}

/** Where a node is, as a key: nodes are fresh objects each time they are read, so they cannot be compared. */
export function placeOf(node: unknown): string {
  return `${String(callMethod(callMethod(node, "Pos"), "Offset"))}-${String(callMethod(callMethod(node, "End"), "Offset"))}`;
}

/** The operators the parser numbers, read from samples rather than copied from its source. */
export const OPERATORS = {
  pipe: binaryOf(firstOf("a | b", "BinaryCmd")).op,
  pipeAll: binaryOf(firstOf("a |& b", "BinaryCmd")).op,
  hereString: redirectOf(firstOf("a <<< b", "Redirect")).op,
  heredoc: redirectOf(firstOf("a <<E\nE", "Redirect")).op,
  dashHeredoc: redirectOf(firstOf("a <<-E\nE", "Redirect")).op,
};

function firstOf(source: string, type: string): unknown {
  const parsed = parseShell(source);
  let found: unknown;
  if (parsed.ok) walkShell(parsed.file, (node) => (found ??= nodeType(node) === type ? node : undefined));
  return found;
}

/** The node's source text; positions are byte offsets into the UTF-8 source. */
export function sourceOf(node: unknown, source: Buffer): string {
  const start = z.number().parse(callMethod(callMethod(node, "Pos"), "Offset"));
  const end = z.number().parse(callMethod(callMethod(node, "End"), "Offset"));
  return source.subarray(start, end).toString("utf8");
}

function callMethod(target: unknown, name: string): unknown {
  if (typeof target !== "object" || target === null) return undefined;
  const method: unknown = Reflect.get(target, name);
  return typeof method === "function" ? Reflect.apply(method, target, []) : undefined;
}
