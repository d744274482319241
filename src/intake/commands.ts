import { z } from "zod";

export const COMMAND_VERBS = ["run", "redirect", "stop", "retry", "status", "approve", "help"] as const;
export const CommandVerb = z.enum(COMMAND_VERBS);
export type CommandVerb = z.infer<typeof CommandVerb>;

/** What each verb does, for `/agent help` and the answer to an unknown verb. */
export const COMMAND_HELP: Record<CommandVerb, string> = {
  run: "start a task for this issue",
  redirect: "`/agent redirect <text>`: give the agent a new instruction, mid-run or as a follow-up",
  stop: "cancel the running task",
  retry: "start a fresh run of the task",
  status: "show the task's state, budgets used and links",
  approve: "allow the command the agent is waiting on",
  help: "show this list",
};

const Command = z.discriminatedUnion("verb", [
  z.object({ verb: z.literal("redirect"), text: z.string().min(1, "redirect needs the new instruction after it") }),
  z.object({ verb: CommandVerb.exclude(["redirect"]), text: z.string() }),
]);
export type Command = z.infer<typeof Command>;

export type ParsedComment =
  | { kind: "none" }
  | { kind: "command"; command: Command }
  | { kind: "unknown"; verb: string }
  | { kind: "invalid"; verb: CommandVerb; problem: string };

/** `/agent` as a word of its own: `/agentrun` or `/agents are great` is chatter, not a command. */
const COMMAND_LINE = /^\/agent(?=\s|$)(?:\s+(\S+))?([\s\S]*)$/;

/**
 * A comment is a command only when its first non-blank line starts with the word `/agent`,
 * so chatter that merely mentions the command is never acted on.
 */
export function parseComment(body: string): ParsedComment {
  const match = COMMAND_LINE.exec(body.trim());
  if (!match) return { kind: "none" };
  const verb = (match[1] ?? "help").toLowerCase();
  if (!CommandVerb.safeParse(verb).success) return { kind: "unknown", verb };
  const parsed = Command.safeParse({ verb, text: (match[2] ?? "").trim() });
  if (parsed.success) return { kind: "command", command: parsed.data };
  return { kind: "invalid", verb: CommandVerb.parse(verb), problem: parsed.error.issues[0]?.message ?? "invalid command" };
}

export function renderCommandHelp(): string {
  const lines = COMMAND_VERBS.map((verb) => `- \`/agent ${verb}\`: ${COMMAND_HELP[verb]}`);
  return ["Ferry understands these commands (from people with write access):", "", ...lines].join("\n");
}
