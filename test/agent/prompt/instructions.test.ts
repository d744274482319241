import { expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MAX_INSTRUCTION_BYTES, readInstructions } from "../../../src/agent/prompt/instructions.ts";
import { useTempTrees } from "./support/temp-tree.ts";

const { tree } = useTempTrees();

test("reads AGENTS.md first, then the configured files in order", async () => {
  const root = await tree({ "AGENTS.md": "Use pnpm.", "docs/style.md": "Two spaces.", "CONTRIBUTING.md": "Sign off." });
  const { files } = await readInstructions(root, ["docs/style.md", "CONTRIBUTING.md"]);
  expect(files).toEqual([
    { path: "AGENTS.md", content: "Use pnpm.", truncated: false },
    { path: "docs/style.md", content: "Two spaces.", truncated: false },
    { path: "CONTRIBUTING.md", content: "Sign off.", truncated: false },
  ]);
});

test("skips missing files and says so", async () => {
  const root = await tree({ "docs/style.md": "Two spaces." });
  const { files, skipped } = await readInstructions(root, ["docs/style.md", "docs/missing.md"]);
  expect(files.map((file) => file.path)).toEqual(["docs/style.md"]);
  expect(skipped).toEqual([
    { path: "AGENTS.md", reason: "missing" },
    { path: "docs/missing.md", reason: "missing" },
  ]);
});

test("reads a file named twice, or reached through a link inside the checkout, once", async () => {
  const root = await tree({ "AGENTS.md": "Use pnpm." });
  await symlink("AGENTS.md", join(root, "CLAUDE.md"));
  const { files, skipped } = await readInstructions(root, ["AGENTS.md", "./AGENTS.md", "CLAUDE.md"]);
  expect(files.map((file) => file.path)).toEqual(["AGENTS.md"]);
  expect(skipped).toEqual([]);
});

test("refuses a link that leads out of the checkout", async () => {
  const outside = await tree({ "secret.txt": "host secret" });
  const root = await tree();
  await symlink(join(outside, "secret.txt"), join(root, "AGENTS.md"));
  const { files, skipped } = await readInstructions(root, []);
  expect(files).toEqual([]);
  expect(skipped).toEqual([{ path: "AGENTS.md", reason: expect.stringContaining("outside the workspace") }]);
});

test("refuses a file under a directory link that leads out of the checkout", async () => {
  const outside = await tree({ "rules.md": "host file" });
  const root = await tree();
  await symlink(outside, join(root, "docs"));
  const { files, skipped } = await readInstructions(root, ["docs/rules.md"]);
  expect(files).toEqual([]);
  expect(skipped).toContainEqual({ path: "docs/rules.md", reason: expect.stringContaining("outside the workspace") });
});

test("refuses a path that climbs out with ..", async () => {
  const root = await tree({ "AGENTS.md": "ok" });
  const { skipped } = await readInstructions(root, ["../AGENTS.md"]);
  expect(skipped).toEqual([{ path: "../AGENTS.md", reason: expect.stringContaining("climbs out of the workspace") }]);
});

test("cuts a large file to the cap and says how large it was", async () => {
  const root = await tree({ "AGENTS.md": "rule\n".repeat(10_000) });
  const { files } = await readInstructions(root, []);
  const [file] = files;
  expect(file?.truncated).toBe(true);
  expect(file?.content.startsWith("rule\n".repeat(MAX_INSTRUCTION_BYTES / 5 - 1))).toBe(true);
  expect(file?.content).toMatch(/\[… cut: the file is 50,000 bytes; only the first 16,384 are shown\. Read the rest with read_file if you need it\.\]$/);
});

test("does not leave half a character at the cut", async () => {
  const root = await tree({ "AGENTS.md": "a" + "é".repeat(MAX_INSTRUCTION_BYTES) });
  const { files } = await readInstructions(root, []);
  expect(files[0]?.content).not.toContain("\uFFFD");
});

test("skips a FIFO instead of waiting on it", async () => {
  const root = await tree();
  execFileSync("mkfifo", [join(root, "AGENTS.md")]);
  const { files, skipped } = await readInstructions(root, []);
  expect(files).toEqual([]);
  expect(skipped).toEqual([{ path: "AGENTS.md", reason: "not a regular file" }]);
});

test("skips a directory and a binary file", async () => {
  const root = await tree();
  await mkdir(join(root, "AGENTS.md"));
  await writeFile(join(root, "logo.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  const { files, skipped } = await readInstructions(root, ["logo.md"]);
  expect(files).toEqual([]);
  expect(skipped).toEqual([
    { path: "AGENTS.md", reason: "not a regular file" },
    { path: "logo.md", reason: "binary, not text" },
  ]);
});
