import { skipRegex, startsRegex } from "./regex-literal.ts";

/** Source with comments blanked and literal contents masked, so import patterns only match real code. */
export type MaskedSource = {
  /** Same length as the source: comments and literal contents become spaces, quotes stay. */
  code: string;
  /** Offset of a literal's opening quote → its value (templates only when they hold no `${}`). */
  literals: Map<number, string>;
};

export function maskSource(source: string): MaskedSource {
  const code = source.split("");
  const literals = new Map<number, string>();
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (code[k] !== "\n") code[k] = " ";
  };
  // One entry per open `${`: the depth of `{` inside it, so its closing `}` resumes the template.
  const templateBraces: number[] = [];

  const readQuoted = (open: number, quote: string, record = true): number => {
    let value = "";
    let at = open + 1;
    for (; at < source.length && source[at] !== quote; at++) {
      const ch = source[at]!;
      if (quote !== "`" && ch === "\n") break; // unterminated string: stop at the line end
      if (quote === "`" && ch === "$" && source[at + 1] === "{") {
        blank(open + 1, at);
        templateBraces.push(0);
        return at + 2;
      }
      if (ch === "\\") at++;
      value += ch === "\\" ? (source[at] ?? "") : ch;
    }
    if (record) literals.set(open, value);
    blank(open + 1, at);
    return source[at] === quote ? at + 1 : at;
  };

  let at = 0;
  while (at < source.length) {
    const ch = source[at]!;
    const next = source[at + 1];
    if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", at);
      const stop = end < 0 ? source.length : end;
      blank(at, stop);
      at = stop;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", at + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(at, stop);
      at = stop;
    } else if (ch === "'" || ch === '"' || ch === "`") {
      at = readQuoted(at, ch);
    } else if (ch === "/" && startsRegex(code, at)) {
      at = skipRegex(source, at, blank);
    } else if (ch === "}" && templateBraces.at(-1) === 0) {
      templateBraces.pop(); // the `}` closing a `${`: the template goes on, but is no plain literal
      at = readQuoted(at, "`", false);
    } else {
      if (templateBraces.length > 0 && (ch === "{" || ch === "}")) templateBraces[templateBraces.length - 1]! += ch === "{" ? 1 : -1;
      at++;
    }
  }
  return { code: code.join(""), literals };
}
