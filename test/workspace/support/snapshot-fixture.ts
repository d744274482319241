import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";
import type { Checkout } from "../../../src/workspace/checkout.ts";
import type { Snapshot } from "../../../src/workspace/snapshot-tree.ts";
import { Workspaces } from "../../../src/workspace/workspaces.ts";
import type { FixtureContent } from "../../helpers/git-fixtures.ts";
import { createRepo, fixtureGit } from "../../helpers/git-fixtures.ts";

/** A tree entry as a test reads it: mode and bytes (a symbolic link's bytes are its target). */
export type Entry = { mode: string; content: Buffer };

/** A checkout of a local repository holding `files`, and what its snapshot becomes. */
export type SnapshotFixture = {
  root: string;
  workspaces: Workspaces;
  checkout: Checkout;
  baseTree: string;
  /** The snapshot's tree, failing the test when it was refused. */
  tree(): Promise<string>;
  snapshot(): Promise<Snapshot>;
  entries(tree: string): Promise<Record<string, Entry>>;
  close(): Promise<void>;
};

export async function snapshotFixture(files: Record<string, FixtureContent>): Promise<SnapshotFixture> {
  const root = await mkdtemp(join(tmpdir(), "ferry-snapshot-"));
  const upstream = join(root, "project.git");
  await createRepo(upstream, [{ message: "Base", files }]);
  const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
  const repo = { cloneUrl: pathToFileURL(upstream).href, owner: "local", name: "project" };
  const checkout = await workspaces.prepare({ taskId: 1, repo, base: "main", branch: "agent/issue-1/part-1" });
  const baseTree = await fixtureGit(checkout.gitDir, ["rev-parse", `${checkout.baseSha}^{tree}`]);
  const snapshot = () => workspaces.snapshot(checkout);
  return {
    root,
    workspaces,
    checkout,
    baseTree,
    snapshot,
    async tree() {
      const taken = await snapshot();
      if (taken.kind !== "tree") throw new Error(`the snapshot was refused: ${taken.reason}`);
      return taken.tree;
    },
    entries: (tree) => treeEntries(checkout.gitDir, tree),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function treeEntries(gitDir: string, tree: string): Promise<Record<string, Entry>> {
  const lines = (await fixtureGit(gitDir, ["ls-tree", "-r", "-z", tree])).split("\0").filter(Boolean);
  const entries = await Promise.all(
    lines.map(async (line) => {
      const [mode = "", , sha = ""] = line.slice(0, line.indexOf("\t")).split(" ");
      const { stdout } = await execa("git", [`--git-dir=${gitDir}`, "cat-file", "-p", sha], { encoding: "buffer", stripFinalNewline: false });
      return [line.slice(line.indexOf("\t") + 1), { mode, content: Buffer.from(stdout) }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
