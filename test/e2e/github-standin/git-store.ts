import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { execa } from "execa";
import { createRepo, fixtureGit } from "../../helpers/git-fixtures.ts";

/** The stand-in's repositories are real bare git repositories; these read and change them. */

/** A bare repository at `gitDir` with one commit holding `files` on `branch`. */
export async function seedBareRepo(gitDir: string, files: Record<string, string>, branch: string): Promise<string> {
  const [sha] = await createRepo(gitDir, [{ message: "Initial commit", branch, files }]);
  if (!sha) throw new Error("git fast-import gave no commit");
  await fixtureGit(gitDir, ["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
  return sha;
}

/** Every file under `dir` (`.git` left out) as path → content. */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full);
    if (!entry.isFile() || path.split("/").includes(".git")) continue;
    files[path] = await readFile(full, "utf8");
  }
  return files;
}

async function git(gitDir: string, args: string[]): Promise<{ ok: boolean; stdout: string }> {
  const env = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const result = await execa("git", [`--git-dir=${gitDir}`, ...args], { env, reject: false, stripFinalNewline: false });
  return { ok: result.exitCode === 0, stdout: result.stdout };
}

/** The sha `ref` (a branch, `heads/<branch>`, or a sha) points at, or undefined. */
export async function resolveRef(gitDir: string, ref: string): Promise<string | undefined> {
  const name = ref.startsWith("heads/") ? `refs/${ref}` : ref;
  const candidates = /^[0-9a-f]{40}$/.test(name) || name.startsWith("refs/") ? [name] : [`refs/heads/${name}`, name];
  for (const candidate of candidates) {
    const result = await git(gitDir, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]);
    if (result.ok) return result.stdout.trim();
  }
  return undefined;
}

export async function branches(gitDir: string): Promise<Map<string, string>> {
  const result = await git(gitDir, ["for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads"]);
  const pairs = result.stdout.split("\n").filter(Boolean).map((line): [string, string] => {
    const [name = "", sha = ""] = line.split(" ");
    return [name, sha];
  });
  return new Map(pairs);
}

export async function deleteBranch(gitDir: string, branch: string): Promise<boolean> {
  if (!(await resolveRef(gitDir, `refs/heads/${branch}`))) return false;
  return (await git(gitDir, ["update-ref", "-d", `refs/heads/${branch}`])).ok;
}

export type TreeEntry = { type: "file" | "dir"; path: string; sha: string; size: number };

/** The file or directory at `path` in `ref`: its content (files) or its entries (directories). */
export async function readPath(gitDir: string, ref: string, path: string): Promise<{ entry: TreeEntry; content?: Buffer; entries?: TreeEntry[] } | undefined> {
  const sha = await resolveRef(gitDir, ref);
  if (!sha) return undefined;
  const clean = path.replace(/^\/+|\/+$/g, "");
  const kind = await git(gitDir, ["cat-file", "-t", `${sha}:${clean}`]);
  if (!kind.ok) return undefined;
  const object = (await git(gitDir, ["rev-parse", `${sha}:${clean}`])).stdout.trim();
  if (kind.stdout.trim() === "tree") {
    const listing = await git(gitDir, ["ls-tree", "--long", `${sha}:${clean}`]);
    const entries = listing.stdout.split("\n").filter(Boolean).map((line): TreeEntry => {
      const [meta = "", name = ""] = line.split("\t");
      const [, type, entrySha = "", size] = meta.split(/\s+/);
      return { type: type === "tree" ? "dir" : "file", path: clean ? `${clean}/${name}` : name, sha: entrySha, size: Number(size) || 0 };
    });
    return { entry: { type: "dir", path: clean, sha: object, size: 0 }, entries };
  }
  const env = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const blob = await execa("git", [`--git-dir=${gitDir}`, "cat-file", "blob", object], { env, encoding: "buffer", stripFinalNewline: false });
  const content = Buffer.from(blob.stdout);
  return { entry: { type: "file", path: clean, sha: object, size: content.length }, content };
}
