import { posix } from "node:path";
import { runGit } from "../../workspace/git.ts";

/** Read whatever the configuration says: the conventional file for agents. */
export const AGENTS_FILE = "AGENTS.md";
/** Most bytes of one instruction file put in the prompt (about 4,000 tokens). */
export const MAX_INSTRUCTION_BYTES = 16 * 1024;
/** A blob larger than this is not loaded at all: no one writes instructions this long. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024;
/** Links followed from one configured path before giving up. */
const MAX_LINKS = 8;
const GIT_TIMEOUT_MS = 30_000;

export type InstructionFile = { path: string; content: string; truncated: boolean };
export type SkippedInstruction = { path: string; reason: string };
export type Instructions = { files: InstructionFile[]; skipped: SkippedInstruction[] };

/** A commit in a git dir only Ferry writes (the repository's mirror): its objects are trusted, unlike any work tree. */
export type TrustedCommit = { gitDir: string; commit: string };

/**
 * AGENTS.md and the configured instruction files, read as git objects of a trusted commit (the
 * default branch's tip), never from the work tree or an agent's branch: what the agent or
 * `setup:` wrote cannot become instructions. Links are followed inside the commit's tree only;
 * missing files, non-files and files already read (under another name or through a link) are
 * skipped. Each file is capped at MAX_INSTRUCTION_BYTES.
 */
export async function readInstructions(source: TrustedCommit, configured: readonly string[]): Promise<Instructions> {
  const files: InstructionFile[] = [];
  const skipped: SkippedInstruction[] = [];
  const seen = new Set<string>();
  for (const path of [AGENTS_FILE, ...configured].map((named) => posix.normalize(named))) {
    const found = await resolveBlob(source, path);
    if ("reason" in found) skipped.push({ path, reason: found.reason });
    else if (!seen.has(found.path)) {
      seen.add(found.path);
      const read = await readCapped(source, found);
      if (typeof read === "string") skipped.push({ path, reason: read });
      else files.push({ path, ...read });
    }
  }
  return { files, skipped };
}

type Blob = { path: string; object: string; size: number };
type Entry = { mode: string; object: string; size: number };

/** The regular file a path names in the commit, following links that stay inside the tree. */
async function resolveBlob(source: TrustedCommit, named: string): Promise<Blob | { reason: string }> {
  let path = named;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (posix.isAbsolute(path) || path === ".." || path.startsWith("../")) return { reason: "the path climbs out of the repository" };
    const entry = await treeEntry(source, path);
    if (!entry) return { reason: "missing" };
    if (entry.mode === "100644" || entry.mode === "100755") return { path, object: entry.object, size: entry.size };
    if (entry.mode !== "120000") return { reason: "not a regular file" };
    const target = (await git(source, ["cat-file", "blob", entry.object])).stdout;
    if (posix.isAbsolute(target)) return { reason: "a link that leads outside the repository" };
    path = posix.normalize(posix.join(posix.dirname(path), target));
    if (path === ".." || path.startsWith("../")) return { reason: "a link that leads outside the repository" };
  }
  return { reason: "too many links" };
}

/** The tree entry at exactly `path`, or undefined. Paths are literal: no glob or pathspec magic. */
async function treeEntry(source: TrustedCommit, path: string): Promise<Entry | undefined> {
  if (path === "." || path === "") return { mode: "040000", object: "", size: 0 };
  const { stdout } = await git(source, ["ls-tree", "-z", "--long", source.commit, "--", path]);
  for (const record of stdout.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0 || record.slice(tab + 1) !== path) continue;
    const [mode = "", , object = "", size = ""] = record.slice(0, tab).split(/\s+/);
    return { mode, object, size: Number(size) || 0 };
  }
  return undefined;
}

/** The head of a blob, or why it cannot be used. */
async function readCapped(source: TrustedCommit, blob: Blob): Promise<{ content: string; truncated: boolean } | string> {
  if (blob.size > MAX_BLOB_BYTES) return `too large (${blob.size.toLocaleString("en-US")} bytes)`;
  const text = (await git(source, ["cat-file", "blob", blob.object])).stdout;
  if (text.includes("\0")) return "binary, not text";
  const truncated = blob.size > MAX_INSTRUCTION_BYTES;
  if (!truncated) return { content: text, truncated };
  // A cut through a multi-byte character decodes to U+FFFD at the end; drop it.
  const head = Buffer.from(text, "utf8").subarray(0, MAX_INSTRUCTION_BYTES).toString("utf8").replace(/\uFFFD+$/, "");
  const note = `\n\n[… cut: the file is ${blob.size.toLocaleString("en-US")} bytes; only the first ${MAX_INSTRUCTION_BYTES.toLocaleString("en-US")} are shown. Read the rest with read_file if you need it.]`;
  return { content: head + note, truncated };
}

const git = (source: TrustedCommit, args: string[]) => runGit(args, { gitDir: source.gitDir, timeoutMs: GIT_TIMEOUT_MS, env: { GIT_LITERAL_PATHSPECS: "1" } });
