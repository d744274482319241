import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

describe("write_file", () => {
  const workspace = useToolWorkspaces();

  test("creates a file and its missing parent directories", async () => {
    const { call, workDir } = await workspace();
    const result = await call("write_file", { path: "src/deep/new.ts", content: "export const a = 1;\nexport const b = 2;\n" });
    expect(result).toEqual({ output: 'Created "src/deep/new.ts" (2 lines, 40 bytes).', isError: false, details: { path: "src/deep/new.ts", created: true, bytes: 40, lines: 2 } });
    expect(await readFile(join(workDir, "src/deep/new.ts"), "utf8")).toBe("export const a = 1;\nexport const b = 2;\n");
  });

  test("a new file gets mode 0644 whatever the umask", async () => {
    const { call, workDir } = await workspace();
    const umask = process.umask(0o077);
    try {
      await call("write_file", { path: "new.txt", content: "x" });
    } finally {
      process.umask(umask);
    }
    expect((await stat(join(workDir, "new.txt"))).mode & 0o777).toBe(0o644);
  });

  test("replacing a file keeps its mode", async () => {
    const { call, workDir } = await workspace({ files: { "run.sh": "#!/bin/sh\necho old\n" } });
    await chmod(join(workDir, "run.sh"), 0o755);
    const result = await call("write_file", { path: "run.sh", content: "#!/bin/sh\necho new\n" });
    expect(result.output).toBe('Replaced the content of "run.sh" (2 lines, 19 bytes).');
    expect((await stat(join(workDir, "run.sh"))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(workDir, "run.sh"), "utf8")).toBe("#!/bin/sh\necho new\n");
  });

  test("a shorter content leaves nothing of the old one behind", async () => {
    const { call, workDir } = await workspace({ files: { "a.txt": "a long original content\n" } });
    await call("write_file", { path: "a.txt", content: "short\n" });
    expect(await readFile(join(workDir, "a.txt"), "utf8")).toBe("short\n");
  });

  test("a path the repository denies is refused, recorded, and not written", async () => {
    const { call, workDir, trajectory } = await workspace({ policy: { paths: { deny: [".github/workflows/**"] } } });
    const result = await call("write_file", { path: ".github/workflows/ci.yml", content: "on: push\n" });
    expect(result).toMatchObject({ isError: true, details: { refused: "paths.deny", pattern: ".github/workflows/**" } });
    expect(result.output).toMatch(/^Refused by the repository's path policy; nothing was written\. Writing ".github\/workflows\/ci.yml" is not allowed here/);
    expect(existsSync(join(workDir, ".github"))).toBe(false);
    expect(trajectory.ofType("policy")).toEqual([expect.objectContaining({ tool: "write_file", decision: "denied", rule: "paths.deny", pattern: ".github/workflows/**" })]);
  });

  test("writing through a linked directory is refused, so a link cannot dodge a denied path", async () => {
    const { call, workDir } = await workspace({ policy: { paths: { deny: [".github/workflows/**"] } } });
    await mkdir(join(workDir, ".github/workflows"), { recursive: true });
    await symlink(".github/workflows", join(workDir, "ci"));
    const result = await call("write_file", { path: "ci/release.yml", content: "on: push\n" });
    expect(result).toMatchObject({ isError: true, details: { refused: "workspace" }, output: expect.stringContaining("leads through a symbolic link") });
    expect(existsSync(join(workDir, ".github/workflows/release.yml"))).toBe(false);
  });

  test("a path that climbs out of the workspace writes nothing outside", async () => {
    const { call, workDir } = await workspace();
    const escapee = `${basename(workDir)}-escaped.txt`;
    expect(await call("write_file", { path: `../${escapee}`, content: "x" })).toMatchObject({ isError: true, details: { refused: "workspace" } });
    expect(existsSync(join(dirname(workDir), escapee))).toBe(false);
  });

  test("an absolute path is refused", async () => {
    const { call } = await workspace();
    expect(await call("write_file", { path: "/etc/ferry-test", content: "x" })).toMatchObject({ isError: true, output: expect.stringContaining("absolute paths are not allowed") });
    expect(existsSync("/etc/ferry-test")).toBe(false);
  });

  test("writing through a symlink is refused and its target is left alone", async () => {
    const outside = await mkdtemp(join(tmpdir(), "ferry-outside-"));
    try {
      await writeFile(join(outside, "target.txt"), "untouched\n");
      const { call, workDir } = await workspace();
      await symlink(join(outside, "target.txt"), join(workDir, "link.txt"));
      expect(await call("write_file", { path: "link.txt", content: "overwritten\n" })).toMatchObject({ isError: true });
      expect(await readFile(join(outside, "target.txt"), "utf8")).toBe("untouched\n");
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  test("a symlinked directory to the outside cannot be written into", async () => {
    const outside = await mkdtemp(join(tmpdir(), "ferry-outside-"));
    try {
      const { call, workDir } = await workspace();
      await symlink(outside, join(workDir, "out"));
      expect(await call("write_file", { path: "out/planted.txt", content: "x" })).toMatchObject({ isError: true, output: expect.stringContaining("outside the workspace") });
      expect(existsSync(join(outside, "planted.txt"))).toBe(false);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  test("a git hook cannot be planted", async () => {
    const { call, workDir } = await workspace();
    await mkdir(join(workDir, ".git/hooks"), { recursive: true });
    expect(await call("write_file", { path: ".git/hooks/pre-commit", content: "#!/bin/sh\ncurl evil\n" })).toMatchObject({ isError: true, output: expect.stringContaining("inside .git") });
    expect(existsSync(join(workDir, ".git/hooks/pre-commit"))).toBe(false);
  });

  test("a FIFO is refused instead of blocking the run", async () => {
    const { call, workDir } = await workspace();
    execFileSync("mkfifo", [join(workDir, "pipe")]);
    expect(await call("write_file", { path: "pipe", content: "x" })).toMatchObject({ isError: true, output: expect.stringContaining('"pipe" is not a regular file') });
  });

  test("a directory cannot be overwritten", async () => {
    const { call, workDir } = await workspace();
    await mkdir(join(workDir, "src"));
    expect(await call("write_file", { path: "src", content: "x" })).toMatchObject({ isError: true, output: expect.stringContaining('"src" is a directory') });
  });
});
