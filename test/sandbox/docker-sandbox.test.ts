import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DockerSandbox } from "../../src/sandbox/docker/docker-sandbox.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";
import { containersOf } from "./support/containers.ts";
import { sandboxFilesTests } from "./support/files-seam.ts";
import { sandboxSeamTests, sandboxSpec, SLEEPER, sleeperPid } from "./support/sandbox-seam.ts";

jest.setTimeout(120_000);

const INSTANCE = "test-docker-sandbox";
const dockerSpec = (workDir: string, network = false) => sandboxSpec(workDir, { image: TEST_IMAGE, network });

describeWithDocker("DockerSandbox", () => {
  sandboxSeamTests(() => new DockerSandbox({ docker, instance: INSTANCE }), (workDir) => dockerSpec(workDir));
  sandboxFilesTests(() => new DockerSandbox({ docker, instance: INSTANCE }), (workDir) => dockerSpec(workDir));

  describe("isolation", () => {
    let sandbox: DockerSandbox;
    let workDir: string;
    let secretsDir: string;
    let listener: Server;
    let port: number;
    const token = ["ghs", "plantedInstallationToken", "0123456789"].join("_");

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), "ferry-docker-"));
      // Ferry's own secrets, on the host and in its process: none may be reachable from inside.
      secretsDir = await mkdtemp(join(tmpdir(), "ferry-secrets-"));
      await writeFile(join(secretsDir, "installation-token"), token);
      process.env.GITHUB_TOKEN = token;
      process.env.OPENAI_API_KEY = token;
      // A listener on every host address, for the "network on, then off" checks.
      listener = createServer((socket) => socket.end("hello\n"));
      await new Promise<void>((resolve) => listener.listen(0, "0.0.0.0", resolve));
      const address = listener.address();
      port = typeof address === "object" && address ? address.port : 0;
      sandbox = new DockerSandbox({ docker, instance: INSTANCE });
      await sandbox.start(dockerSpec(workDir, true));
    });

    afterAll(async () => {
      delete process.env.GITHUB_TOKEN;
      delete process.env.OPENAI_API_KEY;
      await sandbox.stop();
      listener.close();
      await rm(workDir, { recursive: true, force: true });
      await rm(secretsDir, { recursive: true, force: true });
    });

    const connectToHost = `gw=$(while read -r i d g rest; do if [ "$d" = 00000000 ]; then printf '%d.%d.%d.%d' 0x\${g:6:2} 0x\${g:4:2} 0x\${g:2:2} 0x\${g:0:2}; fi; done < /proc/net/route); timeout 5 bash -c "exec 3<>/dev/tcp/$gw/PORT && head -1 <&3" && echo reached || echo unreachable`;

    test("during setup the network reaches the host; after disconnecting, an outbound connection fails from inside", async () => {
      const before = await sandbox.exec(connectToHost.replace("PORT", String(port)), { timeoutMs: 15_000 });
      expect(before.output).toContain("hello\nreached");
      await sandbox.setNetwork(false);
      const after = await sandbox.exec(`exec 3<>/dev/tcp/1.1.1.1/443 && echo connected || echo refused; ${connectToHost.replace("PORT", String(port))}`, {
        timeoutMs: 15_000,
      });
      expect(after.output).toContain("refused");
      expect(after.output).toContain("unreachable");
      expect(after.output).not.toContain("reached\n");
    });

    test("commands run as a non-root user with no capabilities", async () => {
      const result = await sandbox.exec("id -u; grep CapEff /proc/self/status; grep NoNewPrivs /proc/self/status", { timeoutMs: 10_000 });
      expect(result.output).toBe("1000\nCapEff:\t0000000000000000\nNoNewPrivs:\t1\n");
    });

    test("writing outside the workspace fails; /tmp and home are writable", async () => {
      const result = await sandbox.exec(
        "for p in /etc/ferry /usr/local/bin/x / /var/tmp/x /tmp/ok \"$HOME/ok\" /workspace/ok; do if touch \"$p\" 2>/dev/null; then echo \"$p writable\"; else echo \"$p refused\"; fi; done",
        { timeoutMs: 10_000 },
      );
      expect(result.output).toBe(
        ["/etc/ferry refused", "/usr/local/bin/x refused", "/ refused", "/var/tmp/x refused", "/tmp/ok writable", "/home/ferry/ok writable", "/workspace/ok writable", ""].join("\n"),
      );
    });

    test("memory beyond the limit is reported as an OOM kill, and the shell survives it", async () => {
      const result = await sandbox.exec("x=$(head -c 900m /dev/zero | tr '\\0' a); echo ${#x}", { timeoutMs: 60_000 });
      expect(result).toMatchObject({ oomKilled: true, exitCode: 137, timedOut: false });
      expect((await sandbox.exec("echo still-here", { timeoutMs: 10_000 })).output).toBe("still-here\n");
    });

    test("a fork bomb is held by the pids limit and the sandbox still answers", async () => {
      const result = await sandbox.exec("bomb() { bomb | bomb & }; bomb; sleep 2; echo survived", { timeoutMs: 20_000 });
      expect(result.timedOut || result.exitCode !== null).toBe(true);
      // Killed processes take a moment to be torn down; count until the bomb's are gone.
      const count = "for i in $(seq 300); do n=$(ls -d /proc/[0-9]* 2>/dev/null | wc -l); [ $n -lt 10 ] && break; sleep 0.1; done; echo $n";
      const next = await sandbox.exec(`echo answering; ${count}`, { timeoutMs: 60_000 });
      // Under load the loop may first print bash's own "fork: retry" notices: the count is the last line.
      const lines = next.output.trim().split("\n");
      const [answer, processes] = [lines[0], lines.at(-1)];
      expect(answer).toBe("answering");
      // docker-init, sleep, the shell, this command and its pipeline: nothing of the bomb is left.
      expect(Number(processes)).toBeLessThan(10);
    });

    test("a planted token is found nowhere inside: not in the environment, files, or /proc of any process", async () => {
      // The pattern is assembled inside, so no command line carries the token itself.
      const [head, tail] = [token.slice(0, 10), token.slice(10)];
      const search = [
        `printf '%s%s\\n' '${head}' '${tail}' > /tmp/pattern`,
        "grep -rlsF -f /tmp/pattern / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev --exclude=pattern",
        "for f in /proc/[0-9]*/environ /proc/[0-9]*/cmdline; do grep -lsF -f /tmp/pattern \"$f\"; done",
        "env | grep -F -f /tmp/pattern",
        "echo search-done",
      ].join("; ");
      const result = await sandbox.exec(search, { timeoutMs: 120_000 });
      expect(result.output).toBe("search-done\n");
    });

    test("the checkout is handed to the sandbox user, but a symlink in it never changes its target's owner", async () => {
      const outside = await mkdtemp(join(tmpdir(), "ferry-outside-"));
      await writeFile(join(outside, "victim"), "host file\n");
      const dir = await mkdtemp(join(tmpdir(), "ferry-links-"));
      await mkdir(join(dir, "src"));
      const { symlink, stat } = await import("node:fs/promises");
      await symlink(join(outside, "victim"), join(dir, "src", "link"));
      const linked = new DockerSandbox({ docker, instance: INSTANCE });
      await linked.start(dockerSpec(dir));
      await linked.stop();
      expect((await stat(join(outside, "victim"))).uid).toBe(process.getuid?.());
      expect((await stat(join(dir, "src"))).uid).toBe(process.getuid?.() === 0 ? 1000 : process.getuid?.());
      await rm(outside, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    });
  });

  describe("lifecycle", () => {
    test("every container carries the task label, and stop removes it", async () => {
      const workDir = await mkdtemp(join(tmpdir(), "ferry-docker-"));
      const sandbox = new DockerSandbox({ docker, instance: INSTANCE });
      await sandbox.start({ ...dockerSpec(workDir), taskId: 4711 });
      const listed = () => docker.listContainers({ all: true, filters: { label: ["ferry.task=4711"] } });
      expect(await listed()).toHaveLength(1);
      await sandbox.stop();
      expect(await listed()).toHaveLength(0);
      await rm(workDir, { recursive: true, force: true });
    });

    test("stop during a running command removes the container with the command in it", async () => {
      const workDir = await mkdtemp(join(tmpdir(), "ferry-docker-"));
      const sandbox = new DockerSandbox({ docker, instance: INSTANCE });
      await sandbox.start({ ...dockerSpec(workDir), taskId: 4712 });
      const running = sandbox.exec(SLEEPER, { timeoutMs: 900_000 });
      await sleeperPid(workDir);
      await sandbox.stop();
      expect(await containersOf(INSTANCE, 4712)).toEqual([]);
      await expect(running).resolves.toMatchObject({ exitCode: null });
      await rm(workDir, { recursive: true, force: true });
    });

    test("an image that is not on the engine and cannot be pulled fails with a message naming it", async () => {
      const workDir = await mkdtemp(join(tmpdir(), "ferry-docker-"));
      const sandbox = new DockerSandbox({ docker, instance: INSTANCE });
      await expect(sandbox.start({ ...dockerSpec(workDir), image: "127.0.0.1:1/ferry/no-such-image:1" })).rejects.toThrow(SandboxError);
      await expect(sandbox.start({ ...dockerSpec(workDir), image: "127.0.0.1:1/ferry/no-such-image:1" })).rejects.toThrow(
        /"127\.0\.0\.1:1\/ferry\/no-such-image:1" is not on this Docker engine/,
      );
      await sandbox.stop();
      await rm(workDir, { recursive: true, force: true });
    });
  });
});
