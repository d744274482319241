import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { DockerSandbox } from "../../../src/sandbox/docker/docker-sandbox.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../../helpers/docker.ts";
import { toolWorkspace, type ToolWorkspace } from "./support/tool-workspace.ts";

jest.setTimeout(120_000);

describeWithDocker("the tools through the Docker sandbox", () => {
  let workspace: ToolWorkspace;

  beforeAll(async () => {
    workspace = await toolWorkspace({
      files: { "package.json": "{}\n", "test.sh": "grep -q fixed src/state.txt && echo 'all passed' || { echo 'state is broken'; exit 1; }\n" },
      testCommand: "sh test.sh",
      sandbox: async (workDir) => {
        const sandbox = new DockerSandbox({ docker, instance: "test-agent-tools" });
        await sandbox.start({ taskId: 9, workDir, image: TEST_IMAGE, network: false, limits: { memoryMb: 256, cpus: 1, pids: 128 } });
        return sandbox;
      },
    });
  });

  afterAll(async () => {
    await workspace?.close();
  });

  test("shell runs in /workspace, and a cd does not carry over to the next call", async () => {
    expect((await workspace.call("shell", { command: "cd /tmp && pwd" })).output).toMatch(/\n\/tmp\n$/);
    expect((await workspace.call("shell", { command: "pwd" })).output).toMatch(/\n\/workspace\n$/);
  });

  test("a shell timeout is reported through the container too", async () => {
    const result = await workspace.call("shell", { command: "sleep 30", timeout_s: 1 });
    expect(result).toMatchObject({ isError: true, details: { timedOut: true } });
    expect(result.output).toContain("Stopped after 1 s");
  });

  test("run_tests fails on the broken tree, and passes once the host wrote the fix", async () => {
    expect(await workspace.call("run_tests")).toMatchObject({ isError: true, output: expect.stringContaining("state is broken") });
    await workspace.call("write_file", { path: "src/state.txt", content: "fixed\n" });
    expect(await workspace.call("run_tests")).toMatchObject({ isError: false, output: expect.stringMatching(/^Tests passed: `sh test.sh` exited with code 0 .*\nall passed\n$/) });
  });

  test("files and directories the host creates stay writable for the container's user", async () => {
    await workspace.call("write_file", { path: "made/by/host.txt", content: "host\n" });
    const result = await workspace.call("shell", { command: "echo container >> made/by/host.txt && touch made/by/sibling.txt && cat made/by/host.txt" });
    expect(result).toMatchObject({ isError: false, output: expect.stringMatching(/\nhost\ncontainer\n$/) });
  });

  test("search runs grep inside the container", async () => {
    expect((await workspace.call("search", { pattern: "all pass+ed" })).output).toBe("test.sh:1:grep -q fixed src/state.txt && echo 'all passed' || { echo 'state is broken'; exit 1; }");
  });
});
