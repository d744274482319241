/**
 * Shell-style wildcard match of a whole command: `*` matches any run of characters (spaces and
 * `/` included), `?` one character, everything else itself. Runs of spaces in the pattern count
 * as one. So `git push*` matches `git push` and `git push --force`, while `npm install *` needs
 * something after `install ` and does not match a bare `npm install`.
 */
export function matchesCommandPattern(command: string, pattern: string): boolean {
  return patternRegExp(pattern).test(command);
}

function patternRegExp(pattern: string): RegExp {
  const normalised = pattern.trim().replace(/\s+/g, " ");
  const body = [...normalised]
    .map((char) => (char === "*" ? "[\\s\\S]*" : char === "?" ? "[\\s\\S]" : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "u");
}
