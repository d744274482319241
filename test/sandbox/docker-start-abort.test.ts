import { afterEach, beforeEach, expect, jest, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { describeWithDocker, docker } from "../helpers/docker.ts";
import { waitFor } from "../helpers/process.ts";
import { containersOf } from "./support/containers.ts";
import { sandboxSpec } from "./support/sandbox-seam.ts";

jest.setTimeout(60_000);

const INSTANCE = "test-docker-start-abort";

describeWithDocker("a stop while the sandbox pulls its image", () => {
  // A registry that takes connections and never answers: the pull hangs until it is cancelled.
  let registry: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let workDir: string;
  beforeEach(async () => {
    registry = createServer((socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => registry.listen(0, "127.0.0.1", resolve));
    const address = registry.address();
    port = typeof address === "object" && address ? address.port : 0;
    workDir = await mkdtemp(join(tmpdir(), "ferry-docker-"));
  });
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => registry.close(resolve));
    await rm(workDir, { recursive: true, force: true });
  });

  test("ends the start with the stop's reason, not with the pull's failure, and creates no container", async () => {
    const sandbox = new DockerSandbox({ docker, instance: INSTANCE });
    const controller = new AbortController();
    const starting = sandbox.start({ ...sandboxSpec(workDir), taskId: 4713, image: `127.0.0.1:${port}/ferry/never:1` }, { signal: controller.signal });
    await waitFor("the engine to reach the registry", () => (sockets.size > 0 ? true : undefined));
    controller.abort(new Error("@alice asked to stop"));
    await expect(starting).rejects.toThrow("@alice asked to stop");
    await sandbox.stop();
    expect(await containersOf(INSTANCE, 4713)).toEqual([]);
  });
});
