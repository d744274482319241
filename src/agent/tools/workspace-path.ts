import { posix } from "node:path";

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

const insideGit = (path: string): boolean => path.split("/").some((part) => part.toLowerCase() === ".git");
