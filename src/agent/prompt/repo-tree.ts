import { readdir } from "node:fs/promises";
import { join } from "node:path";

export type FileNode = { kind: "file" | "link" | "other"; name: string };
export type DirNode = {
  kind: "dir";
  name: string;
  children: TreeNode[];
  /** Why the directory was not read: vendored or build output, the entry limit, or an error. */
  unlisted?: "vendored" | "limit" | "unreadable";
  /** Files below it, at any depth (as far as it was read). */
  files: number;
};
export type TreeNode = FileNode | DirNode;

/** Never shown: the agent's own git directory is Ferry's business. */
const HIDDEN = new Set([".git"]);
/** Shown but not read: dependencies, virtual environments, caches and build output. */
const VENDORED = new Set([
  "node_modules", "bower_components", "vendor", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
  "dist", "build", "coverage", "target", ".next", ".nuxt", ".svelte-kit", ".turbo", ".parcel-cache", ".cache", ".gradle", ".terraform",
]);
export const DEFAULT_MAX_ENTRIES = 20_000;

/**
 * The checkout's tree, read breadth first (a huge repository still shows its top levels) up to
 * `maxEntries` entries. Links are listed, never followed; children are sorted by code unit,
 * directories first, so the same tree always gives the same map.
 */
export async function readRepoTree(root: string, maxEntries: number = DEFAULT_MAX_ENTRIES): Promise<{ tree: DirNode; complete: boolean }> {
  const tree: DirNode = { kind: "dir", name: ".", children: [], files: 0 };
  const queue: Array<{ node: DirNode; path: string }> = [{ node: tree, path: root }];
  let entries = 0;
  let complete = true;
  for (const next of queue) {
    if (entries >= maxEntries) {
      next.node.unlisted = "limit";
      complete = false;
      continue;
    }
    // The checkout itself must be readable; a directory below it that is not is only marked.
    const dirents = next.node === tree ? await readdir(root, { withFileTypes: true }) : await readdir(next.path, { withFileTypes: true }).catch(() => undefined);
    if (!dirents) {
      next.node.unlisted = "unreadable";
      continue;
    }
    for (const dirent of dirents.filter((entry) => !HIDDEN.has(entry.name)).sort(byKindThenName)) {
      entries++;
      if (!dirent.isDirectory()) {
        next.node.children.push({ kind: dirent.isSymbolicLink() ? "link" : dirent.isFile() ? "file" : "other", name: dirent.name });
        continue;
      }
      const child: DirNode = { kind: "dir", name: dirent.name, children: [], files: 0 };
      if (VENDORED.has(dirent.name)) child.unlisted = "vendored";
      else queue.push({ node: child, path: join(next.path, dirent.name) });
      next.node.children.push(child);
    }
  }
  countFiles(tree);
  return { tree, complete };
}

function byKindThenName(a: { name: string; isDirectory(): boolean }, b: { name: string; isDirectory(): boolean }): number {
  if (a.isDirectory() !== b.isDirectory()) return a.isDirectory() ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function countFiles(node: DirNode): number {
  node.files = node.children.reduce((sum, child) => sum + (child.kind === "dir" ? countFiles(child) : 1), 0);
  return node.files;
}
