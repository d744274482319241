import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { appendFile, chmod, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HOST_GIT_CONFIG, HostGitDirTamperedError } from "../../src/workspace/host-git.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

let fixture: WorkspaceFixture;
beforeEach(async () => {
  fixture = await workspaceFixture();
});
afterEach(() => fixture.close());

const bot = { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" };

test("the host git dir and its parent are owner-only", async () => {
  const checkout = await fixture.prepare();
  expect((await stat(checkout.gitDir)).mode & 0o777).toBe(0o700);
  expect((await stat(join(fixture.dataDir, "host-git"))).mode & 0o777).toBe(0o700);
});

test("its config file holds nothing but the repository format, and is read-only", async () => {
  const checkout = await fixture.prepare();
  expect(await readFile(join(checkout.gitDir, "config"), "utf8")).toBe(HOST_GIT_CONFIG);
  expect((await stat(join(checkout.gitDir, "config"))).mode & 0o222).toBe(0);
});

test("the task directory names the host git dir but does not hold it", async () => {
  const checkout = await fixture.prepare({ taskId: 5 });
  const name = (await readFile(join(fixture.dataDir, "tasks", "5", "host-git"), "utf8")).trim();
  expect(join(fixture.dataDir, "host-git", name)).toBe(checkout.gitDir);
});

test("a config entry added to the host git dir stops the snapshot, the commit and the push", async () => {
  const checkout = await fixture.prepare();
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  await chmod(join(checkout.gitDir, "config"), 0o644);
  await appendFile(join(checkout.gitDir, "config"), '[filter "x"]\n\tclean = touch /tmp/pwned\n');
  await expect(fixture.workspaces.snapshot(checkout)).rejects.toThrow(HostGitDirTamperedError);
  await expect(fixture.workspaces.commit(checkout, { message: "x", author: bot })).rejects.toThrow(HostGitDirTamperedError);
  await expect(fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: fixture.initialSha }], { token: fixture.token })).rejects.toThrow(HostGitDirTamperedError);
});

test("a config file made writable again, even unchanged, stops the snapshot", async () => {
  const checkout = await fixture.prepare();
  await chmod(join(checkout.gitDir, "config"), 0o644);
  await expect(fixture.workspaces.snapshot(checkout)).rejects.toThrow(HostGitDirTamperedError);
});

test("changed alternates stop the snapshot", async () => {
  const checkout = await fixture.prepare();
  await writeFile(join(checkout.gitDir, "objects", "info", "alternates"), "/somewhere/else/objects\n");
  await expect(fixture.workspaces.snapshot(checkout)).rejects.toThrow(HostGitDirTamperedError);
});
