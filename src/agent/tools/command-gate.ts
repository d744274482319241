import { checkCommand } from "../../policy/command-policy.ts";
import type { ToolContext, ToolResult } from "./tool.ts";

export type CommandGate = { allowed: true; pausedMs?: number; approvedBy?: string } | { allowed: false; refusal: ToolResult };

/**
 * The repository's command policy, applied before a command reaches the sandbox: a denied
 * command never runs; one that needs approval waits for a writer's answer. Each decision
 * goes to the trajectory.
 */
export async function gateCommand(command: string, context: ToolContext): Promise<CommandGate> {
  const verdict = checkCommand(command, context.policy.commands);
  if (verdict.verdict === "allow") return { allowed: true };
  const { pattern, part, reason } = verdict;
  const facts = { tool: "shell", command, pattern, part, reason };
  if (verdict.verdict === "deny") {
    // No pattern: the command does not parse, so it cannot be checked and is not run.
    const rule = pattern === "" ? "unparseable" : "commands.deny";
    context.trajectory.record("policy", { ...facts, decision: "denied", rule });
    const output = `${rule === "commands.deny" ? "Refused by the repository's command policy; the" : "The"} command was not run. ${reason}`;
    return { allowed: false, refusal: { output, isError: true, details: { refused: rule, pattern } } };
  }
  context.trajectory.record("policy", { ...facts, decision: "needs-approval", rule: "commands.approve" });
  const started = performance.now();
  const answer = await context.pauses.approve({ command, pattern }, context.signal);
  const pausedMs = Math.round(performance.now() - started);
  if (answer.approved) {
    context.trajectory.record("policy", { ...facts, decision: "approved", by: answer.by, pausedMs });
    return { allowed: true, pausedMs, approvedBy: answer.by };
  }
  context.trajectory.record("policy", { ...facts, decision: "not-approved", answer: answer.reason, pausedMs });
  const output = `Not run: \`${part}\` needs a maintainer's approval (pattern \`${pattern}\`) and it was not given (${answer.reason}). Find another way, or explain in your final summary why it is needed.`;
  return { allowed: false, refusal: { output, isError: true, pausedMs, details: { refused: "commands.approve", pattern, pausedMs } } };
}
