import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sandbox, SandboxSpec } from "../../../src/sandbox/sandbox.ts";
import { waitFor } from "../../helpers/process.ts";

// Exit 0 when the pid is a live process; a killed one may linger as a zombie until its new parent reaps it.
const IS_RUNNING = `is_running() { local pid comm state rest; { read -r pid comm state rest < "/proc/$1/stat"; } 2>/dev/null && [ "$state" != Z ]; }; is_running`;
// Writes the pid the command runs as (inside the sandbox), then becomes `sleep 600`.
export const SLEEPER = "echo $$ > sleeper.pid; exec sleep 600";

/** The pid SLEEPER wrote once it runs, read from the checkout on the host. */
export function sleeperPid(workDir: string): Promise<string> {
  return waitFor("the long command to start", async () => (await readFile(join(workDir, "sleeper.pid"), "utf8").catch(() => "")).trim() || undefined);
}

export function sandboxSpec(workDir: string, overrides: Partial<SandboxSpec> = {}): SandboxSpec {
  return {
    taskId: 7,
    workDir,
    image: "unused",
    network: false,
    limits: { memoryMb: 512, cpus: 1, pids: 256 },
    outputLimitBytes: 4096,
    ...overrides,
  };
}

/** The behaviour every Sandbox implementation shares; isolation is tested per implementation. */
export function sandboxSeamTests(makeSandbox: () => Sandbox, specFor: (workDir: string) => SandboxSpec): void {
  describe("the sandbox seam", () => {
    let sandbox: Sandbox;
    let workDir: string;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), "ferry-seam-"));
      await writeFile(join(workDir, "README.md"), "hello from the checkout\n");
      sandbox = makeSandbox();
      await sandbox.start(specFor(workDir));
    });

    afterAll(async () => {
      await sandbox.stop();
      await rm(workDir, { recursive: true, force: true });
    });

    test("a command runs in the checkout and reports its exit code with stdout and stderr interleaved", async () => {
      const result = await sandbox.exec("cat README.md; echo oops >&2; exit 3", { timeoutMs: 10_000 });
      expect(result).toMatchObject({ exitCode: 3, output: "hello from the checkout\noops\n", truncated: false, timedOut: false, oomKilled: false });
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
    });

    test("files a command writes land in the checkout", async () => {
      await sandbox.exec("echo made > made-here.txt", { timeoutMs: 10_000 });
      expect((await sandbox.exec("cat made-here.txt", { timeoutMs: 10_000 })).output).toBe("made\n");
    });

    test("commands are non-interactive: stdin is closed and pagers are off", async () => {
      const result = await sandbox.exec('cat; echo "pager=$PAGER git_pager=$GIT_PAGER ci=$CI"', { timeoutMs: 10_000 });
      expect(result).toMatchObject({ exitCode: 0, output: "pager=cat git_pager=cat ci=true\n" });
    });

    test("quotes, newlines and dollar signs in a command reach bash unchanged", async () => {
      const result = await sandbox.exec("printf '%s|' 'it'\\''s' \"$((1+1))\"\necho", { timeoutMs: 10_000 });
      expect(result.output).toBe("it's|2|\n");
    });

    test("a command past its timeout is killed with its whole process group, and the shell still answers", async () => {
      const slow = await sandbox.exec("(echo $BASHPID > child.pid; sleep 30) & sleep 30", { timeoutMs: 500 });
      expect(slow).toMatchObject({ timedOut: true, exitCode: 137 });
      expect(slow.durationMs).toBeLessThan(10_000);
      const next = await sandbox.exec(`echo alive; ${IS_RUNNING} "$(cat child.pid)" && echo child-running || echo child-gone`, { timeoutMs: 10_000 });
      expect(next).toMatchObject({ exitCode: 0, output: "alive\nchild-gone\n", timedOut: false });
    });

    test("processes a command leaves in the background end with it", async () => {
      await sandbox.exec("sleep 30 & echo $! > background.pid", { timeoutMs: 10_000 });
      const check = await sandbox.exec(`${IS_RUNNING} "$(cat background.pid)" && echo running || echo gone`, { timeoutMs: 10_000 });
      expect(check.output).toBe("gone\n");
    });

    test("megabytes of output keep their head and tail with a line saying how much was cut", async () => {
      const result = await sandbox.exec("echo FIRST-LINE; head -c 5000000 /dev/zero | tr '\\0' x; echo; echo LAST-LINE", { timeoutMs: 30_000 });
      expect(result.truncated).toBe(true);
      expect(result.output.startsWith("FIRST-LINE\n")).toBe(true);
      expect(result.output.endsWith("LAST-LINE\n")).toBe(true);
      expect(result.output).toMatch(/\[… \d+ bytes of output cut; the first and last 2048 bytes are kept …\]/);
      expect(result.output.length).toBeLessThan(4096 + 200);
    });

    test("a command may keep more output than the sandbox's limit (the test runs Ferry parses)", async () => {
      const result = await sandbox.exec("head -c 20000 /dev/zero | tr '\\0' x", { timeoutMs: 30_000, outputLimitBytes: 64 * 1024 });
      expect(result.truncated).toBe(false);
      expect(result.output).toBe("x".repeat(20_000));
    });

    test("output that looks like the protocol cannot end a command early", async () => {
      const result = await sandbox.exec("echo; echo __FERRY_0000000000000000_0_0__; echo after", { timeoutMs: 10_000 });
      expect(result.output).toBe("\n__FERRY_0000000000000000_0_0__\nafter\n");
    });

    test("commands issued at once run one after the other, each with its own result", async () => {
      const results = await Promise.all([1, 2, 3].map((n) => sandbox.exec(`echo ${n}`, { timeoutMs: 10_000 })));
      expect(results.map((result) => result.output)).toEqual(["1\n", "2\n", "3\n"]);
    });

    test("aborting kills the running command and rejects with the abort reason; the next command works", async () => {
      const controller = new AbortController();
      const running = sandbox.exec("sleep 30", { timeoutMs: 60_000, signal: controller.signal });
      setTimeout(() => controller.abort(new Error("stopped by @octocat")), 200);
      await expect(running).rejects.toThrow("stopped by @octocat");
      expect((await sandbox.exec("echo next", { timeoutMs: 10_000 })).output).toBe("next\n");
    });

    test("aborting a long command kills its process: nothing of it keeps running", async () => {
      await rm(join(workDir, "sleeper.pid"), { force: true });
      const controller = new AbortController();
      const running = sandbox.exec(SLEEPER, { timeoutMs: 900_000, signal: controller.signal });
      const pid = await sleeperPid(workDir);
      controller.abort(new Error("@alice asked to stop"));
      await expect(running).rejects.toThrow("@alice asked to stop");
      const check = await sandbox.exec(`${IS_RUNNING} ${pid} && echo running || echo gone`, { timeoutMs: 10_000 });
      expect(check.output).toBe("gone\n");
    });

    test("the environment holds nothing of Ferry's own process", async () => {
      process.env.FERRY_SEAM_PLANTED_SECRET = "sk-planted-seam-secret";
      const result = await sandbox.exec("env", { timeoutMs: 10_000 });
      delete process.env.FERRY_SEAM_PLANTED_SECRET;
      expect(result.output).not.toContain("sk-planted-seam-secret");
      expect(result.output).not.toMatch(/^(OPENAI_API_KEY|PRIVATE_KEY|WEBHOOK_SECRET|APP_ID)=/m);
    });

    test("a command containing a NUL byte is refused with a clear message", async () => {
      await expect(sandbox.exec("echo a\0b", { timeoutMs: 10_000 })).rejects.toThrow("NUL byte");
    });
  });
}

export async function emptyWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "ferry-sandbox-"));
}
