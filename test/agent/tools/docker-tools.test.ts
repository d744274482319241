import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { chown, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DockerSandbox } from "../../../src/sandbox/docker/docker-sandbox.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../../helpers/docker.ts";
import { testAsRoot } from "../../helpers/needs-root.ts";
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

  test("files and directories write_file creates belong to the container's user, who can change them", async () => {
    await workspace.call("write_file", { path: "made/by/tool.txt", content: "tool\n" });
    const result = await workspace.call("shell", { command: "echo container >> made/by/tool.txt && touch made/by/sibling.txt && stat -c %u made made/by/tool.txt && cat made/by/tool.txt" });
    expect(result).toMatchObject({ isError: false, output: expect.stringMatching(/\n1000\n1000\ntool\ncontainer\n$/) });
  });

  testAsRoot("write_file acts with the container user's rights, not the host's: a file that user may not write stays as it was", async () => {
    await writeFile(join(workspace.workDir, "foreign.txt"), "kept\n", { mode: 0o644 });
    await chown(join(workspace.workDir, "foreign.txt"), 1234, 1234);
    const result = await workspace.call("write_file", { path: "foreign.txt", content: "changed\n" });
    expect(result).toMatchObject({ isError: true, output: 'write_file failed: "foreign.txt" cannot be written (permission denied).' });
    expect(await readFile(join(workspace.workDir, "foreign.txt"), "utf8")).toBe("kept\n");
  });

  test("read_file and edit_file work through the container", async () => {
    await workspace.call("write_file", { path: "notes.txt", content: "alpha\nbeta\n" });
    expect(await workspace.call("edit_file", { path: "notes.txt", old: "beta", new: "gamma" })).toMatchObject({ isError: false });
    expect((await workspace.call("read_file", { path: "notes.txt" })).output).toBe("     1\talpha\n     2\tgamma");
  });

  test("a link to a file of the container outside /workspace is refused, not read", async () => {
    await workspace.call("shell", { command: "ln -s /etc/hostname hostname-link" });
    expect(await workspace.call("read_file", { path: "hostname-link" })).toMatchObject({ isError: true, details: { refused: "workspace" } });
  });

  test("search runs grep inside the container", async () => {
    expect((await workspace.call("search", { pattern: "all pass+ed" })).output).toBe("test.sh:1:grep -q fixed src/state.txt && echo 'all passed' || { echo 'state is broken'; exit 1; }");
  });
});
