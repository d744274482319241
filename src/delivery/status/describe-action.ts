import { z } from "zod";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import { inlineCode } from "../../github/markdown.ts";

/** Longest action shown on the checklist; a longer command or path is cut. */
const MAX_ACTION = 60;

const Arguments = z.record(z.string(), z.unknown());

/** A fixed phrase per tool whose arguments say nothing worth showing. */
const PHRASES: Record<string, string> = {
  run_tests: "ran the tests",
  ask: "asked a question",
  finish: "said it is done",
};

/** The argument each tool is best described by, and the verb for it. */
const SUBJECTS: Record<string, { verb: string; argument: string }> = {
  shell: { verb: "ran", argument: "command" },
  read_file: { verb: "read", argument: "path" },
  write_file: { verb: "wrote", argument: "path" },
  edit_file: { verb: "edited", argument: "path" },
  search: { verb: "searched", argument: "pattern" },
};

/**
 * A recorded tool call in a few words ("ran `npm test`", "edited `src/a.ts`"), for the status
 * checklist. The model chose these words, so they go in code spans (no mentions, no markup)
 * with secrets redacted.
 */
export function describeToolCall(data: Record<string, unknown>): string | undefined {
  const name = data.name;
  if (typeof name !== "string" || name === "") return undefined;
  if (name === "setup") return phrase("ran setup", data.command);
  const fixed = PHRASES[name];
  if (fixed) return fixed;
  const subject = SUBJECTS[name];
  if (!subject) return phrase("called", name);
  const args = Arguments.safeParse(data.arguments);
  return phrase(subject.verb, args.success ? args.data[subject.argument] : undefined);
}

function phrase(verb: string, subject: unknown): string {
  if (typeof subject !== "string" || subject.trim() === "") return verb;
  const text = redactSecrets(subject).split("\n")[0]?.trim() ?? "";
  const room = MAX_ACTION - verb.length - 3;
  return `${verb} ${inlineCode(text.length > room ? `${text.slice(0, room - 1)}…` : text)}`;
}
