import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Workspaces } from "../../src/workspace/workspaces.ts";
import { createSimpleRepo, fixtureGit } from "../helpers/git-fixtures.ts";

let root: string;
let upstream: string;
let initialSha: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-local-repo-"));
  upstream = join(root, "project.git");
  initialSha = await createSimpleRepo(upstream);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const request = (cloneUrl: string) => ({ taskId: 1, repo: { cloneUrl, owner: "local", name: "project" }, base: "main", branch: "ferry/try" });

test("`ferry run` prepares a checkout of a repository on this machine, with no token", async () => {
  const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
  const checkout = await workspaces.prepare(request(pathToFileURL(upstream).href));
  expect(checkout.baseSha).toBe(initialSha);
  expect(checkout.mirrorDir).toBe(join(root, "data", "mirrors", "local", "local", "project.git"));
});

test("a result branch is pushed back to the local repository without a token", async () => {
  const workspaces = new Workspaces({ dataDir: join(root, "data"), allowLocalRepos: true });
  const checkout = await workspaces.prepare(request(pathToFileURL(upstream).href));
  const commit = await workspaces.commit(checkout, { message: "Empty change", author: { name: "Ferry", email: "ferry@example.com" } });
  expect(commit.outcome).toBe("no-changes");
  const pushed = await workspaces.push(checkout, [{ name: "ferry/try", sha: initialSha }], {});
  expect(pushed.outcome).toBe("pushed");
  expect(await fixtureGit(upstream, ["rev-parse", "refs/heads/ferry/try"])).toBe(initialSha);
});

test("webhook-driven workspaces refuse file:// clone URLs", async () => {
  const workspaces = new Workspaces({ dataDir: join(root, "data") });
  await expect(workspaces.prepare(request(pathToFileURL(upstream).href))).rejects.toThrow(/http\(s\) clone URL/);
});
