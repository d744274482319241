import type { Message } from "../models/model.ts";
import { SUMMARY_PREFIX } from "./compaction-prompt.ts";

/** Calls listed at most; the most recent ones are the ones that matter. */
const MAX_CALLS = 100;
const MAX_ARGUMENT_CHARS = 200;
const MAX_RESULT_CHARS = 120;

/**
 * The note used when the model's summary comes back empty: an earlier summary if the compacted
 * turns held one, then the tool calls they made with the first line of each result.
 */
export function mechanicalNote(older: readonly Message[]): string {
  const results = new Map(older.flatMap((message) => (message.role === "tool" ? [[message.callId, message.content] as const] : [])));
  const earlier = older.flatMap((message) => (message.role === "user" && message.content.startsWith(SUMMARY_PREFIX) ? [message.content] : []));
  const calls = older.flatMap((message) => (message.role === "assistant" ? message.toolCalls : []));
  const listed = calls.slice(-MAX_CALLS).map((call) => {
    const result = firstLine(results.get(call.id) ?? "(no result)", MAX_RESULT_CHARS);
    return `- ${call.name} ${oneLine(call.arguments, MAX_ARGUMENT_CHARS)} → ${result}`;
  });
  const omitted = calls.length - listed.length;
  return [
    "(The model gave no summary; this note was made from the tool calls of the compacted turns.)",
    ...earlier.map((summary) => `\n## Earlier summary\n${summary.slice(SUMMARY_PREFIX.length).trim()}`),
    "\n## Tool calls made",
    ...(omitted > 0 ? [`- … ${omitted} earlier calls not listed`] : []),
    ...(listed.length > 0 ? listed : ["- none"]),
  ].join("\n");
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max)}…`;
}

function firstLine(text: string, max: number): string {
  return oneLine(text.trimStart().split("\n", 1)[0] ?? "", max) || "(empty)";
}
