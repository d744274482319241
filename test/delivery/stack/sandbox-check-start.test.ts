import { expect, test } from "@jest/globals";
import Docker from "dockerode";
import { sandboxCheck } from "../../../src/delivery/stack/sandbox-check.ts";
import { DockerSandbox } from "../../../src/sandbox/docker/docker-sandbox.ts";
import { SandboxStartError } from "../../../src/sandbox/sandbox-error.ts";

test("a part's check whose sandbox cannot start says so, naming the engine", async () => {
  const check = sandboxCheck({
    sandboxes: () => new DockerSandbox({ docker: new Docker({ socketPath: "/nonexistent/docker.sock" }), instance: "test" }),
    spec: { taskId: 1, workDir: "/nonexistent/checkout", image: "ferry-runner:bookworm", limits: { memoryMb: 512, cpus: 1, pids: 128 } },
    command: "node test.js",
    timeoutMs: 10_000,
  });
  const checked = check({ index: 0, tree: "0".repeat(40), whole: true });
  await expect(checked).rejects.toThrow(SandboxStartError);
  await expect(checked).rejects.toThrow("The sandbox could not start: no Docker engine answers at unix:///nonexistent/docker.sock");
});
