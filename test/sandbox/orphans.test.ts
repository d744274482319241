import { afterAll, expect, jest, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { LABEL_HOST, LABEL_INSTANCE, LABEL_PID, LABEL_TASK } from "../../src/sandbox/docker/labels.ts";
import { removeOrphanedContainers } from "../../src/sandbox/docker/orphans.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";

jest.setTimeout(60_000);

const INSTANCE = `orphans-${process.pid}`;
const created: string[] = [];

async function containerLabelled(labels: Record<string, string>): Promise<string> {
  const container = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ["sleep", "infinity"], Labels: { [LABEL_TASK]: "1", ...labels } });
  created.push(container.id);
  return container.id;
}

async function exists(id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(() => true)
    .catch(() => false);
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync("bash", ["-c", "echo $$"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

afterAll(async () => {
  await Promise.all(created.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => undefined)));
});

describeWithDocker("removeOrphanedContainers", () => {
  test("removes this installation's containers whose process is dead, and keeps those of live processes and other installations", async () => {
    const here = { [LABEL_INSTANCE]: INSTANCE, [LABEL_HOST]: hostname() };
    const orphan = await containerLabelled({ ...here, [LABEL_PID]: String(deadPid()) });
    const reusedPid = await containerLabelled({ ...here, [LABEL_PID]: String(process.pid) });
    const otherHost = await containerLabelled({ [LABEL_INSTANCE]: INSTANCE, [LABEL_HOST]: "an-older-container-of-ferry", [LABEL_PID]: "1" });
    const live = await containerLabelled({ ...here, [LABEL_PID]: "4242" });
    const otherInstance = await containerLabelled({ [LABEL_INSTANCE]: "someone-else", [LABEL_HOST]: hostname(), [LABEL_PID]: String(deadPid()) });

    const removed = await removeOrphanedContainers(docker, { instance: INSTANCE, isAlive: (pid) => pid === 4242 });

    expect(removed.sort()).toEqual([orphan, reusedPid, otherHost].sort());
    expect(await exists(orphan)).toBe(false);
    expect(await exists(live)).toBe(true);
    expect(await exists(otherInstance)).toBe(true);
  });

  test("with no orphans it removes nothing", async () => {
    expect(await removeOrphanedContainers(docker, { instance: `${INSTANCE}-none` })).toEqual([]);
  });
});
