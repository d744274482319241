import { commandForms } from "./command-forms.ts";
import { matchesCommandPattern } from "./command-pattern.ts";
import { approvalReason, deniedReason, tooLongReason, unparseableReason } from "./command-reasons.ts";

/** Longer commands are refused unread: parsing cost grows with them, and no one types one this long. */
export const MAX_COMMAND_BYTES = 64 * 1024;

/** `commands.deny` / `commands.approve` of `.github/agent.yml`: shell-style wildcard patterns. */
export type CommandRules = { deny: string[]; approve: string[] };

export type CommandDecision =
  | { verdict: "allow" }
  /** `pattern` is the rule that matched (empty for a command that does not parse); `part` the command it matched. */
  | { verdict: "deny" | "approve"; pattern: string; part: string; reason: string };

/**
 * Decides whether the harness may run `command`. Every simple command inside it (and inside
 * its wrappers and nested scripts) is matched against the patterns; deny wins over approve,
 * and the first pattern in the list that matches any part is the one reported.
 */
export function checkCommand(command: string, rules: CommandRules): CommandDecision {
  const bytes = Buffer.byteLength(command, "utf8");
  if (bytes > MAX_COMMAND_BYTES) return { verdict: "deny", pattern: "", part: `${command.slice(0, 80)}…`, reason: tooLongReason(bytes, MAX_COMMAND_BYTES) };
  const parsed = commandForms(command);
  if (!parsed.ok) return { verdict: "deny", pattern: "", part: command, reason: unparseableReason(parsed.error) };
  const denied = firstMatch(parsed.forms, rules.deny);
  if (denied) return { verdict: "deny", ...denied, reason: deniedReason(denied.part, denied.pattern) };
  const approval = firstMatch(parsed.forms, rules.approve);
  if (approval) return { verdict: "approve", ...approval, reason: approvalReason(approval.part, approval.pattern) };
  return { verdict: "allow" };
}

function firstMatch(forms: string[], patterns: string[]): { pattern: string; part: string } | undefined {
  for (const pattern of patterns) {
    const part = forms.find((form) => matchesCommandPattern(form, pattern));
    if (part !== undefined) return { pattern, part };
  }
  return undefined;
}
