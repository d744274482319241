import type { Message } from "../models/model.ts";

/** The system prompt and the task are never compacted. */
export const FIRST_TURN_INDEX = 2;

/**
 * Where the kept recent turns begin: as many of the latest turns as fit in `keepTokens`, and
 * always the last one. A cut never falls between an assistant message's tool calls and their
 * results, because providers reject a result without its call (and a call without its result).
 */
export function compactionCut(messages: readonly Message[], tokens: readonly number[], keepTokens: number): number {
  let cut = messages.length;
  let kept = 0;
  const waitingForCall = new Set<string>();
  for (let index = messages.length - 1; index >= FIRST_TURN_INDEX; index--) {
    const message = messages[index];
    if (message === undefined) break;
    kept += tokens[index] ?? 0;
    if (message.role === "tool") waitingForCall.add(message.callId);
    if (message.role === "assistant") for (const call of message.toolCalls) waitingForCall.delete(call.id);
    if (waitingForCall.size > 0) continue;
    if (cut !== messages.length && kept > keepTokens) break;
    cut = index;
  }
  return cut;
}
