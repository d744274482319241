import { afterAll, beforeAll, expect, jest, test } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { ToolResult } from "../../src/agent/tools/tool.ts";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { sandboxUser } from "../../src/sandbox/docker/ownership.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";
import { toolWorkspace, type ToolWorkspace } from "../agent/tools/support/tool-workspace.ts";
import { containersOf } from "../sandbox/support/containers.ts";

jest.setTimeout(180_000);

/*
 * The attack: a process of the agent's keeps swapping a directory of the checkout with a link
 * to a directory of the host, while the file tools name files below it. A tool that checks
 * the path on the host and then opens it by name loses the race now and then: it reads the
 * host's file, or writes into the host's directory. Inside the sandbox the link leads nowhere.
 * The swapper runs from an exec of its own: no command ends while the tools run, so nothing
 * sweeps it away (that is the other defence, tested in sandbox-lingering-processes).
 */
const INSTANCE = "test-security-file-race";
const TASK = 8181;
const ROUNDS = 1000;
const BUDGET_MS = 45_000;
// renameat2(AT_FDCWD, "d", AT_FDCWD, "link", RENAME_EXCHANGE) in a loop: d is the directory, then the link, never missing.
const SWAPPER = `cd race && exec perl -MPOSIX -e 'my $n = { x86_64 => 316, aarch64 => 276 }->{(POSIX::uname())[4]} or die "unknown arch"; my ($d, $l) = ("d", "link"); while (1) { syscall($n, -100, $d, -100, $l, 2) == 0 or die "renameat2: $!" }'`;

describeWithDocker("the directory/symlink swap race against the file tools (Docker)", () => {
  const secret = `FERRY-HOST-SECRET-${randomBytes(8).toString("hex")}`;
  let host: string;
  let workspace: ToolWorkspace;
  let swapper: Duplex | undefined;

  beforeAll(async () => {
    // Outside the checkout: a secret, a file to edit, a directory to write into.
    host = await mkdtemp(join(tmpdir(), "ferry-host-"));
    await writeFile(join(host, "secret.txt"), `${secret}\n`);
    await writeFile(join(host, "victim.txt"), "old\n");
    workspace = await toolWorkspace({
      files: { "race/d/secret.txt": "decoy\n", "race/d/victim.txt": "old\n" },
      sandbox: async (workDir) => {
        await symlink(host, join(workDir, "race/link"));
        const sandbox = new DockerSandbox({ docker, instance: INSTANCE });
        await sandbox.start({ taskId: TASK, workDir, image: TEST_IMAGE, network: false, limits: { memoryMb: 256, cpus: 1, pids: 128 } });
        return sandbox;
      },
    });
    const [container] = await containersOf(INSTANCE, TASK);
    const exec = await docker.getContainer(container!.Id).exec({ Cmd: ["bash", "-c", SWAPPER], User: sandboxUser(), WorkingDir: "/workspace", AttachStdout: true, AttachStderr: true });
    swapper = await exec.start({ hijack: true, stdin: false });
    swapper.resume();
  });

  afterAll(async () => {
    swapper?.destroy();
    await workspace?.close();
    await rm(host, { recursive: true, force: true });
  });

  test(`up to ${ROUNDS} rounds (${BUDGET_MS / 1000} s) of read_file, write_file and edit_file through the swapping directory: 0 host reads, 0 host writes`, async () => {
    const results: ToolResult[] = [];
    const reads: ToolResult[] = [];
    const deadline = Date.now() + BUDGET_MS;
    let round = 0;
    for (; round < ROUNDS && Date.now() < deadline; round++) {
      const read = await workspace.call("read_file", { path: "race/d/secret.txt" });
      reads.push(read);
      results.push(read);
      results.push(await workspace.call("write_file", { path: `race/d/planted-${round}.txt`, content: `planted ${round}\n` }));
      results.push(await workspace.call("edit_file", { path: "race/d/victim.txt", old: "old", new: "old+" }));
    }
    expect(results.filter((result) => result.output.includes(secret))).toEqual([]);
    expect((await readdir(host)).sort()).toEqual(["secret.txt", "victim.txt"]);
    expect(await readFile(join(host, "victim.txt"), "utf8")).toBe("old\n");
    // The race was live: some reads met the directory, some the link.
    expect(reads.some((read) => read.output === "     1\tdecoy")).toBe(true);
    expect(reads.some((read) => read.isError)).toBe(true);
    expect(round).toBeGreaterThanOrEqual(200);
    expect(results).toHaveLength(round * 3);
  });
});
