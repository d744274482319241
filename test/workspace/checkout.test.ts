import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { agentGit } from "./support/work-tree.ts";

let fixture: WorkspaceFixture;
beforeEach(async () => {
  fixture = await workspaceFixture();
});
afterEach(() => fixture.close());

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

test("the working tree is on the task branch at the base commit", async () => {
  const checkout = await fixture.prepare({ branch: "agent/issue-12" });
  expect(checkout).toMatchObject({ branch: "agent/issue-12", base: "main", baseSha: fixture.initialSha, taskId: "1" });
  expect(await agentGit(checkout.workDir, ["symbolic-ref", "HEAD"])).toBe("refs/heads/agent/issue-12");
  expect(await agentGit(checkout.workDir, ["rev-parse", "HEAD"])).toBe(fixture.initialSha);
  expect(await readFile(join(checkout.workDir, "README.md"), "utf8")).toContain("# Hello");
});

test("git log works in the working tree, borrowing the mirror's objects", async () => {
  const checkout = await fixture.prepare();
  expect(await agentGit(checkout.workDir, ["log", "--format=%s"])).toBe("Initial commit");
  expect((await readFile(join(checkout.workDir, ".git", "objects", "info", "alternates"), "utf8")).trim()).toBe(
    join(checkout.mirrorDir, "objects"),
  );
});

test("the mirror is the one path the sandbox must mount read-only", async () => {
  const checkout = await fixture.prepare();
  expect(checkout.readOnlyPaths).toEqual([checkout.mirrorDir]);
});

test("the host git dir is outside the task directory, at a random name under host-git/", async () => {
  const checkout = await fixture.prepare({ taskId: 7 });
  expect(checkout.workDir).toBe(join(fixture.dataDir, "tasks", "7", "work"));
  expect(checkout.gitDir).toMatch(new RegExp(`^${join(fixture.dataDir, "host-git")}/[0-9a-f]{32}$`));
  expect(await exists(join(checkout.gitDir, "HEAD"))).toBe(true);
  const other = await fixture.prepare({ taskId: 8, branch: "agent/issue-8" });
  expect(other.gitDir).not.toBe(checkout.gitDir);
});

test("preparing a task again replaces what an earlier attempt left", async () => {
  const first = await fixture.prepare();
  await writeFile(join(first.workDir, "leftover.txt"), "from a crashed run\n");
  const second = await fixture.prepare();
  expect(second.workDir).toBe(first.workDir);
  expect(await exists(join(second.workDir, "leftover.txt"))).toBe(false);
  expect(await exists(first.gitDir)).toBe(false);
});

test("removing a checkout deletes the task directory and its host git dir", async () => {
  const checkout = await fixture.prepare({ taskId: 3 });
  await fixture.workspaces.remove(3);
  expect(await exists(join(fixture.dataDir, "tasks", "3"))).toBe(false);
  expect(await exists(checkout.gitDir)).toBe(false);
  expect(await exists(checkout.mirrorDir)).toBe(true);
});

test("removing a checkout twice, or one that never existed, is fine", async () => {
  await fixture.prepare({ taskId: 3 });
  await fixture.workspaces.remove(3);
  await expect(fixture.workspaces.remove(3)).resolves.toBeUndefined();
  await expect(fixture.workspaces.remove(99)).resolves.toBeUndefined();
});

test("a task id that is not a plain name is refused", async () => {
  await expect(fixture.workspaces.remove("../mirrors")).rejects.toThrow("Invalid task id");
});
