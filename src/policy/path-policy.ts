import picomatch from "picomatch";

export type PathDecision = { allowed: true } | { allowed: false; pattern: string; reason: string };

/** Reported as the pattern when a write into git's metadata is refused. */
export const GIT_DIR_PATTERN = "**/.git/**";

/**
 * Decides whether the agent may write `relativePath` (POSIX, relative to the workspace root).
 * Patterns are globs that match dotfiles, case-insensitively (`.GitHub/Workflows/x.yml` is
 * `.github/workflows/x.yml` on a case-insensitive file system, and to a reviewer's eye); a
 * pattern matching a directory covers everything in it.
 * Writes inside any `.git` are always refused, whatever the config says: a planted hook or
 * config entry would run on the next git command, possibly on the host.
 */
export function checkWritePath(relativePath: string, deny: string[]): PathDecision {
  const paths = withAncestors(relativePath);
  if (paths.some(isGitDir)) {
    return { allowed: false, pattern: GIT_DIR_PATTERN, reason: `Writing "${relativePath}" is never allowed: git's metadata belongs to Ferry, not to the change.` };
  }
  for (const pattern of deny) {
    const matches = picomatch(pattern, { dot: true, nocase: true });
    if (!paths.some((path) => matches(path))) continue;
    const reason = `Writing "${relativePath}" is not allowed here (matches "${pattern}" in paths.deny of .github/agent.yml); leave it unchanged and say in your final summary what it needs.`;
    return { allowed: false, pattern, reason };
  }
  return { allowed: true };
}

/** `a/b/c.txt` → `a/b/c.txt`, `a/b`, `a`. */
function withAncestors(path: string): string[] {
  const segments = path.split("/").filter((segment) => segment !== "" && segment !== ".");
  return segments.map((_, index) => segments.slice(0, segments.length - index).join("/"));
}

/** Case-insensitive, as git itself treats `.GIT` on case-insensitive file systems. */
function isGitDir(path: string): boolean {
  return path.split("/").at(-1)?.toLowerCase() === ".git";
}
