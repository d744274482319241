import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { CommitStackOptions } from "../../../src/delivery/stack/commit-stack.ts";
import { commitStack } from "../../../src/delivery/stack/commit-stack.ts";
import type { StackTrees } from "../../../src/delivery/stack/prefix-trees.ts";
import { prefixTrees } from "../../../src/delivery/stack/prefix-trees.ts";
import { fixtureGit } from "../../helpers/git-fixtures.ts";
import { editFiles } from "../../workspace/support/work-tree.ts";
import type { StackFixture } from "./support/stack-fixture.ts";
import { ISSUE, deadline, slicesOf, stackFixture } from "./support/stack-fixture.ts";

const bot = { name: "ferry[bot]", email: "123+ferry[bot]@users.noreply.github.com" };
const requester = { name: "Mona Lisa", email: "mona@example.com" };

let fixture: StackFixture;
let trees: StackTrees;
let input: CommitStackOptions;
beforeEach(async () => {
  fixture = await stackFixture({ "README.md": "# Project\n", "one.txt": "1\n" });
  await editFiles(fixture.checkout.workDir, { "one.txt": "one\n", "two.txt": "two\n", "README.md": null });
  const { tree, files } = await fixture.freeze();
  const slices = slicesOf(files, [["one.txt"], ["two.txt"], ["README.md"]]);
  trees = await prefixTrees(fixture.checkout, tree, slices, deadline);
  input = { checkout: fixture.checkout, issueNumber: ISSUE, slices, prefixes: trees.prefixes, message: (index, count) => `Part ${index} of ${count}`, author: bot };
});
afterEach(() => fixture.close());

const git = (args: string[]) => fixtureGit(fixture.checkout.gitDir, args);

test("each part's parent is the part before it, and the first part's the base", async () => {
  const parts = await commitStack(input, deadline);
  const parents = await Promise.all(parts.map((part) => git(["rev-parse", `${part.sha}^`])));
  expect(parents).toEqual([fixture.checkout.baseSha, parts[0]?.sha, parts[1]?.sha]);
});

test("each part's tree is its prefix tree", async () => {
  const parts = await commitStack(input, deadline);
  expect(await Promise.all(parts.map((part) => git(["rev-parse", `${part.sha}^{tree}`])))).toEqual(trees.prefixes);
});

test("each part has its branch, pointing at its commit", async () => {
  const parts = await commitStack(input, deadline);
  expect(parts.map((part) => [part.index, part.branch])).toEqual([
    [1, "agent/issue-7/part-1"],
    [2, "agent/issue-7/part-2"],
    [3, "agent/issue-7/part-3"],
  ]);
  expect(await Promise.all(parts.map((part) => git(["rev-parse", `refs/heads/${part.branch}`])))).toEqual(parts.map((part) => part.sha));
});

test("each part carries its slice", async () => {
  const parts = await commitStack(input, deadline);
  expect(parts.map((part) => part.slice)).toEqual(input.slices);
});

test("messages are as given, and the requester is credited on each part", async () => {
  const parts = await commitStack({ ...input, coAuthor: requester }, deadline);
  const messages = await Promise.all(parts.map((part) => git(["show", "-s", "--format=%B", part.sha])));
  expect(messages).toEqual([1, 2, 3].map((index) => `Part ${index} of 3\n\nCo-authored-by: Mona Lisa <mona@example.com>`));
});

test("the bot is author and committer", async () => {
  const [part] = await commitStack(input, deadline);
  expect(await git(["show", "-s", "--format=%an <%ae>|%cn <%ce>", part?.sha ?? ""])).toBe(`${bot.name} <${bot.email}>|${bot.name} <${bot.email}>`);
});

test("the same input with a fixed date gives the same commits", async () => {
  const first = await commitStack({ ...input, date: "2024-05-01T12:00:00Z" }, deadline);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await commitStack({ ...input, date: "2024-05-01T12:00:00Z" }, deadline);
  expect(second.map((part) => part.sha)).toEqual(first.map((part) => part.sha));
  expect(await git(["show", "-s", "--format=%aI|%cI", first[0]?.sha ?? ""])).toBe("2024-05-01T12:00:00+00:00|2024-05-01T12:00:00+00:00");
});

test("an identity that would break the Name <email> form is refused", async () => {
  const forged = { name: "Mona\nCo-authored-by: Someone", email: "mona@example.com" };
  await expect(commitStack({ ...input, coAuthor: forged }, deadline)).rejects.toThrow("Invalid commit request: coAuthor.name");
});
