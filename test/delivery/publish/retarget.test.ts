import { describe, expect, test } from "@jest/globals";
import { retargetAfterMerge, type ClosedPull } from "../../../src/delivery/publish/retarget.ts";
import { pullRequest, recordingGitHub, recordingLog } from "./support/recording-github.ts";

const where = { owner: "octo", repo: "app" };
const part = (issue: number, index: number) => `agent/issue-${issue}/part-${index}`;

/** Part 1 of issue 5's stack, merged into main. */
const mergedPart1: ClosedPull = { merged: true, body: "<!-- ferry:task=5 pr -->", head: { ref: part(5, 1), repoFullName: "octo/app" }, base: { ref: "main" } };

describe("retargeting the part above a merged part", () => {
  test("only the part based on the merged branch moves, and its number is returned", async () => {
    const { github, writes } = recordingGitHub([
      pullRequest({ number: 12, head: part(5, 2), base: part(5, 1) }),
      pullRequest({ number: 13, head: part(5, 3), base: part(5, 2) }),
    ]);

    const moved = await retargetAfterMerge(github, where, mergedPart1);

    expect(moved).toEqual([12]);
    expect(writes).toEqual([{ call: "updatePull", target: 12, changes: { base: "main" } }]);
  });

  test("a closed pull request on the merged branch is not reopened onto main", async () => {
    const { github, writes } = recordingGitHub([pullRequest({ number: 12, head: part(5, 2), base: part(5, 1), state: "closed" })]);

    expect(await retargetAfterMerge(github, where, mergedPart1)).toEqual([]);
    expect(writes).toEqual([]);
  });

  test.each([
    ["a fork's pull request with Ferry's marker and a part branch name", { headRepo: "mallory/app" }],
    ["a pull request from the issue's part branch without Ferry's marker", { body: "my own follow-up" }],
    ["Ferry's part of another issue stacked on it", { head: part(6, 2) }],
    ["a branch that is not a part branch, with Ferry's marker", { head: "tweak" }],
  ])("%s is left where it is", async (_name, fields) => {
    const { github, writes } = recordingGitHub([pullRequest({ number: 12, head: part(5, 2), base: part(5, 1), ...fields })]);

    expect(await retargetAfterMerge(github, where, mergedPart1)).toEqual([]);
    expect(writes).toEqual([]);
  });

  test.each([
    ["that was not merged", { merged: false }],
    ["whose branch is not a part branch", { head: { ref: "changes", repoFullName: "octo/app" } }],
    ["from a part branch without Ferry's marker", { body: "mine" }],
    ["from a fork's part branch, marker and all", { head: { ref: part(5, 1), repoFullName: "mallory/app" } }],
  ])("a closed pull request %s retargets nothing and asks GitHub nothing", async (_name, fields) => {
    const { github, writes } = recordingGitHub([pullRequest({ number: 12, head: part(5, 2), base: part(5, 1) })]);
    const listed: unknown[] = [];
    const watched = { ...github, listPulls: async (...args: Parameters<typeof github.listPulls>) => (listed.push(args), github.listPulls(...args)) };

    expect(await retargetAfterMerge(watched, where, { ...mergedPart1, ...fields })).toEqual([]);
    expect({ writes, listed }).toEqual({ writes: [], listed: [] });
  });

  test("the operator's log names the pull request moved, from which branch to which", async () => {
    const { github } = recordingGitHub([pullRequest({ number: 12, head: part(5, 2), base: part(5, 1) })]);
    const { log, lines } = recordingLog();

    await retargetAfterMerge(github, where, mergedPart1, log);

    expect(lines).toEqual([{ level: "info", fields: { pull: 12, from: part(5, 1), to: "main" }, message: "retargeted the next part after a merge" }]);
  });
});
