import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";

/** Why a work tree cannot become a tree to deliver, and the paths that make it so. */
export type SnapshotRefusal = { reason: string; paths: string[] };

/**
 * Files of the work tree that are neither in the host index nor ignored. `ls-files` interprets
 * only `.gitignore` files (data) and the host git dir's own excludes; it reads no attributes, runs
 * nothing, and lists a nested repository as `dir/` instead of looking inside it.
 */
export async function listUntracked(checkout: { gitDir: string; workDir: string }, deadline: GitDeadline): Promise<string[]> {
  const args = ["ls-files", "-z", "--others", "--exclude-standard"];
  const { stdout } = await runGit(args, { ...deadline, gitDir: checkout.gitDir, workTree: checkout.workDir, cwd: checkout.gitDir });
  return stdout.split("\0").filter(Boolean);
}

/**
 * Paths Ferry never delivers: a nested repository (a `.git` file can point anywhere on the
 * host, and `git add` would make it a gitlink), any `.git` component in any spelling a file
 * system may fold onto `.git`, and a name that is not UTF-8 (it could not be read back by name).
 */
export function refusalOf(paths: readonly string[]): SnapshotRefusal | undefined {
  const nested = paths.filter((path) => path.endsWith("/"));
  if (nested.length > 0) {
    return { reason: `${list(nested)} holds a nested git repository (a .git of its own); Ferry never delivers one: remove it, or add it to .gitignore.`, paths: nested };
  }
  const gitDirs = paths.filter((path) => path.split("/").some(isGitName));
  if (gitDirs.length > 0) return { reason: `${list(gitDirs)} is inside a .git directory, which is git's metadata, never part of a change.`, paths: gitDirs };
  const unreadable = paths.filter((path) => path.includes("\uFFFD"));
  if (unreadable.length > 0) return { reason: `${list(unreadable)} has a name that is not UTF-8; rename it.`, paths: unreadable };
  return undefined;
}

/** `.git`, `.GIT`, `.git.` or `.git ` (Windows drops trailing dots and spaces), `git~1` (its 8.3 short name). */
function isGitName(component: string): boolean {
  return /^\.git[. ]*$/i.test(component) || /^git~\d+$/i.test(component);
}

function list(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).map((path) => `"${path}"`).join(", ");
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}
