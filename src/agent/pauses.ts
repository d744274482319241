/*
 * How the agent waits for a person. A command that needs approval, or a question asked
 * with `ask`, pauses the task (state `waiting`) until a writer answers or the deadline
 * passes. On GitHub the answer is `/agent approve` or a reply on the issue; `ferry run`
 * answers from its flags or the terminal; tests script it.
 */

export type ApprovalRequest = {
  command: string;
  /** The `commands.approve` pattern it matched. */
  pattern: string;
};

export type ApprovalAnswer = { approved: true; by: string } | { approved: false; reason: string };

export type AskAnswer = { answered: true; answer: string; by: string } | { answered: false; reason: string };

export interface Pauses {
  /** Resolves when a writer approved, or with the reason it was not (deadline passed, …). */
  approve(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalAnswer>;
  /** Posts the question and resolves with a writer's answer, or the reason there was none. */
  ask(question: string, signal: AbortSignal): Promise<AskAnswer>;
}
