import { describe, expect, test } from "@jest/globals";
import { closeExtraPart } from "../../../src/delivery/publish/close-extra-part.ts";
import { pullRequest, recordingGitHub, recordingLog } from "./support/recording-github.ts";

const where = { owner: "octo", repo: "app" };
const branch = "agent/issue-42/part-2";
const extra = pullRequest({ number: 102, head: branch, base: "agent/issue-42/part-1", sha: "f".repeat(40) });
const ferryPushed = async () => "f".repeat(40);

describe("closing a part a rerun no longer has", () => {
  test("a stack folded into one part says so in the singular", async () => {
    const { github, writes } = recordingGitHub();

    await closeExtraPart(github, where, extra, [101], ferryPushed, undefined);

    expect(writes[0]).toEqual({
      call: "createComment",
      target: 102,
      changes: "Ferry split this change again, into 1 part, and this part was folded into the new stack: #101. Closing this one.",
    });
  });

  test("a stack of several parts says parts, each linked", async () => {
    const { github, writes } = recordingGitHub();

    await closeExtraPart(github, where, extra, [101, 103], ferryPushed, undefined);

    expect(writes[0]?.changes).toBe("Ferry split this change again, into 2 parts, and this part was folded into the new stack: #101, #103. Closing this one.");
  });

  test("a kept branch is closed the same without a log to write to", async () => {
    const { github, writes } = recordingGitHub();
    const foreign = { ...extra, head: { ...extra.head, sha: "9".repeat(40) } };

    expect(await closeExtraPart(github, where, foreign, [101], ferryPushed, undefined)).toBe(false);
    expect(writes.map((write) => write.call)).toEqual(["createComment", "updatePull"]);
  });

  test("the operator's log names the pull request closed and its deleted branch", async () => {
    const { github } = recordingGitHub();
    const { log, lines } = recordingLog();

    expect(await closeExtraPart(github, where, extra, [101], ferryPushed, log)).toBe(true);
    expect(lines).toEqual([{ level: "info", fields: { pull: 102, branch }, message: "closed a part the new stack no longer has" }]);
  });

  test("the operator's log names a kept branch and the foreign commit at its tip", async () => {
    const { github } = recordingGitHub();
    const { log, lines } = recordingLog();
    const foreign = { ...extra, head: { ...extra.head, sha: "9".repeat(40) } };

    expect(await closeExtraPart(github, where, foreign, [101], ferryPushed, log)).toBe(false);
    expect(lines).toEqual([{ level: "warn", fields: { pull: 102, branch, tip: "9".repeat(40) }, message: "kept the branch of a closed part: its tip is not Ferry's" }]);
  });
});
