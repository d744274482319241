/**
 * Shell-style wildcard match of a whole command: `*` matches any run of characters (spaces and
 * `/` included), `?` one character, everything else itself. Runs of spaces in the pattern count
 * as one. So `git push*` matches `git push` and `git push --force`; a pattern ending in ` *`
 * means "with any arguments, or none": `npm install *` matches `npm install lodash` and a bare
 * `npm install`, but not `npm installer`.
 */
export function matchesCommandPattern(command: string, pattern: string): boolean {
  return patternRegExp(pattern).test(command);
}

function patternRegExp(pattern: string): RegExp {
  const normalised = pattern.trim().replace(/\s+/g, " ");
  const anyArguments = normalised.endsWith(" *") && normalised.length > 2;
  const body = [...(anyArguments ? normalised.slice(0, -2) : normalised)]
    .map((char) => (char === "*" ? "[\\s\\S]*" : char === "?" ? "[\\s\\S]" : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}${anyArguments ? "(?: [\\s\\S]*)?" : ""}$`, "u");
}
