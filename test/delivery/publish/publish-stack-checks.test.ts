import { expect, test } from "@jest/globals";
import { publishStack } from "../../../src/delivery/publish/publish-stack.ts";
import { publishRequest } from "./publish-fixtures.ts";
import { pullRequest, recordingGitHub, recordingLog } from "./support/recording-github.ts";

test("an empty stack is refused before GitHub is asked anything", async () => {
  const { github, writes } = recordingGitHub();

  await expect(publishStack(github, publishRequest(1, { parts: [] }))).rejects.toThrow("publishStack: a stack needs at least one part");
  expect(writes).toEqual([]);
});

test("a part pushed to the wrong branch is refused, naming the part and the branch it needs", async () => {
  const request = publishRequest(2);
  const [first, second] = request.parts;
  if (!first || !second) throw new Error("fixture");

  await expect(publishStack(recordingGitHub().github, { ...request, parts: [first, { ...second, branch: "agent/issue-42/part-9" }] })).rejects.toThrow(
    "publishStack: part 2 must be pushed to agent/issue-42/part-2, not agent/issue-42/part-9",
  );
});

// Part 2 is open (#8) and part 1 is missing: the body part 1 is opened with already lists #8.
test("a part opened below an open part lists that part's number in its first body", async () => {
  const { github, writes } = recordingGitHub([pullRequest({ number: 8, head: "agent/issue-42/part-2", base: "agent/issue-42/part-1", body: "<!-- ferry:task=7 pr -->" })]);

  await publishStack(github, publishRequest(2));

  const created = writes.find((write) => write.call === "createPull")?.changes as { body: string };
  expect(created.body).toContain("2. Part 2: #8");
});

test("a part whose pull request had to change is logged with its number", async () => {
  const request = publishRequest(1);
  const { github } = recordingGitHub([pullRequest({ number: 7, head: "agent/issue-42/part-1", base: "main", title: "Old title" })]);
  const { log, lines } = recordingLog();

  await publishStack(github, request, log);

  expect(lines.filter((line) => line.message === "updated a stack part")).toEqual([{ level: "info", fields: { pull: 7 }, message: "updated a stack part" }]);
});

test("a part opened just now, already as wanted, is not logged as updated", async () => {
  const { github } = recordingGitHub();
  const { log, lines } = recordingLog();

  await publishStack(github, publishRequest(1), log);

  expect(lines.filter((line) => line.message === "updated a stack part")).toEqual([]);
});
