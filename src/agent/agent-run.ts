import type { Budgets } from "./budgets.ts";
import type { Conversation } from "./context/conversation.ts";
import type { Model } from "./models/model.ts";
import type { Tool, ToolContext } from "./tools/tool.ts";
import type { ChangedFile } from "../workspace/numstat.ts";
import type { Baseline } from "../verification/judge.ts";

/** A steering message for the running agent (`/agent redirect …`). */
export type SteeringMessage = { author: string; body: string };

/** Everything one agent run works with; built by the session, read by the loop and its steps. */
export type AgentRun = {
  model: Model;
  tools: Tool[];
  toolContext: ToolContext;
  conversation: Conversation;
  budgets: Budgets;
  /** Takes the steering messages that arrived since the last step, oldest first. */
  takeInbox(): Promise<SteeringMessage[]>;
  /** The change against the base so far (the host diffs the checkout). */
  diff(): Promise<{ files: ChangedFile[]; patch: string }>;
  /** How often a failing harness test run is handed back to the agent. */
  testRetries: number;
  /** The tests on the untouched base; none with `verify: exit-code`. */
  baseline?: Baseline;
  /** `verify:` from the repository config. */
  verify: "per-test" | "exit-code";
  /** Share of the context window past which older turns are compacted. */
  compactAt: number;
  /** Most tokens of one tool output kept in the conversation. */
  toolOutputTokens: number;
};
