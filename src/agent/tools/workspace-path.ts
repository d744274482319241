import { lstat, realpath } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { errnoCode } from "./error-facts.ts";

/**
 * A path the model named, checked against the checkout: `relative` as named (normalised),
 * `real` with links resolved, `absolute` on the host under `root` (the checkout's real path).
 */
export type WorkspacePath =
  | { ok: true; root: string; relative: string; real: string; absolute: string; exists: boolean }
  | { ok: false; error: string };

/**
 * Confines a model-given path to the checkout: no absolute paths, no `..` out of it, no NUL
 * bytes, and no symbolic link (in the path or at its end) that leads outside. Writes are also
 * refused through a symbolic link at the end and anywhere inside `.git`.
 */
export async function resolveWorkspacePath(workDir: string, path: string, intent: "read" | "write"): Promise<WorkspacePath> {
  const refuse = (why: string): WorkspacePath => ({ ok: false, error: `Refused "${path}": ${why}.` });
  if (path.includes("\0")) return refuse("the path contains a NUL byte");
  if (path.trim() === "") return { ok: false, error: "The path is empty: name a file relative to the workspace root, e.g. src/index.ts." };
  if (posix.isAbsolute(path)) return refuse("absolute paths are not allowed; use a path relative to the workspace root, e.g. src/index.ts");
  const normal = posix.normalize(path).replace(/\/+$/, "") || ".";
  if (normal === ".." || normal.startsWith("../")) return refuse("it climbs out of the workspace with `..`; only files inside the workspace can be used");
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
    if (parts.length === 0) return refuse("that is the workspace root, a directory");
    if (exists && (await lstat(join(root, normal))).isSymbolicLink()) return refuse("it is a symbolic link; writing through links is not allowed, write to the file it points to instead");
    if (insideGit(normal) || insideGit(real)) return refuse("files inside .git cannot be written; Ferry commits your work itself");
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
