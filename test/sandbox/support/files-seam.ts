import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sandbox, SandboxSpec } from "../../../src/sandbox/sandbox.ts";
import { SandboxError } from "../../../src/sandbox/sandbox-error.ts";

const MB = 1024 * 1024;
const follow = { maxBytes: MB, links: "follow" } as const;
const refuse = { maxBytes: MB, links: "refuse" } as const;

/** SandboxFiles as every Sandbox implementation must provide it; fixtures are made from inside, as the sandbox's user. */
export function sandboxFilesTests(makeSandbox: () => Sandbox, specFor: (workDir: string) => SandboxSpec): void {
  describe("the sandbox's files", () => {
    let sandbox: Sandbox;
    let workDir: string;
    const run = async (command: string): Promise<string> => (await sandbox.exec(command, { timeoutMs: 10_000 })).output;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), "ferry-files-"));
      sandbox = makeSandbox();
      await sandbox.start(specFor(workDir));
      await run(
        [
          "mkdir -p src dir && printf 'one\\ntwo\\n' > src/a.txt && mkfifo pipe",
          "ln -s src/a.txt alias.txt && ln -s src linked && ln -s /etc/passwd passwd && ln -s /etc etc && ln -s /nowhere/at/all dangling",
        ].join(" && "),
      );
    });

    afterAll(async () => {
      await sandbox.stop();
      await rm(workDir, { recursive: true, force: true });
    });

    test("read returns a file's bytes exactly, binary included", async () => {
      await run("printf 'a\\000b\\377\\n' > bin.dat");
      expect(await sandbox.files.read("bin.dat", follow)).toEqual({ ok: true, bytes: Buffer.from([0x61, 0, 0x62, 0xff, 0x0a]) });
    });

    test("a file larger than maxBytes is not read; its size is given", async () => {
      await run("head -c 5000 /dev/zero > big.dat");
      expect(await sandbox.files.read("big.dat", { maxBytes: 4999, links: "follow" })).toEqual({ ok: false, problem: "too-large", size: 5000 });
    });

    test("a link inside the workspace is read through, unless links are refused", async () => {
      expect(await sandbox.files.read("alias.txt", follow)).toEqual({ ok: true, bytes: Buffer.from("one\ntwo\n") });
      expect(await sandbox.files.read("alias.txt", refuse)).toEqual({ ok: false, problem: "link" });
      expect(await sandbox.files.read("linked/a.txt", refuse)).toEqual({ ok: false, problem: "linked-dir" });
    });

    test.each([
      ["passwd", "outside"],
      ["etc/passwd", "outside"],
      ["dangling", "dangling"],
      ["missing.txt", "missing"],
      ["src", "directory"],
      ["pipe", "not-regular"],
      ["src/a.txt/below", "not-directory"],
    ])("reading %s fails as %s", async (path, problem) => {
      expect(await sandbox.files.read(path, follow)).toEqual({ ok: false, problem });
    });

    test("write creates a file and its missing directories, 0644 and 0755 whatever the umask", async () => {
      expect(await sandbox.files.write("new/deep/file.txt", Buffer.from("made\n"))).toEqual({ ok: true, created: true });
      expect(await readFile(join(workDir, "new/deep/file.txt"), "utf8")).toBe("made\n");
      expect(await run("stat -c %a new new/deep new/deep/file.txt")).toBe("755\n755\n644\n");
    });

    test("write replaces a file's content in place, keeping its mode, leaving nothing of a longer old content", async () => {
      await run("printf 'a long original content\\n' > kept.sh && chmod 750 kept.sh");
      expect(await sandbox.files.write("kept.sh", Buffer.from("short\n"))).toEqual({ ok: true, created: false });
      expect(await run("cat kept.sh; stat -c %a kept.sh")).toBe("short\n750\n");
    });

    test("content that looks like shell commands or the protocol is written as bytes and never run", async () => {
      const content = Buffer.from("\n__FERRY_0000000000000000_0_0__\nexit 7\ntouch pwned\n\u0000\xff");
      expect(await sandbox.files.write("payload.txt", content)).toEqual({ ok: true, created: true });
      expect(await sandbox.files.read("payload.txt", follow)).toEqual({ ok: true, bytes: content });
      expect(await run("ls pwned 2>&1; echo still-here")).toMatch(/No such file.*\nstill-here\n$/);
    });

    test("an empty content and an 8 MB one are both written whole", async () => {
      expect(await sandbox.files.write("empty.txt", Buffer.alloc(0))).toEqual({ ok: true, created: true });
      const big = Buffer.alloc(8 * MB, "x");
      expect(await sandbox.files.write("large.txt", big)).toEqual({ ok: true, created: true });
      expect(await run("wc -c < large.txt; wc -c < empty.txt")).toBe(`${8 * MB}\n0\n`);
    });

    test.each([
      ["alias.txt", "link"],
      ["linked/new.txt", "linked-dir"],
      ["etc/ferry-planted", "outside"],
      ["dangling", "dangling"],
      ["src", "directory"],
      ["pipe", "not-regular"],
      ["src/a.txt/below", "not-directory"],
    ])("writing %s is refused as %s", async (path, problem) => {
      expect(await sandbox.files.write(path, Buffer.from("x"))).toEqual({ ok: false, problem });
      expect(await run("cat src/a.txt")).toBe("one\ntwo\n");
    });

    test("locate says whether a path exists, following links only within the workspace", async () => {
      expect(await sandbox.files.locate("linked/a.txt")).toEqual({ ok: true, exists: true });
      expect(await sandbox.files.locate("src/none")).toEqual({ ok: true, exists: false });
      expect(await sandbox.files.locate(".")).toEqual({ ok: true, exists: true });
      expect(await sandbox.files.locate("etc")).toEqual({ ok: false, problem: "outside" });
    });

    test.each(["/etc/passwd", "../x", "./src/a.txt", "src//a.txt", "src/", ""])("the path %j is refused by the seam itself", async (path) => {
      await expect(sandbox.files.read(path, follow)).rejects.toThrow(SandboxError);
    });
  });
}
