import { posix } from "node:path";
import { z } from "zod";
import { SandboxError } from "./sandbox-error.ts";
import type { FileRequest, ShellSession } from "./shell/shell-session.ts";

/** Why a file operation did not happen, as the sandbox found it (see shell/file-functions.sh). */
export const FileProblem = z.enum([
  "missing",
  "directory",
  "not-regular",
  "not-directory",
  "outside",
  "dangling",
  "link",
  "linked-dir",
  "too-large",
  "unreadable",
  "unwritable",
  "changed",
  "write-failed",
  "no-space",
]);
export type FileProblem = z.infer<typeof FileProblem>;

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; problem: FileProblem; size?: number };
export type FileWrite = { ok: true; created: boolean } | { ok: false; problem: FileProblem };
export type PathLookup = { ok: true; exists: boolean } | { ok: false; problem: FileProblem };

export type ReadOptions = {
  maxBytes: number;
  /** `follow`: links inside the workspace are read through; `refuse`: any link on the way is a problem. */
  links: "follow" | "refuse";
  signal?: AbortSignal;
};

/**
 * The workspace's files, read and written from inside the sandbox as the commands' user: the
 * host never opens a path of the checkout. Paths are relative to the workspace and normalised.
 * A path never leads out of the workspace; writes never go through a link, and create files
 * 0644 and directories 0755.
 */
export interface SandboxFiles {
  read(path: string, options: ReadOptions): Promise<FileRead>;
  write(path: string, content: Buffer, options?: { signal?: AbortSignal }): Promise<FileWrite>;
  /** Whether a path exists, following links inside the workspace. */
  locate(path: string, options?: { signal?: AbortSignal }): Promise<PathLookup>;
}

/** Long enough for 8 MB through a container's attach stream; a FIFO swapped in mid-way ends here. */
const FILE_TIMEOUT_MS = 60_000;
const STATUS_BYTES = 256;

/** SandboxFiles through the sandbox's persistent shell, queued with its commands. */
export function shellFiles(session: () => Promise<ShellSession>): SandboxFiles {
  const run = async (request: FileRequest, signal: AbortSignal | undefined, options: { input?: Buffer; maxBytes?: number } = {}) => {
    requireWorkspacePath(request.path);
    const reply = await (await session()).file(request, {
      timeoutMs: FILE_TIMEOUT_MS,
      signal,
      input: options.input,
      maxOutputBytes: (options.maxBytes ?? 0) + STATUS_BYTES,
    });
    if (reply.timedOut) throw new SandboxError(`The sandbox did not finish a file operation on "${request.path}" within ${FILE_TIMEOUT_MS / 1000} s.`);
    if (reply.exitCode === null) throw new SandboxError(`The sandbox shell ended during a file operation on "${request.path}".`);
    return parseReply(reply.output);
  };
  return {
    async read(path, { maxBytes, links, signal }) {
      const reply = await run({ op: links === "follow" ? "read" : "read-nolinks", path, arg: maxBytes }, signal, { maxBytes });
      return reply.ok ? { ok: true, bytes: reply.rest } : reply;
    },
    async write(path, content, { signal } = {}) {
      const reply = await run({ op: "write", path, arg: content.length }, signal, { input: content });
      return reply.ok ? { ok: true, created: reply.value === 1 } : reply;
    },
    async locate(path, { signal } = {}) {
      const reply = await run({ op: "locate", path, arg: 0 }, signal);
      return reply.ok ? { ok: true, exists: reply.value === 1 } : reply;
    },
  };
}

type Reply = { ok: true; value: number; rest: Buffer } | { ok: false; problem: FileProblem; size?: number };

/** `ok N\n<bytes>` or `no PROBLEM [size]\n`. Anything else means the shell was tampered with or broke. */
function parseReply(output: Buffer): Reply {
  const newline = output.indexOf(0x0a);
  const status = output.subarray(0, newline < 0 ? output.length : newline).toString("utf8");
  const ok = /^ok (\d+)$/.exec(status);
  if (ok) return { ok: true, value: Number(ok[1]), rest: output.subarray(newline + 1) };
  const no = /^no ([a-z-]+)(?: (\d+))?$/.exec(status);
  const problem = FileProblem.safeParse(no?.[1]);
  if (no && problem.success) return { ok: false, problem: problem.data, ...(no[2] === undefined ? {} : { size: Number(no[2]) }) };
  throw new SandboxError(`The sandbox answered a file operation with something unexpected: ${JSON.stringify(status.slice(0, 200))}`);
}

/** The seam's own precondition, whatever the caller checked: a normalised path inside the workspace. */
function requireWorkspacePath(path: string): void {
  const normal = path === "." || (posix.normalize(path) === path && !path.endsWith("/"));
  if (path.includes("\0") || path === "" || posix.isAbsolute(path) || path === ".." || path.startsWith("../") || !normal) {
    throw new SandboxError(`Not a normalised path inside the workspace: ${JSON.stringify(path)}`);
  }
}
