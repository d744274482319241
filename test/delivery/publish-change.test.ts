import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AgentOutcome } from "../../src/tasks/agent-outcome.ts";
import { publishChange } from "../../src/delivery/publish-change.ts";
import type { BuiltStack } from "../../src/delivery/stack/build-stack.ts";
import { commitStack } from "../../src/delivery/stack/commit-stack.ts";
import { prefixTrees } from "../../src/delivery/stack/prefix-trees.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";
import { runGit } from "../../src/workspace/git.ts";
import { addCommits } from "../helpers/git-fixtures.ts";
import { githubApi } from "../helpers/github-api.ts";
import { fakePulls } from "../helpers/github-pulls.ts";
import type { StackFixture } from "./stack/support/stack-fixture.ts";
import { deadline, slicesOf, stackFixture } from "./stack/support/stack-fixture.ts";

const tests = { command: "npm test", passed: true, exitCode: 0, timedOut: false, durationMs: 5, output: "ok" };
const spend = { steps: 3, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5, reasoningTokens: 0, costUsd: 0.01, minutes: 1 };
const outcome: Extract<AgentOutcome, { outcome: "changes-ready" }> = { outcome: "changes-ready", summary: "Adds a and b.", tests, files: [], weakening: [], spend };

let fixture: StackFixture;
let store: SqliteStore;
let taskId: number;
beforeEach(async () => {
  fixture = await stackFixture({ "README.md": "hello\n" });
  await writeFile(join(fixture.checkout.workDir, "a.txt"), "a\n");
  await writeFile(join(fixture.checkout.workDir, "b.txt"), "b\n");
  store = new SqliteStore({ dataDir: ":memory:" });
  const repo = { owner: "local", name: "project", installationId: 1, cloneUrl: fixture.checkout.repo.cloneUrl, defaultBranch: "main" };
  taskId = (await store.createTask({ repo, issueNumber: 7, trigger: "label", requester: "monalisa" })).task.id;
});
afterEach(async () => {
  await store.close();
  await fixture.close();
});

async function twoParts(): Promise<BuiltStack> {
  const { checkout } = fixture;
  const { tree, files } = await fixture.freeze();
  const slices = slicesOf(files, [["a.txt"], ["b.txt"]]);
  const trees = await prefixTrees(checkout, tree, slices, deadline);
  const committed = await commitStack(
    { checkout, issueNumber: 7, slices, prefixes: trees.prefixes, message: (k, n) => `Part ${k}/${n}`, author: { name: "Ferry", email: "ferry@example.com" } },
    deadline,
  );
  return { outcome: "passed", parts: committed.map((part) => ({ ...part, check: tests })), merges: [] };
}

function deliver(stack: BuiltStack) {
  return publishChange(
    { workspaces: fixture.workspaces, client: octokitPlatform(new Octokit({ auth: "token", request: { retries: 0 } })), store },
    {
      owner: "local", repo: "project", taskId, issue: { number: 7, title: "Add a and b" }, requester: "monalisa", base: "main", draft: true,
      trajectory: { path: "/data/trajectories/task-1/run-1.jsonl" }, checkout: fixture.checkout, stack, outcome, token: "unused", signal: new AbortController().signal,
    },
  );
}

function expectFirstDelivery() {
  const pulls = fakePulls("local", "project");
  const scope = githubApi();
  pulls.expectList(scope);
  for (const number of [11, 12]) {
    pulls.expectCreate(scope, number);
    pulls.expectReviewRequest(scope, number);
  }
  for (const number of [11, 12]) pulls.expectIssuePatch(scope, number);
  return pulls;
}

test("a delivery pushes every part, opens its pull requests on each other, and records them", async () => {
  const pulls = expectFirstDelivery();
  const stack = await twoParts();
  const delivered = await deliver(stack);
  expect(delivered.outcome).toBe("published");
  expect(pulls.open().map((pull) => [pull.number, pull.head, pull.base])).toEqual([
    [11, "agent/issue-7/part-1", "main"],
    [12, "agent/issue-7/part-2", "agent/issue-7/part-1"],
  ]);
  expect((await store.partsOf(taskId)).map((part) => [part.index, part.number, part.headSha])).toEqual([
    [1, 11, stack.parts[0]?.sha],
    [2, 12, stack.parts[1]?.sha],
  ]);
});

test("a part someone pushed to since Ferry's delivery is not overwritten, and no pull request is touched", async () => {
  expectFirstDelivery();
  const stack = await twoParts();
  await deliver(stack);
  const upstream = fileURLToPath(fixture.checkout.repo.cloneUrl);
  const [theirs] = await addCommits(upstream, [{ message: "Maintainer fix", branch: "agent/issue-7/part-1", files: { "a.txt": "theirs\n" } }]);
  const again = await deliver(stack);
  expect(again).toMatchObject({ outcome: "not-pushed" });
  expect(again.outcome === "not-pushed" && again.message).toContain("agent/issue-7/part-1 has a commit Ferry did not push");
  expect((await runGit(["rev-parse", "agent/issue-7/part-1"], { gitDir: upstream, timeoutMs: 10_000 })).stdout.trim()).toBe(theirs);
});

test("every pushed branch is recorded as Ferry's, per repository: the lease of its next push", async () => {
  expectFirstDelivery();
  const stack = await twoParts();
  await deliver(stack);
  expect(await store.pushedSha("local", "project", "agent/issue-7/part-1")).toBe(stack.parts[0]?.sha);
  expect(await store.pushedSha("local", "project", "agent/issue-7/part-2")).toBe(stack.parts[1]?.sha);
});

test("a branch Ferry never pushed is not overwritten, even on a first delivery", async () => {
  const upstream = fileURLToPath(fixture.checkout.repo.cloneUrl);
  const [theirs] = await addCommits(upstream, [{ message: "Someone's work", branch: "agent/issue-7/part-1", files: { "a.txt": "theirs\n" } }]);
  const delivered = await deliver(await twoParts());
  expect(delivered.outcome === "not-pushed" && delivered.message).toContain("agent/issue-7/part-1 already exists (at");
  expect(delivered.outcome === "not-pushed" && delivered.message).toContain("Ferry did not push it");
  expect((await runGit(["rev-parse", "agent/issue-7/part-1"], { gitDir: upstream, timeoutMs: 10_000 })).stdout.trim()).toBe(theirs);
});

test("a branch Ferry pushed and someone deleted since is pushed again", async () => {
  expectFirstDelivery();
  const stack = await twoParts();
  await deliver(stack);
  const upstream = fileURLToPath(fixture.checkout.repo.cloneUrl);
  await runGit(["update-ref", "-d", "refs/heads/agent/issue-7/part-2"], { gitDir: upstream, timeoutMs: 10_000 });
  const pulls = fakePulls("local", "project");
  const scope = githubApi();
  pulls.expectList(scope);
  for (const number of [21, 22]) {
    pulls.expectCreate(scope, number);
    pulls.expectReviewRequest(scope, number);
  }
  for (const number of [21, 22]) pulls.expectIssuePatch(scope, number);
  const again = await deliver(stack);
  expect(again.outcome).toBe("published");
  expect((await runGit(["rev-parse", "agent/issue-7/part-2"], { gitDir: upstream, timeoutMs: 10_000 })).stdout.trim()).toBe(stack.parts[1]?.sha);
});
