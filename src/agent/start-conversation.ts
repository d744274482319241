import type { RepoConfig } from "../config/repo-config.ts";
import { Conversation } from "./context/conversation.ts";
import type { ToolSpec } from "./models/model.ts";
import { readInstructions, type Instructions, type TrustedCommit } from "./prompt/instructions.ts";
import type { IssueContext } from "./prompt/issue-context.ts";
import { buildRepoMap } from "./prompt/repo-map.ts";
import { SYSTEM_PROMPT } from "./prompt/system-prompt.ts";
import { buildTaskPrompt } from "./prompt/task-prompt.ts";
import type { Trajectory } from "./trajectory/trajectory.ts";

export type ConversationInput = {
  workDir: string;
  config: Pick<RepoConfig, "instructions" | "test">;
  issue: IssueContext;
  /** Where AGENTS.md and `instructions:` are read from; without it the run has none. */
  instructionsFrom: TrustedCommit | undefined;
  tools: readonly ToolSpec[];
  trajectory: Trajectory;
};

/** The opening of a run: the system prompt, then the task with the repository's instructions and map. */
export async function startConversation(input: ConversationInput): Promise<Conversation> {
  const instructions: Instructions = input.instructionsFrom
    ? await readInstructions(input.instructionsFrom, input.config.instructions)
    : { files: [], skipped: [{ path: "*", reason: "no trusted commit to read instructions from" }] };
  const repoMap = await buildRepoMap(input.workDir);
  const task = buildTaskPrompt({ issue: input.issue, instructions: instructions.files, testCommand: input.config.test, repoMap });
  input.trajectory.record("prompt", {
    instructionsFrom: input.instructionsFrom?.commit,
    instructions: instructions.files.map((file) => ({ path: file.path, truncated: file.truncated })),
    skippedInstructions: instructions.skipped,
    taskBytes: task.length,
  });
  return new Conversation({ system: SYSTEM_PROMPT, task, tools: input.tools });
}
