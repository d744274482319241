import { z } from "zod";
import type { Tool } from "./tool.ts";

const finishArguments = z.strictObject({
  summary: z.string().min(1).describe("What you changed and why, and how you checked it; it goes into the pull request."),
});

export const finishTool: Tool<typeof finishArguments> = {
  name: "finish",
  description:
    "Say that the work is done and end the run. Ferry then runs the test command itself on your change; if the tests fail, you get the failure back and continue.",
  arguments: finishArguments,
  async run({ summary }) {
    return { output: "Finishing: Ferry now checks the change.", isError: false, finish: { summary }, details: { summaryChars: summary.length } };
  },
};
