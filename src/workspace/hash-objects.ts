import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";

/**
 * Stores each file's bytes as a blob, exactly as they are: `--no-filters` means no
 * `.gitattributes` filter, eol, ident or encoding conversion. Only for paths the caller saw as
 * regular files with lstat while nothing could swap them (the sandbox stopped). One git
 * process for all of them; a path with a newline (which `--stdin-paths` cannot carry) is read here.
 */
export async function hashFiles(gitDir: string, absolutePaths: readonly string[], deadline: GitDeadline): Promise<string[]> {
  const batch = absolutePaths.filter((path) => !path.includes("\n"));
  const shas = new Map<string, string>();
  if (batch.length > 0) {
    const { stdout } = await runGit(["hash-object", "-w", "--no-filters", "--stdin-paths"], { ...deadline, gitDir, cwd: gitDir, input: `${batch.join("\n")}\n` });
    const lines = stdout.split("\n").filter(Boolean);
    if (lines.length !== batch.length) throw new Error(`git hash-object gave ${lines.length} ids for ${batch.length} files`);
    batch.forEach((path, at) => shas.set(path, lines[at] ?? ""));
  }
  for (const path of absolutePaths) {
    if (!shas.has(path)) shas.set(path, await hashBytes(gitDir, await readNoFollow(path), deadline));
  }
  return absolutePaths.map((path) => shas.get(path) ?? "");
}

/** Stores bytes (a symbolic link's target, say) as a blob. */
export async function hashBytes(gitDir: string, bytes: Uint8Array, deadline: GitDeadline): Promise<string> {
  const { stdout } = await runGit(["hash-object", "-w", "--no-filters", "--stdin"], { ...deadline, gitDir, cwd: gitDir, input: bytes });
  return stdout.trim();
}

async function readNoFollow(path: string): Promise<Buffer> {
  const file = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return await file.readFile();
  } finally {
    await file.close();
  }
}
