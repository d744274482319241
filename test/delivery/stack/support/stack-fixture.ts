import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";
import type { Slice } from "../../../../src/delivery/split/slice.ts";
import { changedLines } from "../../../../src/delivery/split/slice.ts";
import { showTree } from "../../../../src/delivery/stack/show-tree.ts";
import type { Checkout } from "../../../../src/workspace/checkout.ts";
import type { ChangedFile } from "../../../../src/workspace/numstat.ts";
import type { VerifyCheckout } from "../../../../src/workspace/verify-checkout.ts";
import { createVerifyCheckout } from "../../../../src/workspace/verify-checkout.ts";
import { Workspaces } from "../../../../src/workspace/workspaces.ts";
import type { FixtureContent } from "../../../helpers/git-fixtures.ts";
import { createRepo, fixtureGit } from "../../../helpers/git-fixtures.ts";

export const ISSUE = 7;
export const deadline = { timeoutMs: 30_000 };

/** The agent's work as delivery sees it: frozen, its change against the base, and Ferry's checkout of it holding that tree. */
export type Frozen = { tree: string; files: ChangedFile[]; verify: VerifyCheckout };

/** A local repository with `files` on `main`, and a task checkout of it on `agent/issue-7/part-1` (as the worker makes it). */
export type StackFixture = { workspaces: Workspaces; checkout: Checkout; freeze(): Promise<Frozen>; close(): Promise<void> };

export async function stackFixture(files: Record<string, FixtureContent>): Promise<StackFixture> {
  const root = await mkdtemp(join(tmpdir(), "ferry-stack-test-"));
  const upstream = join(root, "project.git");
  await createRepo(upstream, [{ message: "Base", files }]);
  const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
  const repo = { cloneUrl: pathToFileURL(upstream).href, owner: "local", name: "project" };
  const checkout = await workspaces.prepare({ taskId: 1, repo, base: "main", branch: `agent/issue-${ISSUE}/part-1` });
  const freeze = async (): Promise<Frozen> => {
    const snapshot = await workspaces.snapshot(checkout);
    if (snapshot.kind !== "tree") throw new Error(`the snapshot was refused: ${snapshot.reason}`);
    const { files } = await workspaces.changes(checkout, snapshot.tree);
    const verify = await createVerifyCheckout(checkout, deadline);
    await showTree(verify, snapshot.tree, deadline);
    return { tree: snapshot.tree, files, verify };
  };
  return { workspaces, checkout, freeze, close: () => rm(root, { recursive: true, force: true }) };
}

/** Slices holding the changed files at the given paths, in order; every changed file must be placed once. */
export function slicesOf(files: readonly ChangedFile[], groups: readonly string[][]): Slice[] {
  const placed = groups.flat();
  const unplaced = files.filter((file) => !placed.includes(file.path));
  if (unplaced.length > 0) throw new Error(`not in any slice: ${unplaced.map((file) => file.path).join(", ")}`);
  return groups.map((paths) => {
    const picked = paths.map((path) => files.find((file) => file.path === path) ?? missing(path));
    return { files: picked, lines: picked.reduce((sum, file) => sum + changedLines(file), 0), oversize: false };
  });
}

function missing(path: string): never {
  throw new Error(`${path} did not change`);
}

/** Path → text of every file in a tree. */
export async function treeFiles(gitDir: string, tree: string): Promise<Record<string, string>> {
  const paths = (await fixtureGit(gitDir, ["ls-tree", "-r", "-z", "--name-only", tree])).split("\0").filter(Boolean);
  const entries = await Promise.all(paths.map(async (path) => [path, await blobText(gitDir, `${tree}:${path}`)]));
  return Object.fromEntries(entries);
}

async function blobText(gitDir: string, object: string): Promise<string> {
  const { stdout } = await execa("git", [`--git-dir=${gitDir}`, "cat-file", "blob", object], { encoding: "buffer", stripFinalNewline: false });
  return Buffer.from(stdout).toString("utf8");
}

/** Path → mode of every file in a tree. */
export async function treeModes(gitDir: string, tree: string): Promise<Record<string, string>> {
  const lines = (await fixtureGit(gitDir, ["ls-tree", "-r", "-z", tree])).split("\0").filter(Boolean);
  return Object.fromEntries(lines.map((line) => [line.slice(line.indexOf("\t") + 1), line.split(" ")[0] ?? ""]));
}

/** Path → text of every file in a working tree, ignored ones included, the agent's `.git` left out. */
export async function workFiles(workDir: string): Promise<Record<string, string>> {
  const entries = await readdir(workDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(workDir.length + 1));
  const kept = files.filter((path) => path !== ".git" && !path.startsWith(".git/")).sort();
  return Object.fromEntries(await Promise.all(kept.map(async (path) => [path, await readFile(join(workDir, path), "utf8")])));
}
