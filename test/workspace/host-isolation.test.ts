import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { appendFile, chmod, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Checkout } from "../../src/workspace/checkout.ts";
import { fixtureGit } from "../helpers/git-fixtures.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { agentGit, editFiles } from "./support/work-tree.ts";

/**
 * The agent can write to work/.git. Whatever it plants there (fsmonitor, hooks, filter and
 * diff drivers, includes) must never run on the host, which uses its own git dir.
 */
let fixture: WorkspaceFixture;
let checkout: Checkout;
let trapDir: string;

const HOOKS = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "pre-push", "reference-transaction", "post-index-change", "post-checkout"];

async function plantTraps(): Promise<void> {
  trapDir = join(checkout.workDir, "..", "traps-fired");
  await mkdir(trapDir);
  const script = async (path: string, name: string): Promise<string> => {
    await writeFile(path, `#!/bin/sh\ntouch "${join(trapDir, name)}"\nexit 0\n`);
    await chmod(path, 0o755);
    return path;
  };
  const gitDir = join(checkout.workDir, ".git");
  for (const hook of HOOKS) await script(join(gitDir, "hooks", hook), `hook-${hook}`);
  const fsmonitor = await script(join(gitDir, "fsmonitor.sh"), "fsmonitor");
  const filter = await script(join(gitDir, "filter.sh"), "filter");
  const included = join(gitDir, "included.config");
  await writeFile(included, `[core]\n\tfsmonitor = ${fsmonitor}\n`);
  await appendFile(
    join(gitDir, "config"),
    [
      `[core]\n\tfsmonitor = ${fsmonitor}\n\thooksPath = ${join(gitDir, "hooks")}`,
      `[include]\n\tpath = ${included}`,
      `[filter "trap"]\n\tclean = ${filter}\n\tsmudge = ${filter}\n\tprocess = ${filter}`,
      `[diff "trap"]\n\ttextconv = ${filter}\n\tcommand = ${filter}`,
      `[diff]\n\texternal = ${filter}`,
      "",
    ].join("\n"),
  );
  await editFiles(checkout.workDir, { ".gitattributes": "* filter=trap diff=trap\n", "src/new.js": "changed by the agent\n" });
}

const fired = (): Promise<string[]> => readdir(trapDir);

beforeEach(async () => {
  fixture = await workspaceFixture();
  checkout = await fixture.prepare();
  await plantTraps();
});
afterEach(() => fixture.close());

test("the planted traps do fire for git run on the agent's own .git (the control)", async () => {
  // It may fail too (the planted filter speaks no protocol); what matters is that it ran the traps.
  await agentGit(checkout.workDir, ["add", "--all"]).catch(() => undefined);
  expect(await fired()).toEqual(expect.arrayContaining(["fsmonitor", "filter"]));
});

test("diffing on the host runs nothing from the agent's .git", async () => {
  const diff = await fixture.workspaces.diff(checkout);
  expect(diff.files.map((file) => file.path).sort()).toEqual([".gitattributes", "src/new.js"]);
  expect(await fired()).toEqual([]);
});

test("committing on the host runs nothing from the agent's .git", async () => {
  const result = await fixture.workspaces.commit(checkout, { message: "Agent change", author: { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" } });
  expect(result.outcome).toBe("committed");
  expect(await fired()).toEqual([]);
});

test("pushing from the host runs nothing from the agent's .git", async () => {
  const commit = await fixture.workspaces.commit(checkout, { message: "Agent change", author: { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" } });
  const result = await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: commit.sha }], { token: fixture.token });
  expect(result.outcome).toBe("pushed");
  expect(await fired()).toEqual([]);
});

test("the content committed is what the agent wrote, not a planted filter's output", async () => {
  const commit = await fixture.workspaces.commit(checkout, { message: "Agent change", author: { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" } });
  expect(await fixtureGit(checkout.gitDir, ["cat-file", "blob", `${commit.sha}:src/new.js`])).toBe("changed by the agent");
});
