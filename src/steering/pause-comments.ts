import { codeBlock, inlineCode, quoteBlock } from "../github/markdown.ts";
import { describeDeadline, describeWait } from "./wait-wording.ts";

/** When a pause ends unanswered and how long that is. */
export type PauseWindow = { deadline: Date; waitMs: number };

const until = ({ deadline, waitMs }: PauseWindow): string =>
  `Ferry waits until ${describeDeadline(deadline)} (${describeWait(waitMs)})`;

/** Posted on the issue when a command matches `commands.approve`. */
export function renderApprovalRequest(request: { command: string; pattern: string }, window: PauseWindow): string {
  return [
    `✋ **Approval needed.** The agent wants to run this command, which matches ${inlineCode(request.pattern)} in \`commands.approve\`:`,
    "",
    codeBlock(request.command, "sh"),
    "",
    "Someone with write access can reply `/agent approve` to let it run. " +
      `${until(window)}; after that the agent carries on without it. \`/agent stop\` cancels the task.`,
  ].join("\n");
}

/** Posted on the issue when the agent calls `ask`. The question is the agent's text, so it is quoted, never inlined. */
export function renderQuestion(question: string, window: PauseWindow): string {
  return [
    "❓ **The agent has a question.** Ferry's agent, working on this issue, asks:",
    "",
    quoteBlock(question),
    "",
    "The next comment from someone with write access to this repository is taken as the answer. " +
      `${until(window)}; after that the agent carries on with its best judgement. \`/agent stop\` cancels the task.`,
  ].join("\n");
}
