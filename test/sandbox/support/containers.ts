import type { ContainerInfo } from "dockerode";
import { z } from "zod";
import { LABEL_INSTANCE, LABEL_TASK } from "../../../src/sandbox/docker/labels.ts";
import { docker } from "../../helpers/docker.ts";

const Top = z.object({ Titles: z.array(z.string()), Processes: z.array(z.array(z.string())) });

/** The containers, running or not, that the sandboxes of `instance` made for a task. */
export function containersOf(instance: string, taskId: number): Promise<ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${LABEL_TASK}=${taskId}`, `${LABEL_INSTANCE}=${instance}`] } });
}

/** Whether a process in the task's container runs exactly `command`, as `ps` shows it. */
export async function containerRuns(instance: string, taskId: number, command: string): Promise<boolean> {
  for (const info of await containersOf(instance, taskId)) {
    const top = Top.safeParse(await docker.getContainer(info.Id).top().catch(() => undefined));
    if (!top.success) continue;
    const column = top.data.Titles.indexOf("CMD");
    if (top.data.Processes.some((row) => row[column] === command)) return true;
  }
  return false;
}
