import { afterEach, describe, expect, test } from "@jest/globals";
import { hostname } from "node:os";
import { createSandboxFactory } from "../../src/sandbox/create-sandbox.ts";
import { instanceIdFor } from "../../src/sandbox/docker/labels.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";
import { recordingLog } from "../helpers/recording-log.ts";

const config = { kind: "docker" as const, image: TEST_IMAGE, limits: { memoryMb: 512, cpus: 1, pids: 128 }, network: "bridge" };

describe("createSandboxFactory", () => {
  const dockerHost = process.env.DOCKER_HOST;
  afterEach(() => {
    if (dockerHost === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = dockerHost;
  });

  test("FERRY_SANDBOX=local gives local sandboxes and warns that they are not isolated", async () => {
    const log = recordingLog();
    const factory = await createSandboxFactory({ ...config, kind: "local" }, "/tmp/ferry-data", log);
    expect(factory().kind).toBe("local");
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "warn", message: expect.stringContaining("no isolation") }));
  });

  test("with no Docker engine, start-up goes on and logs what is wrong", async () => {
    process.env.DOCKER_HOST = "unix:///nonexistent/docker.sock";
    const log = recordingLog();
    const factory = await createSandboxFactory(config, "/tmp/ferry-data", log);
    expect(factory().kind).toBe("docker");
    expect(log.lines).toContainEqual({
      level: "error",
      fields: { engine: "unix:///nonexistent/docker.sock", problem: "there is no socket file at /nonexistent/docker.sock" },
      message: expect.stringMatching(/^No Docker engine answers .* every task will fail until one does\. Start Docker, or point DOCKER_HOST at a running engine/),
    });
  });
});

describeWithDocker("createSandboxFactory with an engine", () => {
  test("removes containers a crashed process of the same data directory left behind", async () => {
    const dataDir = `/tmp/ferry-data-${process.pid}`;
    const orphan = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ["sleep", "infinity"],
      Labels: { "ferry.task": "3", "ferry.instance": instanceIdFor(dataDir), "ferry.host": hostname(), "ferry.pid": "999999999" },
    });
    const log = recordingLog();
    await createSandboxFactory(config, dataDir, log);
    await expect(orphan.inspect()).rejects.toThrow();
    expect(log.lines).toContainEqual(expect.objectContaining({ level: "warn", fields: { containers: [orphan.id.slice(0, 12)] } }));
  });
});
