import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { execa } from "execa";
import { GitError, runGit } from "../../src/workspace/git.ts";
import { Workspaces } from "../../src/workspace/workspaces.ts";
import { startHangingServer } from "./support/hanging-server.ts";
import { tempDir } from "../tasks/support/temp-dir.ts";

let hanging: Awaited<ReturnType<typeof startHangingServer>>;
let data: ReturnType<typeof tempDir>;
beforeEach(async () => {
  hanging = await startHangingServer();
  data = tempDir();
});
afterEach(async () => {
  await hanging.close();
  data.remove();
});

const repo = (): { cloneUrl: string; owner: string; name: string } => ({ cloneUrl: hanging.url, owner: "octo", name: "hangs" });

test("a fetch from a server that never answers is stopped at the deadline with a clear error", async () => {
  const workspaces = new Workspaces({ dataDir: data.path, timeouts: { fetchMs: 800 } });
  const failure = workspaces.prepare({ taskId: 1, repo: repo(), base: "main", branch: "agent/x", token: "ghs_hang" });
  await expect(failure).rejects.toThrow(GitError);
  await expect(failure).rejects.toThrow("git fetch did not finish within 800 ms and was stopped");
  await expect(failure).rejects.toMatchObject({ failure: "timed-out", command: "fetch" });
});

test("a stopped git leaves no remote helper running", async () => {
  await runGit(["ls-remote", hanging.url], { token: "ghs_hang", timeoutMs: 500 }).catch(() => undefined);
  const helpers = await execa("pgrep", ["-f", `remote-http ${hanging.url}`], { reject: false });
  expect(helpers.stdout).toBe("");
});

test("aborting the signal cancels a running git", async () => {
  const controller = new AbortController();
  const call = runGit(["ls-remote", hanging.url], { token: "ghs_hang", timeoutMs: 60_000, signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  await expect(call).rejects.toMatchObject({ failure: "cancelled", message: "git ls-remote was cancelled" });
});

test("a prepare whose signal is already aborted fails as cancelled", async () => {
  const controller = new AbortController();
  controller.abort();
  const workspaces = new Workspaces({ dataDir: data.path });
  const failure = workspaces.prepare({ taskId: 1, repo: repo(), base: "main", branch: "agent/x", token: "ghs_hang", signal: controller.signal });
  await expect(failure).rejects.toMatchObject({ failure: "cancelled" });
});
