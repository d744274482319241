import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";

/** One entry of the host index as the checkout wrote it: what is committed at a path, and the file's stat then. */
export type IndexEntry = {
  path: string;
  mode: string;
  sha: string;
  /** As git stores them: mtime in nanoseconds, inode and size cut to their low 32 bits. */
  mtimeNs: bigint;
  ino: bigint;
  size: bigint;
};

/**
 * The entries of the host git dir's index (`ls-files -s --debug`), read without a work tree.
 * The snapshot uses their stat data to keep the committed blob of a file nobody touched: a
 * checkout may have converted it (`eol=crlf`, `ident`), and hashing it as-is would turn
 * every such file into a change.
 */
export async function readIndexEntries(gitDir: string, deadline: GitDeadline, indexFile?: string): Promise<IndexEntry[]> {
  const env = indexFile ? { GIT_INDEX_FILE: indexFile } : undefined;
  const { stdout } = await runGit(["ls-files", "-z", "-s", "--debug"], { ...deadline, gitDir, cwd: gitDir, env });
  return parseIndexDebug(stdout);
}

/** `<mode> <sha> <stage>\t<path>\0` followed by five indented `key: value` lines per entry. */
export function parseIndexDebug(output: string): IndexEntry[] {
  const entries: IndexEntry[] = [];
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf("\0", at);
    if (end < 0) break;
    const header = output.slice(at, end);
    const tab = header.indexOf("\t");
    const [mode = "", sha = ""] = header.slice(0, tab).split(" ");
    const path = header.slice(tab + 1);
    const detailsEnd = nthNewline(output, end + 1, 5);
    const details = statFields(output.slice(end + 1, detailsEnd));
    entries.push({ path, mode, sha, ...details });
    at = detailsEnd + 1;
  }
  return entries;
}

function nthNewline(text: string, from: number, count: number): number {
  let at = from - 1;
  for (let seen = 0; seen < count; seen++) {
    at = text.indexOf("\n", at + 1);
    if (at < 0) return text.length;
  }
  return at;
}

function statFields(block: string): Pick<IndexEntry, "mtimeNs" | "ino" | "size"> {
  const value = (key: string): string => new RegExp(`\\b${key}: ([0-9:]+)`).exec(block)?.[1] ?? "0";
  const [seconds = "0", nanoseconds = "0"] = value("mtime").split(":");
  return { mtimeNs: BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds), ino: BigInt(value("ino")), size: BigInt(value("size")) };
}
