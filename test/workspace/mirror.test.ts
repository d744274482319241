import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { join } from "node:path";
import { GitError } from "../../src/workspace/git.ts";
import { BaseBranchNotFoundError, WorkspaceInputError } from "../../src/workspace/workspace-errors.ts";
import { addCommits, fixtureGit } from "../helpers/git-fixtures.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";

let fixture: WorkspaceFixture;
beforeEach(async () => {
  fixture = await workspaceFixture();
});
afterEach(() => fixture.close());

const mirrorDir = (): string => join(fixture.dataDir, "mirrors", new URL(fixture.repo.cloneUrl).host, "octo", "hello.git");

/** Small fetches stay loose objects (below fetch.unpackLimit), so their count shows what a fetch brought. */
async function looseObjects(gitDir: string): Promise<number> {
  const counts = await fixtureGit(gitDir, ["count-objects", "-v"]);
  return Number(/^count: (\d+)$/m.exec(counts)?.[1]);
}

test("the first prepare creates a bare mirror at mirrors/<host>/<owner>/<repo>.git", async () => {
  const checkout = await fixture.prepare();
  expect(checkout.mirrorDir).toBe(mirrorDir());
  expect(await fixtureGit(mirrorDir(), ["rev-parse", "--is-bare-repository"])).toBe("true");
  expect(await fixtureGit(mirrorDir(), ["rev-parse", "refs/heads/main"])).toBe(fixture.initialSha);
});

test("a later prepare fetches only the new upstream commit into the same mirror", async () => {
  await fixture.prepare({ taskId: 1 });
  // Survives only if the mirror is reused rather than made again.
  await fixtureGit(mirrorDir(), ["config", "test.kept", "yes"]);
  const before = await looseObjects(mirrorDir());
  const [newSha] = await addCommits(fixture.upstream, [{ message: "Upstream moves on", files: { "NEWS.md": "news\n" } }]);

  const second = await fixture.prepare({ taskId: 2 });

  expect(second.baseSha).toBe(newSha);
  expect(await fixtureGit(mirrorDir(), ["config", "test.kept"])).toBe("yes");
  // The new commit, its tree and the new file; nothing fetched again.
  expect((await looseObjects(mirrorDir())) - before).toBe(3);
});

test("the mirror's remote URL is the clone URL without credentials, fetching branches only", async () => {
  await fixture.prepare();
  expect(await fixtureGit(mirrorDir(), ["config", "remote.origin.url"])).toBe(fixture.repo.cloneUrl);
  expect(await fixtureGit(mirrorDir(), ["config", "--get-all", "remote.origin.fetch"])).toBe("+refs/heads/*:refs/heads/*");
});

test("the mirror never prunes objects that checkouts borrow", async () => {
  await fixture.prepare();
  expect(await fixtureGit(mirrorDir(), ["config", "gc.auto"])).toBe("0");
  expect(await fixtureGit(mirrorDir(), ["config", "gc.pruneExpire"])).toBe("never");
});

test("every request to the git server carries the token as Basic auth", async () => {
  await fixture.prepare();
  expect(fixture.server.requests.length).toBeGreaterThan(0);
  expect(fixture.server.requests.filter((request) => request.auth !== "valid")).toEqual([]);
});

test("a wrong token fails with git's reason and without the token in the message", async () => {
  const wrong = "ghs_wrongtoken1234567890";
  const failure = fixture.prepare({ token: wrong });
  await expect(failure).rejects.toThrow(GitError);
  const error = (await failure.catch((caught: unknown) => caught)) as GitError;
  expect(error.message).toMatch(/git fetch failed: .*(Authentication failed|could not read Username)/s);
  expect(error.message).not.toContain(wrong);
  expect(error.message).not.toContain(Buffer.from(`x-access-token:${wrong}`).toString("base64"));
});

test("a first fetch that fails leaves no mirror behind", async () => {
  await fixture.prepare({ token: "ghs_wrong" }).catch(() => undefined);
  await expect(fixtureGit(mirrorDir(), ["rev-parse", "--git-dir"])).rejects.toThrow();
});

test("a base branch that does not exist fails naming the branch", async () => {
  const failure = fixture.prepare({ base: "develop" });
  await expect(failure).rejects.toThrow(BaseBranchNotFoundError);
  await expect(failure).rejects.toThrow('The base branch "develop" does not exist in octo/hello');
});

test("a clone URL with credentials in it is refused before git runs", async () => {
  const repo = { ...fixture.repo, cloneUrl: fixture.repo.cloneUrl.replace("http://", "http://user:secret@") };
  await expect(fixture.prepare({ repo })).rejects.toThrow(WorkspaceInputError);
  expect(fixture.server.requests).toEqual([]);
});

test("a task branch name git would refuse is rejected", async () => {
  await expect(fixture.prepare({ branch: "agent/..bad" })).rejects.toThrow('"agent/..bad" is not a valid branch name');
});

test("two tasks of the same repository can prepare at the same time", async () => {
  const [first, second] = await Promise.all([fixture.prepare({ taskId: 1 }), fixture.prepare({ taskId: 2, branch: "agent/issue-2" })]);
  expect([first.baseSha, second.baseSha]).toEqual([fixture.initialSha, fixture.initialSha]);
  expect(first.mirrorDir).toBe(second.mirrorDir);
});
