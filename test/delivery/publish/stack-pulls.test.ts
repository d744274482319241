import { expect, test } from "@jest/globals";
import { findStackPulls } from "../../../src/delivery/publish/stack-pulls.ts";
import { pullRequest, recordingGitHub } from "./support/recording-github.ts";

const where = { owner: "octo", repo: "app" };

// Two open pull requests for one part (a crash between create and record, or a person's copy):
// every delivery must pick the same one, the first opened, whatever order GitHub lists them in.
test("of two open pull requests for the same part, the lowest-numbered is the part", async () => {
  const { github } = recordingGitHub([pullRequest({ number: 205, head: "agent/issue-42/part-1", base: "main" }), pullRequest({ number: 201, head: "agent/issue-42/part-1", base: "main" })]);

  const found = await findStackPulls(github, where, 42);

  expect([...found].map(([index, pull]) => [index, pull.number])).toEqual([[1, 201]]);
});

test("an open pull request on a branch that is not a part is skipped", async () => {
  const { github } = recordingGitHub([pullRequest({ number: 9, head: "feature/login", base: "main" }), pullRequest({ number: 10, head: "agent/issue-42/part-1", base: "main" })]);

  const found = await findStackPulls(github, where, 42);

  expect([...found].map(([index, pull]) => [index, pull.number])).toEqual([[1, 10]]);
});
