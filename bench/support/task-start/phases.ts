import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type Docker from "dockerode";
import { z } from "zod";
import { trajectoryPathFor } from "../../../src/agent/trajectory/jsonl-trajectory.ts";
import { LABEL_INSTANCE, LABEL_TASK, instanceIdFor } from "../../../src/sandbox/docker/labels.ts";

/** Where one task's start went, in ms: each phase ends where the next begins. */
export type Phases = { intake: number; queue: number; workspace: number; container: number; setup: number; prompt: number; total: number };
export const PHASES = ["intake", "queue", "workspace", "container", "setup", "prompt"] as const;
export const PHASE_MEANING: Record<(typeof PHASES)[number], string> = {
  intake: "delivery sent → task stored",
  queue: "task stored → its run started",
  workspace: "run started → agent session starts (config, issue, token, checkout)",
  container: "→ container started (image check, hand-over, create, start)",
  setup: "→ prompt built (setup, network cut, shell)",
  prompt: "→ first model request arrives",
};

const DockerEvent = z.object({ Action: z.string(), timeNano: z.number(), Actor: z.object({ Attributes: z.record(z.string(), z.string()) }) });

/** Docker's own record of when each of this Ferry's containers was created and started, by task. */
export async function watchContainers(docker: Docker, dataDir: string) {
  const started = new Map<number, number>();
  const stream = await docker.getEvents({ filters: { type: ["container"], event: ["start"], label: [`${LABEL_INSTANCE}=${instanceIdFor(dataDir)}`] } });
  let rest = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = DockerEvent.parse(JSON.parse(line));
      started.set(Number(event.Actor.Attributes[LABEL_TASK]), event.timeNano / 1e6);
    }
  });
  return {
    startedAt: (taskId: number) => started.get(taskId),
    stop: () => (stream as unknown as { destroy(): void }).destroy(),
  };
}

const at = (iso: unknown) => Date.parse(String(iso));

/** The task of an issue with its stored moments: when it was stored (`triggered`) and when its first run started. */
function storedMoments(dataDir: string, repo: string, issueNumber: number) {
  const db = new DatabaseSync(join(dataDir, "ferry.db"), { readOnly: true });
  try {
    const task = db.prepare("SELECT id FROM tasks WHERE owner || '/' || repo = ? AND issue_number = ? ORDER BY id DESC LIMIT 1").get(repo, issueNumber);
    if (!task) throw new Error(`no task for ${repo}#${issueNumber}`);
    const id = Number(task.id);
    const triggered = db.prepare("SELECT at FROM events WHERE task_id = ? AND type = 'triggered' ORDER BY id LIMIT 1").get(id);
    const run = db.prepare("SELECT started_at FROM runs WHERE task_id = ? ORDER BY id LIMIT 1").get(id);
    return { id, storedAt: at(triggered?.at), runAt: at(run?.started_at) };
  } finally {
    db.close();
  }
}

/** When the run's trajectory recorded `type` first. */
function trajectoryAt(dataDir: string, taskId: number, type: string): number {
  const lines = readFileSync(trajectoryPathFor(dataDir, taskId, 1), "utf8").split("\n").filter(Boolean);
  const found = lines.map((line) => z.object({ at: z.string(), type: z.string() }).parse(JSON.parse(line))).find((event) => event.type === type);
  if (!found) throw new Error(`task ${taskId}'s trajectory has no ${type} event`);
  return at(found.at);
}

export function phasesOf(input: { dataDir: string; repo: string; issueNumber: number; sentAt: number; modelAt: number; containerStartedAt: (taskId: number) => number | undefined }): Phases & { taskId: number } {
  const { id, storedAt, runAt } = storedMoments(input.dataDir, input.repo, input.issueNumber);
  const sessionAt = trajectoryAt(input.dataDir, id, "run-started");
  const promptAt = trajectoryAt(input.dataDir, id, "prompt");
  const containerAt = input.containerStartedAt(id);
  if (containerAt === undefined) throw new Error(`Docker reported no start for task ${id}'s container`);
  return {
    taskId: id,
    intake: storedAt - input.sentAt,
    queue: runAt - storedAt,
    workspace: sessionAt - runAt,
    container: containerAt - sessionAt,
    setup: promptAt - containerAt,
    prompt: input.modelAt - promptAt,
    total: input.modelAt - input.sentAt,
  };
}
