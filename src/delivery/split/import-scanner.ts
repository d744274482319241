import { maskSource } from "./mask-source.ts";

// Each pattern ends at the opening quote of the specifier; the lookbehind skips `obj.require(` and `x.import`.
const PATTERNS = [
  // import x from "…", import type { X } from "…", export * from "…", export { x } from "…"
  /(?<![\w$.])(?:import|export)(?=[\s{*])[\s\w$,{}*]*?\bfrom\s*(?=['"`])/g,
  // import "…"
  /(?<![\w$.])import\s*(?=['"`])/g,
  // import("…"), require("…"), and TS `import x = require("…")`
  /(?<![\w$.])(?:import|require)\s*\(\s*(?=['"`])/g,
];

/** Module specifiers a JS/TS source imports, in source order, each once; ignores comments and strings. */
export function scanImports(source: string): string[] {
  const { code, literals } = maskSource(source);
  const found = new Map<number, string>();
  for (const pattern of PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const quoteAt = match.index + match[0].length;
      const specifier = literals.get(quoteAt);
      if (specifier !== undefined) found.set(quoteAt, specifier);
    }
  }
  const inOrder = [...found].sort(([a], [b]) => a - b).map(([, specifier]) => specifier);
  return [...new Set(inOrder)];
}
