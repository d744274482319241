import type { AgentRun } from "./agent-run.ts";
import { sanitiseUntrusted } from "../policy/sanitise.ts";

/** Hands steering messages that arrived since the last step to the agent, as user turns, in order. */
export async function deliverInbox(run: AgentRun): Promise<void> {
  for (const message of await run.takeInbox()) {
    const body = sanitiseUntrusted(message.body);
    run.conversation.add({ role: "user", content: `New instruction from @${message.author} (a maintainer); it takes precedence over earlier ones:\n\n${body}` });
    run.toolContext.trajectory.record("inbox", { author: message.author, body });
  }
}
