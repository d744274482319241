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
