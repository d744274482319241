import { decodeAnsiC } from "./ansi-c-quote.ts";
import { isDollarQuoted, nodeType, partsOf, sourceOf, valueOf } from "./shell-ast.ts";

export type ShellWord = {
  /** What the command receives when the word is a literal; otherwise the word's source text. */
  text: string;
  /** No expansions: `git`, `"push"`, `'origin'`, `g"i"t`, `$'\x67it'` are literal; `$X`, `"$(pwd)"` are not. */
  literal: boolean;
  /** Quotes removed, expansions kept as written: the script a nested `sh -c` would parse. */
  unquoted: string;
  /** For a word that is one command or process substitution, what it prints, where that can be read (`$(echo git)`). */
  output?: string;
};

type Piece = { literal: boolean; unquoted: string };

/** One word of a simple command, as a policy compares it. */
export function shellWord(word: unknown, source: Buffer): ShellWord {
  const pieces = partsOf(word).map((part) => bareOrQuoted(part, source));
  const literal = pieces.every((piece) => piece.literal);
  const unquoted = pieces.map((piece) => piece.unquoted).join("");
  return { text: literal ? unquoted : sourceOf(word, source), literal, unquoted };
}

function bareOrQuoted(part: unknown, source: Buffer): Piece {
  switch (nodeType(part)) {
    case "Lit":
      return { literal: true, unquoted: unescapeBare(valueOf(part)) };
    case "SglQuoted":
      return { literal: true, unquoted: isDollarQuoted(part) ? decodeAnsiC(valueOf(part)) : valueOf(part) };
    case "DblQuoted": {
      // `$"…"` is translated by a message catalogue; without one it reads as `"…"`.
      const pieces = partsOf(part).map((inner) => (nodeType(inner) === "Lit" ? { literal: true, unquoted: unescapeDouble(valueOf(inner)) } : expansion(inner, source)));
      return { literal: pieces.every((piece) => piece.literal), unquoted: pieces.map((piece) => piece.unquoted).join("") };
    }
    default:
      return expansion(part, source);
  }
}

function expansion(part: unknown, source: Buffer): Piece {
  return { literal: false, unquoted: sourceOf(part, source) };
}

/** Outside quotes a backslash keeps the next character literal: `\git` runs `git`. */
function unescapeBare(raw: string): string {
  return raw.replace(/\\\n/g, "").replace(/\\([\s\S])/g, "$1");
}

/** Inside double quotes a backslash escapes only `$`, backquote, `"`, `\` and a newline. */
function unescapeDouble(raw: string): string {
  return raw.replace(/\\\n/g, "").replace(/\\([$`"\\])/g, "$1");
}
