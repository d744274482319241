import type Docker from "dockerode";
import { hostname } from "node:os";
import { LABEL_HOST, LABEL_INSTANCE, LABEL_PID, LABEL_TASK } from "./labels.ts";

export type OrphanCheck = {
  instance: string;
  /** Whether a process id on this host is alive; injectable for tests. */
  isAlive?: (pid: number) => boolean;
};

/**
 * Removes containers that a previous process of this installation left behind (a crash, a
 * kill -9). A container belongs to a live process only if that process is on this host,
 * is still running and is not us: at start-up we own no container yet.
 */
export async function removeOrphanedContainers(docker: Docker, check: OrphanCheck): Promise<string[]> {
  const isAlive = check.isAlive ?? processIsAlive;
  const containers = await docker.listContainers({
    all: true,
    filters: { label: [LABEL_TASK, `${LABEL_INSTANCE}=${check.instance}`] },
  });
  const orphans = containers.filter((container) => {
    const pid = Number(container.Labels[LABEL_PID]);
    const live = container.Labels[LABEL_HOST] === hostname() && pid !== process.pid && isAlive(pid);
    return !live;
  });
  for (const orphan of orphans) {
    await docker.getContainer(orphan.Id).remove({ force: true, v: true });
  }
  return orphans.map((orphan) => orphan.Id);
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}
