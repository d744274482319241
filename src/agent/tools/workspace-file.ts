import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { errnoCode } from "./error-facts.ts";
import { makeParentDirectories, type Owner } from "./workspace-owner.ts";

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = constants;

/** Larger files are read with shell tools (`sed -n`, `head`), not loaded whole. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/*
 * Files are opened without following a link at the end (the path was resolved already, so
 * a link there now is a swap) and without blocking (a FIFO must not hang the run).
 */

/** The bytes of a regular file; `name` is the path as the model wrote it, for messages. */
export async function readRegularFile(absolute: string, name: string): Promise<Buffer> {
  const handle = await open(absolute, O_RDONLY | O_NOFOLLOW | O_NONBLOCK).catch((error: unknown) => failed(error, name));
  try {
    await requireRegularFile(handle, name);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Replaces a file's content in place (keeping its mode and owner) or creates it with mode 0644, owned by `owner`. */
export async function writeRegularFile(target: { root: string; absolute: string }, content: string, name: string, owner: Owner | undefined): Promise<{ created: boolean }> {
  await makeParentDirectories(target.root, target.absolute, owner).catch((error: unknown) => failed(error, name));
  const { handle, created } = await openForWrite(target.absolute, name);
  try {
    if (created) {
      // The mode at creation is cut by the umask; the owner is the process's own.
      await handle.chmod(0o644);
      if (owner) await handle.chown(owner.uid, owner.gid);
    } else {
      await requireRegularFile(handle, name, { anySize: true });
      await handle.truncate(0);
    }
    await handle.writeFile(content, "utf8");
  } finally {
    await handle.close();
  }
  return { created };
}

async function openForWrite(absolute: string, name: string): Promise<{ handle: FileHandle; created: boolean }> {
  const flags = O_WRONLY | O_NOFOLLOW | O_NONBLOCK;
  try {
    return { handle: await open(absolute, flags | O_CREAT | O_EXCL, 0o644), created: true };
  } catch (error) {
    if (errnoCode(error) !== "EEXIST") failed(error, name);
  }
  return { handle: await open(absolute, flags).catch((error: unknown) => failed(error, name)), created: false };
}

async function requireRegularFile(handle: FileHandle, name: string, options: { anySize?: boolean } = {}): Promise<void> {
  const info = await handle.stat();
  if (info.isDirectory()) throw new Error(`"${name}" is a directory; list it with the shell tool (e.g. \`ls ${name}\`).`);
  if (!info.isFile()) throw new Error(`"${name}" is not a regular file.`);
  if (!options.anySize && info.size > MAX_FILE_BYTES) {
    throw new Error(`"${name}" is ${info.size} bytes, too large to load whole; read parts of it with the shell tool (e.g. \`sed -n '1,200p' ${name}\`).`);
  }
}

const MESSAGES: Record<string, string> = {
  ENOENT: "does not exist",
  ENOTDIR: "has a part that is a file, not a directory",
  EISDIR: "is a directory",
  ELOOP: "is a symbolic link; links are not followed",
  ENXIO: "is not a regular file",
  EACCES: "is not accessible (permission denied)",
  EPERM: "is not accessible (operation not permitted)",
};

function failed(error: unknown, name: string): never {
  const message = MESSAGES[errnoCode(error) ?? ""];
  if (message) throw new Error(`"${name}" ${message}.`);
  throw error;
}
