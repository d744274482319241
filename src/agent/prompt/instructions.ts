import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { posix } from "node:path";
import { errnoCode, errorMessage } from "../tools/error-facts.ts";
import { resolveWorkspacePath } from "../tools/workspace-path.ts";

/** Read whatever the configuration says: the conventional file for agents. */
export const AGENTS_FILE = "AGENTS.md";
/** Most bytes of one instruction file put in the prompt (about 4,000 tokens). */
export const MAX_INSTRUCTION_BYTES = 16 * 1024;

export type InstructionFile = { path: string; content: string; truncated: boolean };
export type SkippedInstruction = { path: string; reason: string };
export type Instructions = { files: InstructionFile[]; skipped: SkippedInstruction[] };

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = constants;

/**
 * AGENTS.md and the configured instruction files, read from the checkout on the host. The
 * setup command ran repository code before this, so a path is resolved inside the checkout and
 * a link leading out of it is refused; missing files, non-files and files already read (under
 * another name or through a link) are skipped. Each file is capped at MAX_INSTRUCTION_BYTES.
 */
export async function readInstructions(workDir: string, configured: readonly string[]): Promise<Instructions> {
  const files: InstructionFile[] = [];
  const skipped: SkippedInstruction[] = [];
  const seen = new Set<string>();
  for (const path of [AGENTS_FILE, ...configured].map((named) => posix.normalize(named))) {
    const resolved = await resolveWorkspacePath(workDir, path, "read");
    if (!resolved.ok) skipped.push({ path, reason: resolved.error });
    else if (!resolved.exists) skipped.push({ path, reason: "missing" });
    else if (!seen.has(resolved.real)) {
      seen.add(resolved.real);
      const read = await readCapped(resolved.absolute);
      if (typeof read === "string") skipped.push({ path, reason: read });
      else files.push({ path, ...read });
    }
  }
  return { files, skipped };
}

/** The head of a regular file, or why it cannot be used. The last component is not followed: it was resolved already. */
async function readCapped(absolute: string): Promise<{ content: string; truncated: boolean } | string> {
  let handle: FileHandle;
  try {
    handle = await open(absolute, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    return `not readable (${errnoCode(error) ?? errorMessage(error)})`;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return "not a regular file";
    const buffer = Buffer.alloc(Math.min(info.size, MAX_INSTRUCTION_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return "binary, not text";
    const truncated = info.size > MAX_INSTRUCTION_BYTES;
    // A cut through a multi-byte character decodes to U+FFFD at the end; drop it.
    const text = truncated ? head.toString("utf8").replace(/\uFFFD+$/, "") : head.toString("utf8");
    const note = `\n\n[… cut: the file is ${info.size.toLocaleString("en-US")} bytes; only the first ${MAX_INSTRUCTION_BYTES.toLocaleString("en-US")} are shown. Read the rest with read_file if you need it.]`;
    return { content: truncated ? text + note : text, truncated };
  } finally {
    await handle.close();
  }
}
