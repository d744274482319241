import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "@jest/globals";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { basicCredentials } from "../../src/workspace/git-env.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

/** Where the token could linger: files under the data dir, and git's command lines (visible in ps). */
let fixture: WorkspaceFixture;
let wrapperDir: string;
let argvLog: string;
const originalPath = process.env.PATH;

// A `git` first on PATH that records its arguments, then runs the real git.
beforeAll(async () => {
  const realGit = (await execa("sh", ["-c", "command -v git"])).stdout.trim();
  wrapperDir = await mkdtemp(join(tmpdir(), "ferry-git-wrapper-"));
  argvLog = join(wrapperDir, "argv.log");
  await writeFile(join(wrapperDir, "git"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${argvLog}"\nexec "${realGit}" "$@"\n`);
  await chmod(join(wrapperDir, "git"), 0o755);
  process.env.PATH = `${wrapperDir}:${originalPath}`;
});
afterAll(async () => {
  process.env.PATH = originalPath;
  await rm(wrapperDir, { recursive: true, force: true });
});

beforeEach(async () => {
  fixture = await workspaceFixture();
  const checkout = await fixture.prepare({ branch: "agent/issue-1" });
  await fixture.prepare({ taskId: 2, branch: "agent/issue-2" });
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  await fixture.workspaces.diff(checkout);
  const commit = await fixture.workspaces.commit(checkout, { message: "Add", author: { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" } });
  await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: commit.sha }], { token: fixture.token });
  await fixture.workspaces.deleteBranch(checkout, "agent/issue-1", { token: fixture.token });
});
afterEach(() => fixture.close());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

test("no file under the data dir holds the token or its Basic form", async () => {
  const files = await filesUnder(fixture.dataDir);
  // The mirror's and both tasks' configs, packed refs, FETCH_HEAD, logs, indexes, objects…
  expect(files.some((file) => file.endsWith(join("hello.git", "config")))).toBe(true);
  expect(files.some((file) => file.endsWith("FETCH_HEAD"))).toBe(true);
  const forms = [fixture.token, basicCredentials(fixture.token)];
  const holding: string[] = [];
  for (const file of files) {
    const content = await readFile(file, "latin1");
    if (forms.some((form) => content.includes(form))) holding.push(file);
  }
  expect(holding).toEqual([]);
});

test("no git command line carries the token", async () => {
  const argv = await readFile(argvLog, "utf8");
  expect(argv).toContain("fetch");
  expect(argv).toContain("push");
  expect(argv).not.toContain(fixture.token);
  expect(argv).not.toContain(basicCredentials(fixture.token));
});
