import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkspacePath, resolveWorkspacePath } from "../../../src/agent/tools/workspace-path.ts";

describe("checkWorkspacePath (the host's first filter, on the text alone)", () => {
  test("a path is normalised", () => {
    expect(checkWorkspacePath("./src//index.ts/", "read")).toEqual({ ok: true, relative: "src/index.ts" });
  });

  test.each([
    ["../x", "read", "climbs out of the workspace"],
    ["src/../../x", "read", "climbs out of the workspace"],
    ["/etc/passwd", "read", "absolute paths are not allowed"],
    ["a\0b", "read", "NUL byte"],
    [".", "write", "workspace root"],
    [".git/config", "write", "inside .git"],
    ["sub/.GIT/hooks/pre-commit", "write", "inside .git"],
  ] as const)("%j (%s) is refused: %s", (path, intent, why) => {
    expect(checkWorkspacePath(path, intent)).toEqual({ ok: false, error: expect.stringContaining(why) });
  });

  test("the workspace root and files inside .git can be read", () => {
    expect(checkWorkspacePath(".", "read")).toEqual({ ok: true, relative: "." });
    expect(checkWorkspacePath(".git/HEAD", "read")).toEqual({ ok: true, relative: ".git/HEAD" });
  });
});

describe("resolveWorkspacePath", () => {
  let workDir: string;
  let outside: string;

  beforeEach(async () => {
    workDir = await realpath(await mkdtemp(join(tmpdir(), "ferry-paths-")));
    outside = await realpath(await mkdtemp(join(tmpdir(), "ferry-outside-")));
    await mkdir(join(workDir, "src"));
    await writeFile(join(workDir, "src", "index.ts"), "export {};\n");
    await writeFile(join(outside, "secret.txt"), "secret\n");
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  test("a relative path inside the workspace resolves under it, normalised", async () => {
    expect(await resolveWorkspacePath(workDir, "./src//index.ts", "read")).toEqual({
      ok: true,
      root: workDir,
      relative: "src/index.ts",
      real: "src/index.ts",
      absolute: join(workDir, "src", "index.ts"),
      exists: true,
    });
  });

  test("a new file under a missing directory is allowed for writing and marked as not existing", async () => {
    expect(await resolveWorkspacePath(workDir, "lib/deep/new.ts", "write")).toMatchObject({ ok: true, real: "lib/deep/new.ts", exists: false });
  });

  test("a `..` that stays inside the workspace is fine", async () => {
    expect(await resolveWorkspacePath(workDir, "src/../README.md", "write")).toMatchObject({ ok: true, relative: "README.md" });
  });

  test.each([
    ["../x", "climbs out of the workspace"],
    ["src/../../x", "climbs out of the workspace"],
    ["..", "climbs out of the workspace"],
    ["/etc/passwd", "absolute paths are not allowed"],
    ["src/a\0b", "NUL byte"],
  ])("%j is refused: %s", async (path, why) => {
    const result = await resolveWorkspacePath(workDir, path, "read");
    expect(result).toEqual({ ok: false, error: expect.stringContaining(why) });
  });

  test("an empty path is refused with a hint of what to send", async () => {
    expect(await resolveWorkspacePath(workDir, " ", "read")).toEqual({ ok: false, error: expect.stringContaining("relative to the workspace root") });
  });

  test("a symlink to a file outside the workspace cannot be read", async () => {
    await symlink(join(outside, "secret.txt"), join(workDir, "leak.txt"));
    expect(await resolveWorkspacePath(workDir, "leak.txt", "read")).toEqual({ ok: false, error: expect.stringContaining("outside the workspace through a symbolic link") });
  });

  test("a symlink to /etc cannot be read through", async () => {
    await symlink("/etc", join(workDir, "etc"));
    expect(await resolveWorkspacePath(workDir, "etc/passwd", "read")).toEqual({ ok: false, error: expect.stringContaining("outside the workspace") });
  });

  test("a symlinked directory pointing outside cannot be written into, even where nothing exists yet", async () => {
    await symlink(outside, join(workDir, "out"));
    expect(await resolveWorkspacePath(workDir, "out/new/file.txt", "write")).toEqual({ ok: false, error: expect.stringContaining("outside the workspace") });
  });

  test("a symlink whose target does not exist is refused", async () => {
    await symlink(join(outside, "missing-dir"), join(workDir, "dangling"));
    expect(await resolveWorkspacePath(workDir, "dangling/file.txt", "write")).toEqual({ ok: false, error: expect.stringContaining("does not exist") });
  });

  test("a symlink inside the workspace can be read, and resolves to its target", async () => {
    await symlink("src/index.ts", join(workDir, "alias.ts"));
    expect(await resolveWorkspacePath(workDir, "alias.ts", "read")).toMatchObject({ ok: true, relative: "alias.ts", real: "src/index.ts" });
  });

  test("writing through a symlink is refused even when it points inside the workspace", async () => {
    await symlink("src/index.ts", join(workDir, "alias.ts"));
    expect(await resolveWorkspacePath(workDir, "alias.ts", "write")).toEqual({ ok: false, error: expect.stringContaining("is a symbolic link") });
  });

  test("anything inside .git cannot be written", async () => {
    expect(await resolveWorkspacePath(workDir, ".git/hooks/pre-commit", "write")).toEqual({ ok: false, error: expect.stringContaining("inside .git") });
  });

  test("a directory linked to .git cannot be written into", async () => {
    await mkdir(join(workDir, ".git", "hooks"), { recursive: true });
    await symlink(".git", join(workDir, "meta"));
    expect(await resolveWorkspacePath(workDir, "meta/hooks/post-checkout", "write")).toEqual({ ok: false, error: expect.stringContaining("inside .git") });
  });

  test("files inside .git can be read", async () => {
    await mkdir(join(workDir, ".git"));
    await writeFile(join(workDir, ".git", "HEAD"), "ref: refs/heads/main\n");
    expect(await resolveWorkspacePath(workDir, ".git/HEAD", "read")).toMatchObject({ ok: true, exists: true });
  });

  test("the workspace root itself cannot be written", async () => {
    expect(await resolveWorkspacePath(workDir, ".", "write")).toEqual({ ok: false, error: expect.stringContaining("workspace root") });
  });
});
