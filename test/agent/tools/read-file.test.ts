import { describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { READ_LIMITS } from "../../../src/agent/tools/read-file.ts";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

const numbered = (lines: string[], from = 1) => lines.map((line, index) => `${String(from + index).padStart(6)}\t${line}`).join("\n");
const fiveLines = "one\ntwo\nthree\nfour\nfive\n";

describe("read_file", () => {
  const workspace = useToolWorkspaces();

  test("shows the whole file with line numbers", async () => {
    const { call } = await workspace({ files: { "src/a.ts": fiveLines } });
    expect(await call("read_file", { path: "src/a.ts" })).toEqual({
      output: numbered(["one", "two", "three", "four", "five"]),
      isError: false,
      details: { bytes: 24, lines: 5, startLine: 1, endLine: 5 },
    });
  });

  test("start_line and end_line pick an inclusive range, and the note says which part of how many lines", async () => {
    const { call } = await workspace({ files: { "a.txt": fiveLines } });
    const result = await call("read_file", { path: "a.txt", start_line: 2, end_line: 3 });
    expect(result.output).toBe(`${numbered(["two", "three"], 2)}\n[Lines 2–3 of 5.]`);
  });

  test("an end_line past the end stops at the last line", async () => {
    const { call } = await workspace({ files: { "a.txt": fiveLines } });
    expect((await call("read_file", { path: "a.txt", start_line: 4, end_line: 99 })).output).toBe(`${numbered(["four", "five"], 4)}\n[Lines 4–5 of 5.]`);
  });

  test("a long file is cut at the line cap with a note on where to read on", async () => {
    const lines = Array.from({ length: READ_LIMITS.lines + 100 }, (_, index) => `line ${index + 1}`);
    const { call } = await workspace({ files: { "long.txt": lines.join("\n") } });
    const shown = (await call("read_file", { path: "long.txt" })).output.split("\n");
    const cap = READ_LIMITS.lines;
    expect(shown).toHaveLength(cap + 1);
    expect(shown.at(-2)).toBe(`${String(cap).padStart(6)}\tline ${cap}`);
    expect(shown.at(-1)).toBe(`[Lines 1–${cap} of ${cap + 100}; the output cap stopped here, read on with start_line=${cap + 1}.]`);
  });

  test("a file of long lines is cut at the character cap", async () => {
    const lines = Array.from({ length: 100 }, () => "x".repeat(1500));
    const { call } = await workspace({ files: { "wide.txt": lines.join("\n") } });
    const result = await call("read_file", { path: "wide.txt" });
    const shownLines = Math.floor(READ_LIMITS.chars / 1508);
    expect(result.output.length).toBeLessThanOrEqual(READ_LIMITS.chars + 120);
    expect(result.output).toMatch(new RegExp(`\\[Lines 1–${shownLines} of 100; the output cap stopped here, read on with start_line=${shownLines + 1}\\.\\]$`));
  });

  test("a very long line is cut, saying how much is left out", async () => {
    const { call } = await workspace({ files: { "min.js": "y".repeat(5000) } });
    expect((await call("read_file", { path: "min.js" })).output).toBe(`${"1".padStart(6)}\t${"y".repeat(2000)}… [3000 more characters on this line]`);
  });

  test("a start_line past the end is an error that gives the length", async () => {
    const { call } = await workspace({ files: { "a.txt": fiveLines } });
    expect(await call("read_file", { path: "a.txt", start_line: 9 })).toMatchObject({ isError: true, output: '"a.txt" has 5 lines; start_line 9 is past the end.' });
  });

  test("an end_line before start_line is an error", async () => {
    const { call } = await workspace({ files: { "a.txt": fiveLines } });
    expect(await call("read_file", { path: "a.txt", start_line: 3, end_line: 2 })).toMatchObject({ isError: true, output: "end_line (2) is before start_line (3)." });
  });

  test("an empty file says it is empty", async () => {
    const { call } = await workspace({ files: { "empty.txt": "" } });
    expect(await call("read_file", { path: "empty.txt" })).toMatchObject({ isError: false, output: '"empty.txt" is empty.' });
  });

  test("a missing file is an error naming it", async () => {
    const { call } = await workspace();
    expect(await call("read_file", { path: "nope.ts" })).toMatchObject({ isError: true, output: 'read_file failed: "nope.ts" does not exist.' });
  });

  test("a directory is an error that suggests listing it", async () => {
    const { call, workDir } = await workspace();
    await mkdir(join(workDir, "src"));
    expect(await call("read_file", { path: "src" })).toMatchObject({ isError: true, output: expect.stringContaining('"src" is a directory; list it with the shell tool') });
  });

  test("a binary file is not shown", async () => {
    const { call, workDir } = await workspace();
    await writeFile(join(workDir, "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    expect(await call("read_file", { path: "logo.png" })).toMatchObject({ isError: true, output: '"logo.png" looks like a binary file (8 bytes); it is not shown.' });
  });

  test("a FIFO is refused instead of blocking the run", async () => {
    const { call, workDir } = await workspace();
    execFileSync("mkfifo", [join(workDir, "pipe")]);
    expect(await call("read_file", { path: "pipe" })).toMatchObject({ isError: true, output: expect.stringContaining('"pipe" is not a regular file') });
  });

  test("a symlink inside the workspace is read through", async () => {
    const { call, workDir } = await workspace({ files: { "src/a.ts": "real\n" } });
    await symlink("src/a.ts", join(workDir, "alias.ts"));
    expect((await call("read_file", { path: "alias.ts" })).output).toBe(numbered(["real"]));
  });

  test.each(["../outside.txt", "/etc/passwd"])("%s is refused and recorded as a policy decision", async (path) => {
    const { call, trajectory } = await workspace();
    const result = await call("read_file", { path });
    expect(result).toMatchObject({ isError: true, details: { refused: "workspace" } });
    expect(trajectory.ofType("policy")).toEqual([expect.objectContaining({ tool: "read_file", path, decision: "refused", rule: "workspace" })]);
  });

  test("a symlink to a file outside the workspace is refused and its content never shown", async () => {
    const outside = await mkdtemp(join(tmpdir(), "ferry-outside-"));
    try {
      await writeFile(join(outside, "secret.txt"), "the secret\n");
      const { call, workDir } = await workspace();
      await symlink(join(outside, "secret.txt"), join(workDir, "leak.txt"));
      const result = await call("read_file", { path: "leak.txt" });
      expect(result).toMatchObject({ isError: true, output: expect.stringContaining("outside the workspace") });
      expect(result.output).not.toContain("the secret");
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  test("a symlinked directory to /etc is refused", async () => {
    const { call, workDir } = await workspace();
    await symlink("/etc", join(workDir, "etc"));
    expect(await call("read_file", { path: "etc/passwd" })).toMatchObject({ isError: true, output: expect.stringContaining("outside the workspace") });
  });

  test("start_line must be a whole number from 1", async () => {
    const { call } = await workspace({ files: { "a.txt": fiveLines } });
    expect(await call("read_file", { path: "a.txt", start_line: 0 })).toMatchObject({ isError: true, output: expect.stringContaining('"start_line"') });
  });
});
