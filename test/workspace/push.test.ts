import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Checkout } from "../../src/workspace/checkout.ts";
import { addCommits, fixtureGit, tipOf } from "../helpers/git-fixtures.ts";
import type { GitHttpRequest } from "../helpers/git-http-server.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

const bot = { name: "ferry[bot]", email: "123+ferry[bot]@users.noreply.github.com" };

let fixture: WorkspaceFixture;
let checkout: Checkout;
/** Runs once, before the next receive-pack advertisement is served. */
let beforePush: (() => Promise<void>) | undefined;

beforeEach(async () => {
  const beforeServe = async (request: GitHttpRequest): Promise<void> => {
    if (request.service !== "git-receive-pack" || request.method !== "GET" || !beforePush) return;
    const step = beforePush;
    beforePush = undefined;
    await step();
  };
  fixture = await workspaceFixture({ beforeServe });
  checkout = await fixture.prepare({ branch: "agent/issue-1" });
});
afterEach(() => fixture.close());

async function commitFile(path: string, content: string): Promise<string> {
  await editFiles(checkout.workDir, { [path]: content });
  const result = await fixture.workspaces.commit(checkout, { message: `Write ${path}`, author: bot });
  return result.sha;
}

test("two branches go up in one atomic push and are visible upstream", async () => {
  const part1 = await commitFile("one.txt", "1\n");
  const part2 = await commitFile("two.txt", "2\n");
  const result = await fixture.workspaces.push(
    checkout,
    [
      { name: "agent/issue-1/part-1", sha: part1 },
      { name: "agent/issue-1/part-2", sha: part2 },
    ],
    { token: fixture.token },
  );
  expect(result).toEqual({
    outcome: "pushed",
    branches: [
      { name: "agent/issue-1/part-1", sha: part1, previousSha: null },
      { name: "agent/issue-1/part-2", sha: part2, previousSha: null },
    ],
  });
  expect(await tipOf(fixture.upstream, "agent/issue-1/part-1")).toBe(part1);
  expect(await tipOf(fixture.upstream, "agent/issue-1/part-2")).toBe(part2);
  // One push: a single receive-pack advertisement.
  const advertisements = fixture.server.requests.filter((request) => request.method === "GET" && request.service === "git-receive-pack");
  expect(advertisements).toHaveLength(1);
});

test("pushing an updated branch again replaces it upstream", async () => {
  const first = await commitFile("one.txt", "1\n");
  await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: first }], { token: fixture.token });
  // A re-run starts over from the base: the new commit does not descend from the pushed one.
  const rerun = await fixture.prepare({ taskId: 2, branch: "agent/issue-1" });
  await editFiles(rerun.workDir, { "other.txt": "x\n" });
  const replacement = await fixture.workspaces.commit(rerun, { message: "Another attempt", author: bot });

  const result = await fixture.workspaces.push(rerun, [{ name: "agent/issue-1", sha: replacement.sha }], { token: fixture.token });

  expect(result).toMatchObject({ outcome: "pushed", branches: [{ name: "agent/issue-1", previousSha: first }] });
  expect(await tipOf(fixture.upstream, "agent/issue-1")).toBe(replacement.sha);
});

test("a branch someone moved after it was read is not overwritten, and the result names it", async () => {
  const mine = await commitFile("one.txt", "1\n");
  const [theirs] = await addCommits(fixture.upstream, [{ message: "A human pushes", branch: "agent/issue-1/part-2", from: fixture.initialSha, files: { "h.txt": "h\n" } }]);
  // Between Ferry's ls-remote and its push, someone pushes to part-2 again.
  let moved: string | undefined;
  beforePush = async () => {
    [moved] = await addCommits(fixture.upstream, [{ message: "And again", branch: "agent/issue-1/part-2", files: { "h.txt": "h2\n" } }]);
  };

  const result = await fixture.workspaces.push(
    checkout,
    [
      { name: "agent/issue-1/part-1", sha: mine },
      { name: "agent/issue-1/part-2", sha: mine },
    ],
    { token: fixture.token },
  );

  expect(result).toEqual({ outcome: "stale", branches: ["agent/issue-1/part-2"], message: expect.stringContaining("agent/issue-1/part-2") });
  expect(await tipOf(fixture.upstream, "agent/issue-1/part-1")).toBeUndefined();
  expect(theirs).toBeDefined();
  expect(moved).toBeDefined();
  expect(await tipOf(fixture.upstream, "agent/issue-1/part-2")).toBe(moved);
});

test("an expected value the remote no longer has is a stale lease", async () => {
  const mine = await commitFile("one.txt", "1\n");
  await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: mine }], { token: fixture.token });
  const [human] = await addCommits(fixture.upstream, [{ message: "Human fix", branch: "agent/issue-1", files: { "fix.txt": "f\n" } }]);
  const next = await commitFile("two.txt", "2\n");

  const result = await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: next, expected: mine }], { token: fixture.token });

  expect(result).toMatchObject({ outcome: "stale", branches: ["agent/issue-1"] });
  expect(await tipOf(fixture.upstream, "agent/issue-1")).toBe(human);
});

test("expecting a branch not to exist protects one that does", async () => {
  const mine = await commitFile("one.txt", "1\n");
  await addCommits(fixture.upstream, [{ message: "Someone else's", branch: "agent/issue-1", from: fixture.initialSha, files: { "x.txt": "x\n" } }]);
  const result = await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: mine, expected: null }], { token: fixture.token });
  expect(result).toMatchObject({ outcome: "stale", branches: ["agent/issue-1"] });
});

test("a push with a wrong token fails without the token in the message", async () => {
  const mine = await commitFile("one.txt", "1\n");
  const wrong = "ghs_notthetoken0000";
  const failure = fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: mine }], { token: wrong });
  await expect(failure).rejects.toThrow(/git ls-remote failed/);
  await expect(failure).rejects.not.toThrow(wrong);
});

test("deleting a branch removes it upstream", async () => {
  const mine = await commitFile("one.txt", "1\n");
  await fixture.workspaces.push(checkout, [{ name: "agent/issue-1/part-3", sha: mine }], { token: fixture.token });
  const result = await fixture.workspaces.deleteBranch(checkout, "agent/issue-1/part-3", { token: fixture.token });
  expect(result).toEqual({ outcome: "deleted", previousSha: mine });
  expect(await tipOf(fixture.upstream, "agent/issue-1/part-3")).toBeUndefined();
});

test("deleting a branch that is already gone succeeds without pushing", async () => {
  const result = await fixture.workspaces.deleteBranch(checkout, "agent/issue-1/part-9", { token: fixture.token });
  expect(result).toEqual({ outcome: "absent" });
  expect(fixture.server.requests.filter((request) => request.service === "git-receive-pack")).toEqual([]);
});

test("the base branch upstream is untouched by pushes of task branches", async () => {
  const mine = await commitFile("one.txt", "1\n");
  await fixture.workspaces.push(checkout, [{ name: "agent/issue-1", sha: mine }], { token: fixture.token });
  expect(await fixtureGit(fixture.upstream, ["rev-parse", "refs/heads/main"])).toBe(fixture.initialSha);
});
