import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import type { Checkout } from "../../src/workspace/checkout.ts";
import { Workspaces } from "../../src/workspace/workspaces.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";
import { createSimpleRepo, tipOf } from "../helpers/git-fixtures.ts";
import { startGitHttpServer, type GitHttpServer } from "../helpers/git-http-server.ts";

jest.setTimeout(120_000);

const TOKEN = "ghs_checkoutInContainerToken42";

describeWithDocker("a task checkout inside the Docker sandbox", () => {
  let root: string;
  let dataDir: string;
  let server: GitHttpServer;
  let workspaces: Workspaces;
  let checkout: Checkout;
  let sandbox: DockerSandbox;
  let baseSha: string | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "ferry-upstream-"));
    dataDir = await mkdtemp(join(tmpdir(), "ferry-data-"));
    await createSimpleRepo(join(root, "octo", "hello.git"));
    baseSha = await tipOf(join(root, "octo", "hello.git"), "main");
    server = await startGitHttpServer({ root, tokens: [TOKEN] });
    workspaces = new Workspaces({ dataDir });
    checkout = await workspaces.prepare({
      taskId: 31,
      repo: { owner: "octo", name: "hello", cloneUrl: server.url("octo/hello.git") },
      base: "main",
      branch: "agent/issue-31",
      token: TOKEN,
    });
    sandbox = new DockerSandbox({ docker, instance: "test-docker-checkout" });
    await sandbox.start({
      taskId: 31,
      workDir: checkout.workDir,
      readOnlyPaths: checkout.readOnlyPaths,
      image: TEST_IMAGE,
      network: false,
      limits: { memoryMb: 512, cpus: 1, pids: 256 },
    });
  });

  afterAll(async () => {
    await sandbox.stop();
    await workspaces.remove(31);
    await server.close();
    await rm(root, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  test("git works inside on the task branch, borrowing objects from the read-only mirror", async () => {
    const result = await sandbox.exec("git rev-parse --abbrev-ref HEAD; git rev-parse HEAD; git status --porcelain | wc -l", { timeoutMs: 30_000 });
    expect(result.output).toBe(`agent/issue-31\n${baseSha}\n0\n`);
  });

  test("the agent may commit in its own .git, but cannot write into the mirror", async () => {
    const result = await sandbox.exec(
      `git -c user.name=a -c user.email=a@b commit -q --allow-empty -m inside && echo committed; touch ${checkout.mirrorDir}/objects/planted 2>/dev/null && echo mirror-writable || echo mirror-read-only`,
      { timeoutMs: 30_000 },
    );
    expect(result.output).toBe("committed\nmirror-read-only\n");
  });

  test("the agent's edits reach the host's diff; nothing the agent does to its .git matters to the host", async () => {
    await sandbox.exec("echo 'a new line' >> README.md && git config core.fsmonitor 'touch /workspace/pwned; false'", { timeoutMs: 30_000 });
    const diff = await workspaces.diff(checkout);
    expect(diff.files).toEqual([expect.objectContaining({ path: "README.md", added: 1, deleted: 0 })]);
    const after = await sandbox.exec("ls /workspace/pwned 2>/dev/null | wc -l", { timeoutMs: 30_000 });
    expect(after.output).toBe("0\n");
  });

  test("no file in the checkout or the mirror holds the token", async () => {
    const pattern = `printf '%s%s\\n' '${TOKEN.slice(0, 8)}' '${TOKEN.slice(8)}' > /tmp/pattern`;
    const result = await sandbox.exec(`${pattern}; grep -rlsF -f /tmp/pattern /workspace ${checkout.mirrorDir}; echo done`, { timeoutMs: 30_000 });
    expect(result.output).toBe("done\n");
  });
});
