import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { spareDirOf } from "../../src/workspace/spares.ts";
import { addCommits } from "../helpers/git-fixtures.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { agentGit, editFiles } from "./support/work-tree.ts";

let fixture: WorkspaceFixture;
beforeEach(async () => {
  fixture = await workspaceFixture();
});
afterEach(() => fixture.close());

const pwned = (): string => join(fixture.dataDir, "..", "pwned");
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** A first task whose agent edited, added, deleted, planted config in its .git and left ignored files. */
async function finishMessyTask(): Promise<void> {
  const first = await fixture.prepare({ taskId: 1, branch: "agent/issue-1" });
  await editFiles(first.workDir, {
    "README.md": "rewritten by the first agent\n",
    "docs/guide.md": null,
    "new/file.txt": "left behind\n",
    ".gitignore": "node_modules/\n",
    "node_modules/pkg/index.js": "cached\n",
  });
  await agentGit(first.workDir, ["config", "core.fsmonitor", `touch ${pwned()}`]);
  await writeFile(join(first.workDir, ".git", "hooks", "post-checkout"), `#!/bin/sh\ntouch ${pwned()}\n`, { mode: 0o755 });
  await fixture.workspaces.release(first);
}

test("a released checkout is kept as the repository's spare", async () => {
  const checkout = await fixture.prepare();
  await fixture.workspaces.release(checkout);
  expect(await exists(checkout.workDir)).toBe(false);
  expect(await exists(join(spareDirOf(fixture.dataDir, checkout.mirrorDir), "work", "README.md"))).toBe(true);
});

test("the next task reuses the spare as a clean checkout at the base: edits undone, extra files gone", async () => {
  await finishMessyTask();
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(second.workDir).toBe(join(fixture.dataDir, "tasks", "2", "work"));
  expect(await readFile(join(second.workDir, "README.md"), "utf8")).toContain("# Hello");
  expect(await exists(join(second.workDir, "docs", "guide.md"))).toBe(true);
  expect(await exists(join(second.workDir, "new", "file.txt"))).toBe(false);
  expect(await exists(join(second.workDir, "node_modules"))).toBe(false);
  expect((await fixture.workspaces.diff(second)).files).toEqual([]);
  expect(await exists(spareDirOf(fixture.dataDir, second.mirrorDir))).toBe(false);
});

test("the reused checkout's .git is new: on the task branch at the base, with none of the old agent's config or hooks", async () => {
  await finishMessyTask();
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(await agentGit(second.workDir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/agent/issue-2");
  expect(await agentGit(second.workDir, ["rev-parse", "HEAD"])).toBe(fixture.initialSha);
  expect(await agentGit(second.workDir, ["config", "--get", "core.fsmonitor"]).catch(() => "unset")).toBe("unset");
  expect(await exists(join(second.workDir, ".git", "hooks", "post-checkout"))).toBe(false);
  expect(await exists(pwned())).toBe(false);
  expect(await agentGit(second.workDir, ["status", "--porcelain"])).toBe("");
});

test("a reused checkout follows the base when upstream moved on", async () => {
  await finishMessyTask();
  const [moved] = await addCommits(fixture.upstream, [{ message: "Upstream change", files: { "README.md": "# Hello again\n" } }]);
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(second.baseSha).toBe(moved);
  expect(await readFile(join(second.workDir, "README.md"), "utf8")).toBe("# Hello again\n");
  expect(await agentGit(second.workDir, ["rev-parse", "HEAD"])).toBe(moved);
});

test("a broken spare is replaced by a fresh checkout", async () => {
  const first = await fixture.prepare();
  await fixture.workspaces.release(first);
  await rm(join(spareDirOf(fixture.dataDir, first.mirrorDir), "git"), { recursive: true, force: true });
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(await agentGit(second.workDir, ["rev-parse", "HEAD"])).toBe(fixture.initialSha);
  expect((await fixture.workspaces.diff(second)).files).toEqual([]);
});

test("evicting a mirror removes its spare too", async () => {
  const checkout = await fixture.prepare();
  await fixture.workspaces.release(checkout);
  const result = await fixture.workspaces.evict(0);
  expect(result.evicted.map((mirror) => mirror.mirrorDir)).toEqual([checkout.mirrorDir]);
  expect(await exists(spareDirOf(fixture.dataDir, checkout.mirrorDir))).toBe(false);
});

test("a reused spare keeps its host git dir; a spare replaced by a newer one takes its host git dir with it", async () => {
  const first = await fixture.prepare({ taskId: 1, branch: "agent/issue-1" });
  await fixture.workspaces.release(first);
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(second.gitDir).toBe(first.gitDir);
  const third = await fixture.prepare({ taskId: 3, branch: "agent/issue-3" });
  await fixture.workspaces.release(second);
  await fixture.workspaces.release(third);
  expect(await exists(second.gitDir)).toBe(false);
  expect(await exists(third.gitDir)).toBe(true);
});

test("a spare whose host git dir was changed is not reused: the next task gets a fresh checkout and a new host git dir", async () => {
  const first = await fixture.prepare({ taskId: 1, branch: "agent/issue-1" });
  await fixture.workspaces.release(first);
  await writeFile(join(first.gitDir, "objects", "info", "alternates"), "/elsewhere/objects\n");
  const second = await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  expect(second.gitDir).not.toBe(first.gitDir);
  expect(await exists(first.gitDir)).toBe(false);
  expect(await readFile(join(second.workDir, "README.md"), "utf8")).toContain("# Hello");
});
