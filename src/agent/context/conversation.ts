import type { CompleteOptions, Message, Model, ModelResponse, ToolSpec } from "../models/model.ts";
import { compactionCut, FIRST_TURN_INDEX } from "./compaction-cut.ts";
import { COMPACTION_REQUEST, SUMMARY_PREFIX } from "./compaction-prompt.ts";
import { mechanicalNote } from "./mechanical-note.ts";
import { countMessageTokens, countToolSpecTokens } from "./tokens.ts";

export type ConversationStart = {
  system: string;
  /** The first user message: the issue, instructions, test command and repository map. */
  task: string;
  /** The tools sent with every step; counted in the size of a request. */
  tools?: readonly ToolSpec[];
};

export type CompactOptions = CompleteOptions & {
  /** Called with the compaction response, to charge its usage and cost. */
  onResponse?: (response: ModelResponse) => void;
  /** Share of the conversation's tokens kept verbatim as recent turns (the last turn is always kept). */
  keepRecentShare?: number;
};

/** What a compaction did, for the trajectory. */
export type CompactionFacts = {
  compacted: boolean;
  tokensBefore: number;
  tokensAfter: number;
  messagesCompacted: number;
  turnsCompacted: number;
  turnsKept: number;
  note: "model" | "mechanical" | "none";
};

const DEFAULT_KEEP_RECENT_SHARE = 0.3;

/**
 * The message history of a run. It only grows at its end between compactions, so every
 * request is a byte-identical prefix of the next and the provider's prompt cache keeps
 * working; a compaction replaces the older turns with one summary. Token counts are kept
 * per message, so checking the size every step costs nothing.
 */
export class Conversation {
  readonly #messages: Message[] = [];
  readonly #tokens: number[] = [];
  readonly #toolTokens: number;
  #total = 0;

  constructor(start: ConversationStart) {
    this.#toolTokens = countToolSpecTokens(start.tools ?? []);
    this.add({ role: "system", content: start.system });
    this.add({ role: "user", content: start.task });
  }

  add(message: Message): void {
    // A frozen copy: nobody can change a message that was already sent (and cached).
    const copy = structuredClone(message);
    if (copy.role === "assistant") Object.freeze(copy.toolCalls).forEach((call) => Object.freeze(call));
    this.#append(Object.freeze(copy), countMessageTokens(copy));
  }

  /** The messages to send, oldest first. */
  messages(): Message[] {
    return [...this.#messages];
  }

  /** The size of the next request in tokens: messages and tool specs. */
  tokenCount(): number {
    return this.#toolTokens + this.#total;
  }

  /** Whether the next request would fill more than `threshold` (0 to 1) of the model's context window. */
  needsCompaction(contextWindow: number, threshold: number): boolean {
    if (!(contextWindow > 0) || !(threshold > 0 && threshold <= 1)) {
      throw new RangeError(`Compaction needs a positive context window and a threshold above 0 and at most 1, got ${contextWindow} and ${threshold}.`);
    }
    return this.tokenCount() >= contextWindow * threshold;
  }

  /**
   * Replaces the older turns by a summary the model writes (a request with purpose `compaction`
   * and no tools), keeping the system prompt, the task and the recent turns verbatim. An empty
   * summary falls back to a mechanical note; a model error propagates and changes nothing.
   */
  async compact(model: Model, options: CompactOptions = {}): Promise<CompactionFacts> {
    const { onResponse, keepRecentShare = DEFAULT_KEEP_RECENT_SHARE, ...completeOptions } = options;
    if (!(keepRecentShare > 0 && keepRecentShare < 1)) throw new RangeError(`keepRecentShare must be above 0 and below 1, got ${keepRecentShare}.`);
    const tokensBefore = this.tokenCount();
    const cut = compactionCut(this.#messages, this.#tokens, Math.floor(tokensBefore * keepRecentShare));
    const older = this.#messages.slice(FIRST_TURN_INDEX, cut);
    const turns = (messages: readonly Message[]) => messages.filter((message) => message.role === "assistant").length;
    const compacted = { tokensBefore, messagesCompacted: older.length, turnsCompacted: turns(older) };
    if (older.length === 0) return { compacted: false, ...compacted, turnsKept: turns(this.#messages), tokensAfter: tokensBefore, note: "none" };

    const request = { purpose: "compaction" as const, messages: [...this.#messages.slice(0, cut), { role: "user" as const, content: COMPACTION_REQUEST }], tools: [] };
    const response = await model.complete(request, completeOptions);
    onResponse?.(response);
    const summary = response.text.trim();

    // Taken after the wait, so a message added meanwhile is kept too.
    const recent = this.#messages.splice(cut);
    const recentTokens = this.#tokens.splice(cut);
    this.#messages.splice(FIRST_TURN_INDEX);
    this.#tokens.splice(FIRST_TURN_INDEX);
    this.#total = this.#tokens.reduce((sum, tokens) => sum + tokens, 0);
    this.add({ role: "user", content: `${SUMMARY_PREFIX}\n\n${summary || mechanicalNote(older)}` });
    recent.forEach((message, index) => this.#append(message, recentTokens[index] ?? countMessageTokens(message)));
    return { compacted: true, ...compacted, turnsKept: turns(recent), tokensAfter: this.tokenCount(), note: summary ? "model" : "mechanical" };
  }

  #append(message: Message, tokens: number): void {
    this.#messages.push(message);
    this.#tokens.push(tokens);
    this.#total += tokens;
  }
}
