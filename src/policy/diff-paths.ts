const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * Git writes a path with unusual characters in C quotes, non-ASCII bytes as octal escapes:
 * `"caf\303\251.txt"` is `café.txt`. Anything not in quotes is returned as it is.
 */
export function unquoteGitPath(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let index = 0; index < body.length; index++) {
    const char = body[index] ?? "";
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1))?.[0];
    const next = body[index + 1] ?? "";
    if (octal) bytes.push(Number.parseInt(octal, 8));
    else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    index += octal ? 3 : 1;
  }
  return Buffer.from(bytes).toString("utf8");
}

/** `a/src/x.ts` → `src/x.ts`; git ends a name containing a space with a tab. */
export function sidePath(text: string): string {
  return unquoteGitPath(text.replace(/\t$/, "")).replace(/^[ab]\//, "");
}

/** `a/P b/P`: the header of a file without `---`/`+++` lines (binary, mode-only) still names it. */
export function pathFromGitHeader(rest: string): string {
  const quoted = /"(?:[^"\\]|\\.)*"$/.exec(rest)?.[0];
  if (quoted) return sidePath(quoted);
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3);
  const split = rest.indexOf(" b/");
  return split === -1 ? rest : rest.slice(split + 3);
}
