import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { execa } from "execa";
import type { Checkout } from "../../src/workspace/checkout.ts";
import { fixtureGit } from "../helpers/git-fixtures.ts";
import { testAsRoot } from "../helpers/needs-root.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

let fixture: WorkspaceFixture;
let checkout: Checkout;
beforeEach(async () => {
  fixture = await workspaceFixture();
  checkout = await fixture.prepare({ branch: "agent/issue-12" });
});
afterEach(() => fixture.close());

const bot = { name: "ferry[bot]", email: "123+ferry[bot]@users.noreply.github.com" };
const requester = { name: "Mona Lisa", email: "mona@example.com" };

test("a commit is authored and committed by the bot identity", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  const result = await fixture.workspaces.commit(checkout, { message: "Add new.js", author: bot });
  if (result.outcome !== "committed") throw new Error(`expected a commit, got ${result.outcome}`);
  const identities = await fixtureGit(checkout.gitDir, ["show", "-s", "--format=%an <%ae>|%cn <%ce>", result.sha]);
  expect(identities).toBe(`${bot.name} <${bot.email}>|${bot.name} <${bot.email}>`);
});

test("the requester is credited with a Co-authored-by trailer", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  const result = await fixture.workspaces.commit(checkout, { message: "Add new.js\n\nBecause #12 asked.", author: bot, coAuthor: requester });
  const message = await fixtureGit(checkout.gitDir, ["show", "-s", "--format=%B", result.sha]);
  expect(message).toBe("Add new.js\n\nBecause #12 asked.\n\nCo-authored-by: Mona Lisa <mona@example.com>");
  const trailers = await fixtureGit(checkout.gitDir, ["show", "-s", "--format=%(trailers:key=Co-authored-by,valueonly)", result.sha]);
  expect(trailers).toBe("Mona Lisa <mona@example.com>");
});

test("a commit moves the task branch and has the base as its parent", async () => {
  await editFiles(checkout.workDir, { "README.md": null });
  const result = await fixture.workspaces.commit(checkout, { message: "Remove README", author: bot });
  expect(result).toEqual({ outcome: "committed", sha: expect.stringMatching(/^[0-9a-f]{40}$/), parentSha: fixture.initialSha });
  expect(await fixtureGit(checkout.gitDir, ["rev-parse", "refs/heads/agent/issue-12"])).toBe(result.sha);
  expect(await fixtureGit(checkout.gitDir, ["ls-tree", "--name-only", result.sha])).not.toContain("README.md");
});

test("committing an unchanged tree reports no changes and keeps the branch where it was", async () => {
  const result = await fixture.workspaces.commit(checkout, { message: "Nothing", author: bot });
  expect(result).toEqual({ outcome: "no-changes", sha: fixture.initialSha });
  expect(await fixtureGit(checkout.gitDir, ["rev-parse", "refs/heads/agent/issue-12"])).toBe(fixture.initialSha);
});

test("a second commit builds on the first", async () => {
  await editFiles(checkout.workDir, { "a.txt": "a\n" });
  const first = await fixture.workspaces.commit(checkout, { message: "First", author: bot });
  await editFiles(checkout.workDir, { "b.txt": "b\n" });
  const second = await fixture.workspaces.commit(checkout, { message: "Second", author: bot });
  expect(second).toMatchObject({ outcome: "committed", parentSha: first.sha });
});

test("an identity that would break the Name <email> form is refused", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  const forged = { name: "Mona\nCo-authored-by: Someone", email: "mona@example.com" };
  await expect(fixture.workspaces.commit(checkout, { message: "Add", author: bot, coAuthor: forged })).rejects.toThrow("Invalid commit request: coAuthor.name");
});

test("an empty commit message is refused", async () => {
  await expect(fixture.workspaces.commit(checkout, { message: "  \n", author: bot })).rejects.toThrow("a commit needs a message");
});

// Changing a file's owner needs root; elsewhere there is no sandbox user to imitate.
testAsRoot("files owned by the sandbox user are committed as they are", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  // What the Docker sandbox does when Ferry runs as root.
  await execa("chown", ["-R", "1000:1000", checkout.workDir]);
  const result = await fixture.workspaces.commit(checkout, { message: "Add new.js", author: bot });
  expect(result.outcome).toBe("committed");
  expect(await fixtureGit(checkout.gitDir, ["show", `${result.sha}:src/new.js`])).toBe("one");
});
