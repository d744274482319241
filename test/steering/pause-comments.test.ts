import { expect, test } from "@jest/globals";
import { renderApprovalRequest, renderQuestion } from "../../src/steering/pause-comments.ts";

const window = { deadline: new Date("2025-01-01T13:00:00.000Z"), waitMs: 60 * 60_000 };

test("an approval request quotes the command and its pattern, and says how to approve, until when, and how to stop", () => {
  expect(renderApprovalRequest({ command: "npm install left-pad", pattern: "npm install *" }, window)).toBe(
    [
      "✋ **Approval needed.** The agent wants to run this command, which matches `npm install *` in `commands.approve`:",
      "",
      "```sh",
      "npm install left-pad",
      "```",
      "",
      "Someone with write access can reply `/agent approve` to let it run. Ferry waits until 2025-01-01 13:00 UTC (60 minutes); " +
        "after that the agent carries on without it. `/agent stop` cancels the task.",
    ].join("\n"),
  );
});

test("a question is quoted as the agent's words, with who may answer, until when, and how to stop", () => {
  expect(renderQuestion("Which API version?\n\nv2 or v3?", window)).toBe(
    [
      "❓ **The agent has a question.** Ferry's agent, working on this issue, asks:",
      "",
      "> Which API version?",
      ">",
      "> v2 or v3?",
      "",
      "The next comment from someone with write access to this repository is taken as the answer. " +
        "Ferry waits until 2025-01-01 13:00 UTC (60 minutes); after that the agent carries on with its best judgement. " +
        "`/agent stop` cancels the task.",
    ].join("\n"),
  );
});

test("a command with a code fence in it cannot close the block around it", () => {
  const body = renderApprovalRequest({ command: "echo '```' && npm install x", pattern: "npm install *" }, window);
  expect(body).toContain("````sh\necho '```' && npm install x\n````");
});
