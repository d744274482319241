// After these a `/` starts a regular expression rather than a division (a heuristic, not a parser).
const REGEX_AFTER_CHARS = new Set("(,=:[!&|?{};+-*%<>~^");
const REGEX_AFTER_WORDS = new Set(["return", "typeof", "case", "do", "else", "in", "of", "void", "yield", "await", "throw", "new", "delete", "instanceof"]);

/** Whether the `/` at `at` opens a regular expression, judged by the code before it (comments already blanked). */
export function startsRegex(code: string[], at: number): boolean {
  let back = at - 1;
  while (back >= 0 && /\s/.test(code[back]!)) back--;
  if (back < 0) return true;
  const prev = code[back]!;
  if (REGEX_AFTER_CHARS.has(prev)) return true;
  if (!/[\w$]/.test(prev)) return false;
  let start = back;
  while (start > 0 && /[\w$]/.test(code[start - 1]!)) start--;
  return REGEX_AFTER_WORDS.has(code.slice(start, back + 1).join(""));
}

/** Skips `/…/flags`; a line end before the closing `/` means it was a division after all. */
export function skipRegex(source: string, open: number, blank: (from: number, to: number) => void): number {
  let inClass = false;
  for (let at = open + 1; at < source.length; at++) {
    const ch = source[at]!;
    if (ch === "\n") return open + 1;
    if (ch === "\\") at++;
    else if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) {
      blank(open + 1, at);
      return at + 1;
    }
  }
  return open + 1;
}
