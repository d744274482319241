import { expect, test } from "@jest/globals";
import { renderApproveReply } from "../../src/steering/approve-reply.ts";
import { sampleTask } from "../fixtures/tasks.ts";

test("an approval is confirmed with who approved and the command that now runs", () => {
  const reply = renderApproveReply({ kind: "approved", task: sampleTask({ id: 3 }), command: "npm install left-pad" }, "maintainer");
  expect(reply).toBe("✅ @maintainer approved this command for task 3; the agent runs it now:\n\n```sh\nnpm install left-pad\n```");
});

test("with nothing waiting, the reply says so", () => {
  expect(renderApproveReply({ kind: "nothing-waiting" }, "maintainer")).toBe("Nothing on this issue is waiting for `/agent approve`.");
});

test("while a question waits, the reply says how to answer it instead", () => {
  expect(renderApproveReply({ kind: "question-waiting", task: sampleTask({ id: 3 }) }, "maintainer")).toBe(
    "Task 3 is waiting for an answer to its question, not for an approval: reply with a plain comment to answer it.",
  );
});
