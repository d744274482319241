import { codeBlock } from "../github/markdown.ts";
import type { ApproveOutcome } from "./reply-to-pause.ts";

/** The reply to `/agent approve`. */
export function renderApproveReply(outcome: ApproveOutcome, by: string): string {
  switch (outcome.kind) {
    case "approved":
      return [`✅ @${by} approved this command for task ${outcome.task.id}; the agent runs it now:`, "", codeBlock(outcome.command, "sh")].join("\n");
    case "nothing-waiting":
      return "Nothing on this issue is waiting for `/agent approve`.";
    case "question-waiting":
      return `Task ${outcome.task.id} is waiting for an answer to its question, not for an approval: reply with a plain comment to answer it.`;
  }
}
