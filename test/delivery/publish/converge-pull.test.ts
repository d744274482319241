import { describe, expect, test } from "@jest/globals";
import { convergePull } from "../../../src/delivery/publish/converge-pull.ts";
import { pullRequest, recordingGitHub } from "./support/recording-github.ts";

const where = { owner: "octo", repo: "app" };
const desired = { title: "Add rate limiting (2/2)", base: "agent/issue-42/part-1", body: "<!-- ferry:task=12 pr -->\nPart 2" };
/** Part 2 as GitHub has it when it is already what Ferry wants. */
const current = () => pullRequest({ number: 102, head: "agent/issue-42/part-2", base: desired.base, title: desired.title, body: desired.body });

describe("bringing a part's pull request to what it should be", () => {
  test("a part already as it should be is unchanged and costs no write", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, current(), desired)).toBe("unchanged");
    expect(writes).toEqual([]);
  });

  test("a label someone renamed to Ferry's in another case still counts as Ferry's label", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, { ...current(), labels: ["Ferry"] }, desired)).toBe("unchanged");
    expect(writes).toEqual([]);
  });

  test("a new title alone is one pull request write, and the part is updated", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, { ...current(), title: "old" }, desired)).toBe("updated");
    expect(writes).toEqual([{ call: "updatePull", target: 102, changes: { title: desired.title } }]);
  });

  test("a part that lost its label and has a new title gets both in one issue write, people's labels kept", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, { ...current(), title: "old", labels: ["needs-design"] }, desired)).toBe("updated");
    expect(writes).toEqual([{ call: "updateIssue", target: 102, changes: { title: desired.title, labels: ["needs-design", "ferry"] } }]);
  });

  test("a part that only lost its label is updated with the label alone", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, { ...current(), labels: [] }, desired)).toBe("updated");
    expect(writes).toEqual([{ call: "updateIssue", target: 102, changes: { labels: ["ferry"] } }]);
  });

  test("a part moved to another base only is moved back, and is updated", async () => {
    const { github, writes } = recordingGitHub();

    expect(await convergePull(github, where, { ...current(), base: "main" }, desired)).toBe("updated");
    expect(writes).toEqual([{ call: "updatePull", target: 102, changes: { base: desired.base } }]);
  });

  test("a part whose body GitHub has as empty (null) gets the body", async () => {
    const { github, writes } = recordingGitHub();

    await convergePull(github, where, { ...current(), body: null }, desired);

    expect(writes).toEqual([{ call: "updatePull", target: 102, changes: { body: desired.body } }]);
  });
});
