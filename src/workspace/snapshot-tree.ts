import { lstat, mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Checkout } from "./checkout.ts";
import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";
import { hashBytes, hashFiles } from "./hash-objects.ts";
import type { IndexEntry } from "./index-entries.ts";
import { readIndexEntries } from "./index-entries.ts";
import type { SnapshotRefusal } from "./snapshot-candidates.ts";
import { listUntracked, refusalOf } from "./snapshot-candidates.ts";
import type { WorkEntry } from "./work-entry.ts";
import { inspectWorkEntry } from "./work-entry.ts";

/** The work tree frozen as a git tree, or why it cannot be. */
export type Snapshot = { kind: "tree"; tree: string } | ({ kind: "refused" } & SnapshotRefusal);

const GITLINK = "160000";
const LOW_32_BITS = 0xffffffffn;
/** GitHub refuses a push with a file over 100 MB; reading one would only cost time. */
const MAX_FILE_BYTES = 100n * 1024n * 1024n;

/**
 * Freezes the work tree the stopped sandbox left as a tree object in the host git dir, without
 * letting git interpret it: candidates are the host index's paths plus untracked, not ignored
 * files; each is looked at with lstat (a symlink is stored as a link, never followed) and hashed
 * as it is (`--no-filters`). A file whose stat is what the checkout wrote keeps its committed
 * blob. Gitlinks stay as the index has them; nothing below them is read. Call it only once
 * nothing of the agent runs any more.
 */
export async function snapshotTree(checkout: Pick<Checkout, "gitDir" | "workDir">, deadline: GitDeadline): Promise<Snapshot> {
  const { gitDir, workDir } = checkout;
  // The work tree itself swapped for a link (only possible where nothing confines the agent) is never walked.
  if (!(await lstat(workDir)).isDirectory()) return { kind: "refused", reason: "The work tree is no longer a directory.", paths: ["."] };
  const indexed = await readIndexEntries(gitDir, deadline);
  const untracked = await listUntracked(checkout, deadline);
  const refusal = refusalOf(untracked);
  if (refusal) return { kind: "refused", ...refusal };
  const known = new Map(indexed.map((entry) => [entry.path, entry]));
  const gitlinks = indexed.filter((entry) => entry.mode === GITLINK);
  const gitlinkPaths = new Set(gitlinks.map((entry) => entry.path));
  const paths = [...indexed.filter((entry) => entry.mode !== GITLINK).map((entry) => entry.path), ...untracked.filter((path) => !known.has(path))];
  const directories = new Map<string, Promise<boolean>>();
  const found = await Promise.all(paths.filter((path) => !isBelow(path, gitlinkPaths)).map((path) => inspectWorkEntry(workDir, path, directories)));
  const racyFrom = (await stat(join(gitDir, "index"), { bigint: true }).catch(() => undefined))?.mtimeNs ?? 0n;
  const lines = gitlinks.map((entry) => entryLine(entry.mode, entry.sha, entry.path));
  const files: Extract<WorkEntry, { kind: "file" }>[] = [];
  for (const entry of found) {
    if (entry.kind === "absent") continue;
    const before = known.get(entry.path);
    if (before && isUnchanged(entry, before, racyFrom)) lines.push(entryLine(before.mode, before.sha, entry.path));
    else if (entry.kind === "symlink") lines.push(entryLine("120000", await hashBytes(gitDir, entry.target, deadline), entry.path));
    else files.push(entry);
  }
  const huge = files.filter((file) => file.stat.size > MAX_FILE_BYTES).map((file) => file.path);
  if (huge.length > 0) return { kind: "refused", reason: `${huge.join(", ")} is over 100 MB, more than GitHub takes in a push.`, paths: huge };
  const shas = await hashFiles(gitDir, files.map((file) => join(workDir, file.path)), deadline);
  files.forEach((file, at) => lines.push(entryLine(file.mode, shas[at] ?? "", file.path)));
  return { kind: "tree", tree: await writeTreeOf(gitDir, lines, deadline) };
}

/**
 * The file is as the checkout left it: same kind and mode, mtime (to the nanosecond), inode and
 * size, and it was not written in the same instant as the index (git's "racily clean" case).
 * ctime is left out: the Docker sandbox's chown changes it on every file.
 */
function isUnchanged(entry: Exclude<WorkEntry, { kind: "absent" }>, before: IndexEntry, racyFrom: bigint): boolean {
  const mode = entry.kind === "symlink" ? "120000" : entry.mode;
  const { stat: now } = entry;
  return (
    mode === before.mode &&
    now.mtimeNs === before.mtimeNs &&
    before.mtimeNs < racyFrom &&
    (now.ino & LOW_32_BITS) === before.ino &&
    (now.size & LOW_32_BITS) === before.size
  );
}

function isBelow(path: string, gitlinks: ReadonlySet<string>): boolean {
  if (gitlinks.size === 0) return false;
  const parts = path.split("/");
  return parts.some((_, at) => at > 0 && gitlinks.has(parts.slice(0, at).join("/")));
}

const entryLine = (mode: string, sha: string, path: string): string => `${mode} ${sha}\t${path}\0`;

/** A tree from `update-index --index-info` lines, built in a scratch index (no work tree involved). */
export async function writeTreeOf(gitDir: string, lines: readonly string[], deadline: GitDeadline): Promise<string> {
  const scratch = await mkdtemp(join(gitDir, "snapshot-"));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, "index") };
    await runGit(["update-index", "--add", "-z", "--index-info"], { ...deadline, gitDir, cwd: gitDir, env, input: lines.join("") });
    return (await runGit(["write-tree"], { ...deadline, gitDir, cwd: gitDir, env })).stdout.trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
