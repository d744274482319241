import type { ApprovalAnswer, ApprovalRequest, AskAnswer, Pauses } from "../../src/agent/pauses.ts";

/** A scripted reply: an answer, or "hold" to wait until the task is cancelled (the signal aborts). */
export type Scripted<Answer> = Answer | "hold";

export type ScriptedPauses = Pauses & {
  /** Every approval asked for, in order. */
  approvals: ApprovalRequest[];
  /** Every question asked, in order. */
  questions: string[];
};

/**
 * Deterministic Pauses for tests: approvals and answers are taken from the script in order;
 * when the script runs out, approvals are refused and questions go unanswered, saying so.
 */
export function scriptedPauses(script: { approvals?: Scripted<ApprovalAnswer>[]; answers?: Scripted<AskAnswer>[] } = {}): ScriptedPauses {
  const approvalScript = [...(script.approvals ?? [])];
  const answerScript = [...(script.answers ?? [])];
  const approvals: ApprovalRequest[] = [];
  const questions: string[] = [];
  return {
    approvals,
    questions,
    approve(request, signal) {
      approvals.push(request);
      return reply(approvalScript.shift() ?? { approved: false, reason: "no approval was scripted" }, signal);
    },
    ask(question, signal) {
      questions.push(question);
      return reply(answerScript.shift() ?? { answered: false, reason: "no answer was scripted" }, signal);
    },
  };
}

function reply<Answer>(next: Scripted<Answer>, signal: AbortSignal): Promise<Answer> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (next !== "hold") return Promise.resolve(next);
  return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
}
