import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ScriptStep } from "../../../src/agent/models/scripted-model.ts";
import { FIXED_ADD } from "../../agent/support/buggy-repo.ts";
import { PART_1, type TaskRuns } from "./task-runs.ts";

/*
 * Scripted agents for the attacks on what is delivered: each fixes the bug (so the run would be
 * delivered) and does one more thing through the shell, where no file tool's path check applies.
 */

export const shell = (command: string): ScriptStep => ({ toolCalls: [{ name: "shell", arguments: { command } }] });
export const FIX: ScriptStep = { toolCalls: [{ name: "write_file", arguments: { path: "src/add.js", content: FIXED_ADD } }] };
export const FINISH: ScriptStep = { toolCalls: [{ name: "finish", arguments: { summary: "add() adds now." } }] };

/** The upstream's part branch, or undefined when nothing was pushed. */
export async function pushedPart(runs: TaskRuns, branch = PART_1): Promise<string | undefined> {
  const sha = await runs.git(["for-each-ref", "--format=%(objectname)", `refs/heads/${branch}`]);
  return sha === "" ? undefined : sha;
}

/** Every event of a task's first run, from its JSONL trajectory under the runs' data dir. */
export async function trajectoryEvents(runs: TaskRuns, taskId: number): Promise<Record<string, unknown>[]> {
  const root = dirname(dirname(dirname(runs.gitDir)));
  const text = await readFile(join(root, "data", "trajectories", `task-${taskId}`, "run-1.jsonl"), "utf8");
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}
