import { chown, mkdir, stat } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { errnoCode } from "./error-facts.ts";

export type Owner = { uid: number; gid: number };

/**
 * Whom files the host creates must belong to. When Ferry runs as root the Docker sandbox's
 * user owns the checkout; a root-owned file would be read-only to the agent's commands.
 */
export async function workspaceOwner(workDir: string): Promise<Owner | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { uid, gid } = await stat(workDir);
  return uid === process.getuid() && gid === process.getgid?.() ? undefined : { uid, gid };
}

/** Creates the missing directories above `file` (inside `root`, free of links), each owned like the workspace. */
export async function makeParentDirectories(root: string, file: string, owner: Owner | undefined): Promise<void> {
  let path = root;
  for (const part of relative(root, dirname(file)).split("/").filter(Boolean)) {
    path = join(path, part);
    const created = await mkdir(path, { mode: 0o755 }).then(
      () => true,
      (error: unknown) => {
        if (errnoCode(error) === "EEXIST") return false;
        throw error;
      },
    );
    if (created && owner) await chown(path, owner.uid, owner.gid);
  }
}
