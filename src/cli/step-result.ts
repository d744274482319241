import { z } from "zod";
import { redactSecrets } from "../policy/redact-secrets.ts";

/** A `tool-call` event of the trajectory, as far as the progress lines use it. */
export const ToolCallEvent = z.object({
  name: z.string(),
  arguments: z.unknown().optional(),
  durationMs: z.number().optional(),
  isError: z.boolean().optional(),
  aborted: z.boolean().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ToolCallEvent = z.infer<typeof ToolCallEvent>;

const Details = z.object({
  invalidArguments: z.boolean().optional(),
  refused: z.string().optional(),
  error: z.string().optional(),
  passed: z.boolean().optional(),
  exitCode: z.number().nullable().optional(),
  timedOut: z.boolean().optional(),
  matches: z.number().optional(),
  answered: z.boolean().optional(),
});

/** The argument that says what a call was about. */
const SUBJECTS: Record<string, string> = { shell: "command", read_file: "path", write_file: "path", edit_file: "path", search: "pattern" };
const MAX_SUBJECT = 60;

/** How a tool call went, in a word or two: `exit 1`, `failed (exit 1)`, `refused (commands.deny)`. */
export function stepResult(call: ToolCallEvent): { result: string; failed: boolean } {
  const details = Details.safeParse(call.details ?? {});
  const facts = details.success ? details.data : {};
  const failed = call.isError === true || call.aborted === true;
  if (call.aborted) return { result: "stopped", failed };
  if (facts.invalidArguments) return { result: "invalid arguments", failed };
  if (facts.refused) return { result: `refused (${facts.refused})`, failed };
  if (facts.error) return { result: "error", failed };
  if (facts.timedOut) return { result: "timed out", failed };
  if (call.name === "run_tests") return { result: facts.passed ? "passed" : `failed (exit ${facts.exitCode ?? "?"})`, failed };
  if (call.name === "shell") return { result: `exit ${facts.exitCode ?? "?"}`, failed };
  if (call.name === "search" && facts.matches !== undefined) return { result: `${facts.matches} ${facts.matches === 1 ? "match" : "matches"}`, failed };
  if (call.name === "ask") return { result: facts.answered ? "answered" : "no answer", failed };
  if (call.name === "finish") return { result: "Ferry checks the change", failed };
  return { result: failed ? "error" : "ok", failed };
}

/** The command, path or pattern of a call: first line, no control characters, secrets redacted, cut short. */
export function stepSubject(call: ToolCallEvent): string | undefined {
  const key = SUBJECTS[call.name];
  const args = z.record(z.string(), z.unknown()).safeParse(call.arguments);
  const value = key && args.success ? args.data[key] : undefined;
  if (typeof value !== "string") return undefined;
  const line = printable(redactSecrets(value.split("\n")[0] ?? ""));
  if (line === "") return undefined;
  const cut = line.length > MAX_SUBJECT ? `${line.slice(0, MAX_SUBJECT - 1)}…` : line;
  // A pattern's spaces would run into the words around it.
  return call.name === "search" ? `"${cut}"` : cut;
}

/** The model wrote it: nothing reaches the terminal that could move the cursor or recolour it. */
export const printable = (text: string): string => text.replace(/[\p{Cc}\p{Cf}]+/gu, " ").trim();
