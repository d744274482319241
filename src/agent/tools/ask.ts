import { z } from "zod";
import type { Tool } from "./tool.ts";
import { renderAgentText } from "../../github/agent-text.ts";
import { sanitiseUntrusted } from "../../policy/sanitise.ts";

const askArguments = z.strictObject({
  question: z.string().min(1).describe("One clear question, with the options you see if there are any."),
});

export const askTool: Tool<typeof askArguments> = {
  name: "ask",
  description:
    "Ask the maintainers a question on the issue and wait for a reply. Use it only when the issue is ambiguous in a way that changes what you would build and the code cannot tell you; the run pauses until someone answers or the wait ends.",
  arguments: askArguments,
  async run({ question }, context) {
    const started = performance.now();
    // The question is posted on GitHub: shown without images or raw HTML, references defused.
    const answer = await context.pauses.ask(renderAgentText(question), context.signal);
    const pausedMs = Math.round(performance.now() - started);
    if (!answer.answered) {
      return {
        output: `No answer: ${answer.reason}. Go on with your best judgement and say in your summary what you assumed.`,
        isError: false,
        pausedMs,
        details: { answered: false, reason: answer.reason, pausedMs },
      };
    }
    // The answer is a comment on GitHub: hidden text is stripped like any other issue text.
    return { output: `Answer from ${answer.by}:\n${sanitiseUntrusted(answer.answer)}`, isError: false, pausedMs, details: { answered: true, by: answer.by, pausedMs } };
  },
};
