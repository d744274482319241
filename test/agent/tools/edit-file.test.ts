import { describe, expect, test } from "@jest/globals";
import { chmod, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

const source = "function add(a, b) {\n  return a - b;\n}\n\nfunction sub(a, b) {\n  return a - b;\n}\n";

describe("edit_file", () => {
  const workspace = useToolWorkspaces();

  test("replaces the one place `old` matches and shows the edited region with line numbers", async () => {
    const { call, workDir } = await workspace({ files: { "math.js": source } });
    const result = await call("edit_file", { path: "math.js", old: "function add(a, b) {\n  return a - b;", new: "function add(a, b) {\n  return a + b;" });
    expect(await readFile(join(workDir, "math.js"), "utf8")).toBe(source.replace("return a - b;", "return a + b;"));
    expect(result.isError).toBe(false);
    expect(result.output).toBe(
      ['Edited "math.js" at line 1:', "     1\tfunction add(a, b) {", "     2\t  return a + b;", "     3\t}", "     4\t", "     5\tfunction sub(a, b) {"].join("\n"),
    );
    expect(result.details).toMatchObject({ path: "math.js", line: 1 });
  });

  test("text that matches nowhere is an error that asks for an exact copy, and the file is unchanged", async () => {
    const { call, workDir } = await workspace({ files: { "math.js": source } });
    const result = await call("edit_file", { path: "math.js", old: "return a * b;", new: "return a + b;" });
    expect(result).toMatchObject({ isError: true, output: expect.stringContaining('`old` was not found in "math.js". It must match exactly') });
    expect(await readFile(join(workDir, "math.js"), "utf8")).toBe(source);
  });

  test("text that matches several places is an error that counts them, gives their lines and asks for more context", async () => {
    const { call, workDir } = await workspace({ files: { "math.js": source } });
    const result = await call("edit_file", { path: "math.js", old: "return a - b;", new: "return a + b;" });
    expect(result).toMatchObject({
      isError: true,
      output: '`old` occurs 2 times in "math.js" (at lines 2, 6); it must occur exactly once. Add surrounding lines to `old` to say which one.',
    });
    expect(await readFile(join(workDir, "math.js"), "utf8")).toBe(source);
  });

  test("overlapping matches count as several", async () => {
    const { call } = await workspace({ files: { "a.txt": "aaa\n" } });
    expect(await call("edit_file", { path: "a.txt", old: "aa", new: "b" })).toMatchObject({ isError: true, output: expect.stringContaining("occurs 2 times") });
  });

  test("`$` sequences in `new` are inserted literally", async () => {
    const { call, workDir } = await workspace({ files: { "a.txt": "price\n" } });
    await call("edit_file", { path: "a.txt", old: "price", new: "cost: $& $1 $$" });
    expect(await readFile(join(workDir, "a.txt"), "utf8")).toBe("cost: $& $1 $$\n");
  });

  test("a missing file is an error that points to write_file", async () => {
    const { call } = await workspace();
    expect(await call("edit_file", { path: "new.ts", old: "a", new: "b" })).toMatchObject({ isError: true, output: '"new.ts" does not exist; create it with write_file.' });
  });

  test("`old` equal to `new` is an error", async () => {
    const { call } = await workspace({ files: { "a.txt": "a\n" } });
    expect(await call("edit_file", { path: "a.txt", old: "a", new: "a" })).toMatchObject({ isError: true, output: expect.stringContaining("nothing to change") });
  });

  test("an empty `old` is invalid", async () => {
    const { call } = await workspace({ files: { "a.txt": "a\n" } });
    expect(await call("edit_file", { path: "a.txt", old: "", new: "b" })).toMatchObject({ isError: true, output: expect.stringContaining('"old"') });
  });

  test("the edit keeps the file's mode", async () => {
    const { call, workDir } = await workspace({ files: { "run.sh": "echo old\n" } });
    await chmod(join(workDir, "run.sh"), 0o755);
    await call("edit_file", { path: "run.sh", old: "old", new: "new" });
    expect((await stat(join(workDir, "run.sh"))).mode & 0o777).toBe(0o755);
  });

  test("a denied path is refused and left unchanged", async () => {
    const { call, workDir } = await workspace({ files: { ".env.local": "KEY=1\n" }, policy: { paths: { deny: ["**/.env*"] } } });
    expect(await call("edit_file", { path: ".env.local", old: "KEY=1", new: "KEY=2" })).toMatchObject({ isError: true, details: { refused: "paths.deny" } });
    expect(await readFile(join(workDir, ".env.local"), "utf8")).toBe("KEY=1\n");
  });

  test("editing through a symlink is refused", async () => {
    const { call, workDir } = await workspace({ files: { "real.txt": "a\n" } });
    await symlink("real.txt", join(workDir, "link.txt"));
    expect(await call("edit_file", { path: "link.txt", old: "a", new: "b" })).toMatchObject({ isError: true, output: expect.stringContaining("is a symbolic link") });
    expect(await readFile(join(workDir, "real.txt"), "utf8")).toBe("a\n");
  });

  test("a binary file is not edited", async () => {
    const { call, workDir } = await workspace();
    await writeFile(join(workDir, "blob.bin"), Buffer.from([0x61, 0, 0x62]));
    expect(await call("edit_file", { path: "blob.bin", old: "a", new: "c" })).toMatchObject({ isError: true, output: expect.stringContaining("binary") });
  });
});
