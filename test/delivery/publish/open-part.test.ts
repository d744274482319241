import { describe, expect, test } from "@jest/globals";
import { openPart } from "../../../src/delivery/publish/open-part.ts";
import { publishRequest } from "./publish-fixtures.ts";
import { recordingGitHub, recordingLog } from "./support/recording-github.ts";

const desired = { title: "Add rate limiting", base: "main", body: "<!-- ferry:task=12 pr -->" };
const head = "agent/issue-42/part-1";

describe("opening a part's pull request", () => {
  test("a task nobody requested (a sweep's) opens the pull request and asks no one to review", async () => {
    const { github, writes } = recordingGitHub();

    const pull = await openPart(github, publishRequest(1, { requester: undefined }), head, desired, undefined);

    expect(pull.number).toBe(101);
    expect(writes.map((write) => write.call)).toEqual(["createPull"]);
  });

  test("the requester is asked to review that pull request", async () => {
    const { github, writes } = recordingGitHub();

    await openPart(github, publishRequest(1), head, desired, undefined);

    expect(writes[1]).toEqual({ call: "requestReviewers", target: 101, changes: ["alice"] });
  });

  test("the operator's log names the pull request opened, and a reviewer GitHub refused with GitHub's reason", async () => {
    const { github } = recordingGitHub([], { review: { kind: "refused", reason: "not a collaborator" } });
    const { log, lines } = recordingLog();

    await openPart(github, publishRequest(1), head, desired, log);

    expect(lines).toEqual([
      { level: "info", fields: { pull: 101, head }, message: "opened a stack part" },
      { level: "warn", fields: { pull: 101, reviewer: "alice", error: "not a collaborator" }, message: "GitHub refused the requester as reviewer" },
    ]);
  });

  test("a reviewer GitHub refused still leaves the pull request, without a log to write to", async () => {
    const { github } = recordingGitHub([], { review: { kind: "refused", reason: "not a collaborator" } });

    expect((await openPart(github, publishRequest(1), head, desired, undefined)).number).toBe(101);
  });

  test("a reviewer GitHub accepted logs no warning", async () => {
    const { github } = recordingGitHub();
    const { log, lines } = recordingLog();

    await openPart(github, publishRequest(1), head, desired, log);

    expect(lines.map((line) => line.level)).toEqual(["info"]);
  });
});
