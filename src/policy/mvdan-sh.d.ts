/**
 * The part of mvdan-sh (a GopherJS build of mvdan.cc/sh) that Ferry uses. Nodes stay
 * `unknown` here: shell-ast.ts checks each shape it reads instead of trusting a declaration.
 */
declare module "mvdan-sh" {
  type Parser = {
    /** Throws a Go `syntax.ParseError` object (not an `Error`) when the source is not valid shell. */
    Parse(source: string, name: string): unknown;
  };
  type Syntax = {
    NewParser(): Parser;
    /** Calls `visit` for each node depth-first, and with `null` after a node's children. */
    Walk(node: unknown, visit: (node: unknown) => boolean): void;
    /** The Go type name without the package: "CallExpr", "Word", "Lit", … */
    NodeType(node: unknown): string;
  };
  const sh: { syntax: Syntax };
  export default sh;
}
