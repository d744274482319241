import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Checkout } from "../../src/workspace/checkout.ts";
import { markUsed } from "../../src/workspace/mirror-marker.ts";
import { Workspaces } from "../../src/workspace/workspaces.ts";
import { createSimpleRepo } from "../helpers/git-fixtures.ts";
import type { GitHttpServer } from "../helpers/git-http-server.ts";
import { startGitHttpServer } from "../helpers/git-http-server.ts";

const TOKEN = "ghs_eviction";
let root: string;
let server: GitHttpServer;
let workspaces: Workspaces;
/** One checkout per repository, prepared in this order, so `alpha` is the least recently used. */
let checkouts: Record<"alpha" | "beta" | "gamma", Checkout>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "ferry-eviction-"));
  for (const name of ["alpha", "beta", "gamma"]) await createSimpleRepo(join(root, "upstream", "octo", `${name}.git`));
  server = await startGitHttpServer({ root: join(root, "upstream"), tokens: [TOKEN] });
  workspaces = new Workspaces({ dataDir: join(root, "data") });
  const prepare = (name: string, taskId: number): Promise<Checkout> =>
    workspaces.prepare({ taskId, repo: { cloneUrl: server.url(`octo/${name}.git`), owner: "octo", name }, base: "main", branch: "agent/x", token: TOKEN });
  checkouts = { alpha: await prepare("alpha", 1), beta: await prepare("beta", 2), gamma: await prepare("gamma", 3) };
  const day = 24 * 3600 * 1000;
  await markUsed(checkouts.alpha.mirrorDir, new Date(Date.now() - 3 * day));
  await markUsed(checkouts.beta.mirrorDir, new Date(Date.now() - 2 * day));
  await markUsed(checkouts.gamma.mirrorDir, new Date(Date.now() - 1 * day));
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);
const names = (mirrors: { mirrorDir: string }[]): string[] => mirrors.map((mirror) => basename(mirror.mirrorDir));

async function endAllTasks(): Promise<void> {
  for (const taskId of [1, 2, 3]) await workspaces.remove(taskId);
}

test("a release that fails (its checkout vanished) still lets go of the mirror, which can then be evicted", async () => {
  await rm(join(root, "data", "tasks", checkouts.alpha.taskId), { recursive: true, force: true });
  await expect(workspaces.release(checkouts.alpha)).rejects.toThrow();
  for (const taskId of [2, 3]) await workspaces.remove(taskId);
  const result = await workspaces.evict(0);
  expect(names(result.evicted)).toContain("alpha.git");
  expect(await exists(checkouts.alpha.mirrorDir)).toBe(false);
});

test("mirrors within the budget are all kept", async () => {
  await endAllTasks();
  const result = await workspaces.evict(Number.MAX_SAFE_INTEGER);
  expect(result.evicted).toEqual([]);
  expect(result.bytesAfter).toBe(result.bytesBefore);
});

test("the least recently used mirrors go first, until the rest fit the budget", async () => {
  await endAllTasks();
  const all = (await workspaces.evict(Number.MAX_SAFE_INTEGER)).bytesBefore;
  const result = await workspaces.evict(all - 1);
  expect(names(result.evicted)).toEqual(["alpha.git"]);
  expect(await exists(checkouts.alpha.mirrorDir)).toBe(false);
  expect(await exists(checkouts.beta.mirrorDir)).toBe(true);
  expect(result.bytesAfter).toBeLessThan(all);
});

test("a budget of zero evicts every mirror no task uses, oldest first", async () => {
  await endAllTasks();
  const result = await workspaces.evict(0);
  expect(names(result.evicted)).toEqual(["alpha.git", "beta.git", "gamma.git"]);
  expect(result.bytesAfter).toBe(0);
});

test("a mirror a task checkout still uses is never evicted", async () => {
  await workspaces.remove(2);
  await workspaces.remove(3);
  const result = await workspaces.evict(0);
  expect(names(result.evicted)).toEqual(["beta.git", "gamma.git"]);
  expect(await exists(checkouts.alpha.mirrorDir)).toBe(true);
});

test("an evicted mirror is created again by the next prepare", async () => {
  await endAllTasks();
  await workspaces.evict(0);
  const again = await workspaces.prepare({ taskId: 4, repo: checkouts.beta.repo, base: "main", branch: "agent/y", token: TOKEN });
  expect(again.mirrorDir).toBe(checkouts.beta.mirrorDir);
  expect(await exists(join(again.mirrorDir, "HEAD"))).toBe(true);
});
