import { lstat, realpath } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { errnoCode } from "./error-facts.ts";

export type CheckedPath = { ok: true; relative: string } | { ok: false; error: string };

/**
 * The host's first filter on a path the model named, without touching the file system: no
 * NUL bytes, no absolute paths, no `..` out of the workspace; writes also not the workspace
 * root and nothing inside `.git`. `relative` is the path normalised. The sandbox confines the
 * file operation itself (links included), so safety does not depend on this check.
 */
export function checkWorkspacePath(path: string, intent: "read" | "write"): CheckedPath {
  const refuse = (why: string): CheckedPath => ({ ok: false, error: `Refused "${path}": ${why}.` });
  if (path.includes("\0")) return refuse("the path contains a NUL byte");
  if (path.trim() === "") return { ok: false, error: "The path is empty: name a file relative to the workspace root, e.g. src/index.ts." };
  if (posix.isAbsolute(path)) return refuse("absolute paths are not allowed; use a path relative to the workspace root, e.g. src/index.ts");
  const normal = posix.normalize(path).replace(/\/+$/, "") || ".";
  if (normal === ".." || normal.startsWith("../")) return refuse("it climbs out of the workspace with `..`; only files inside the workspace can be used");
  if (intent === "write" && normal === ".") return refuse("that is the workspace root, a directory");
  if (intent === "write" && insideGit(normal)) return refuse("files inside .git cannot be written; Ferry commits your work itself");
  return { ok: true, relative: normal };
}

/**
 * A path checked against a checkout on the host: `relative` as named (normalised), `real`
 * with links resolved, `absolute` on the host under `root` (the checkout's real path).
 */
export type WorkspacePath =
  | { ok: true; root: string; relative: string; real: string; absolute: string; exists: boolean }
  | { ok: false; error: string };

/**
 * Resolves a path in a checkout ON THE HOST: checkWorkspacePath, then no symbolic link (in
 * the path or at its end) that leads outside; writes are also refused through a link at the
 * end and into `.git` by its resolved path. Checking and then opening by name races with
 * anything that can change the tree, so this is only for a tree nothing of the agent can
 * touch; the agent's file tools go through the sandbox (SandboxFiles) instead.
 */
export async function resolveWorkspacePath(workDir: string, path: string, intent: "read" | "write"): Promise<WorkspacePath> {
  const checked = checkWorkspacePath(path, intent);
  if (!checked.ok) return checked;
  const refuse = (why: string): WorkspacePath => ({ ok: false, error: `Refused "${path}": ${why}.` });
  const normal = checked.relative;
  const root = await realpath(workDir);
  const parts = normal === "." ? [] : normal.split("/");
  const found = await deepestExisting(root, parts);
  const realExisting = await realpath(found.path).catch(() => undefined);
  if (realExisting === undefined) return refuse("it leads through a symbolic link whose target does not exist");
  if (!isInside(root, realExisting)) return refuse("it leads outside the workspace through a symbolic link");
  const absolute = join(realExisting, ...parts.slice(found.depth));
  const real = relative(root, absolute) || ".";
  const exists = found.depth === parts.length;
  if (intent === "write") {
    if (exists && (await lstat(join(root, normal))).isSymbolicLink()) return refuse("it is a symbolic link; writing through links is not allowed, write to the file it points to instead");
    if (insideGit(real)) return refuse("files inside .git cannot be written; Ferry commits your work itself");
  }
  return { ok: true, root, relative: normal, real, absolute, exists };
}

async function deepestExisting(root: string, parts: string[]): Promise<{ path: string; depth: number }> {
  let path = root;
  for (const [depth, part] of parts.entries()) {
    const next = join(path, part);
    const exists = await lstat(next).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
    if (!exists) return { path, depth };
    path = next;
  }
  return { path, depth: parts.length };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith("../") && !posix.isAbsolute(rel));
}

const insideGit = (path: string): boolean => path.split("/").some((part) => part.toLowerCase() === ".git");

const isMissing = (error: unknown): boolean => errnoCode(error) === "ENOENT" || errnoCode(error) === "ENOTDIR";
