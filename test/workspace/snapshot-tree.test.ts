import { afterEach, expect, test } from "@jest/globals";
import { chmod, mkdir, readFile, rm, stat, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import type { SnapshotFixture } from "./support/snapshot-fixture.ts";
import { snapshotFixture } from "./support/snapshot-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

let fixture: SnapshotFixture | undefined;
afterEach(() => fixture?.close());

const BASE = {
  "README.md": "# Project\n",
  "src/app.js": "export const app = 1;\n",
  ".gitignore": "node_modules/\n*.log\n",
  ".gitattributes": "*.bat text eol=crlf\n",
  "run.bat": "echo one\necho two\n",
};

async function setUp(): Promise<SnapshotFixture> {
  fixture = await snapshotFixture(BASE);
  return fixture;
}

test("an untouched work tree freezes to the base tree", async () => {
  const { tree, baseTree } = await setUp();
  expect(await tree()).toBe(baseTree);
});

test("a file the checkout converted (eol=crlf) but nobody touched keeps its committed blob", async () => {
  const { checkout, tree, baseTree } = await setUp();
  expect(await readFile(join(checkout.workDir, "run.bat"), "utf8")).toBe("echo one\r\necho two\r\n");
  expect(await tree()).toBe(baseTree);
});

test("an edited file is stored byte for byte: .gitattributes converts nothing", async () => {
  const { checkout, tree, entries } = await setUp();
  await editFiles(checkout.workDir, { "run.bat": "echo three\r\n", "notes.txt": "a\r\nb\r\n", ".gitattributes": "* text eol=lf\n" });
  const frozen = await entries(await tree());
  expect(frozen["run.bat"]?.content.toString()).toBe("echo three\r\n");
  expect(frozen["notes.txt"]?.content.toString()).toBe("a\r\nb\r\n");
});

test("added, edited and deleted files are in the tree as the work tree has them; ignored files are not", async () => {
  const { checkout, tree, entries } = await setUp();
  await editFiles(checkout.workDir, { "src/app.js": "export const app = 2;\n", "README.md": null, "src/new.js": "new\n", "node_modules/x/index.js": "cached\n", "debug.log": "log\n" });
  const frozen = await entries(await tree());
  expect(Object.keys(frozen).sort()).toEqual([".gitattributes", ".gitignore", "run.bat", "src/app.js", "src/new.js"]);
  expect(frozen["src/app.js"]?.content.toString()).toBe("export const app = 2;\n");
});

test("a file rewritten with the same size is seen as changed", async () => {
  const { checkout, tree, entries } = await setUp();
  await writeFile(join(checkout.workDir, "src/app.js"), "export const app = 9;\n");
  expect((await entries(await tree()))["src/app.js"]?.content.toString()).toBe("export const app = 9;\n");
});

test("the executable bit is kept, on a new file and as a mode-only change", async () => {
  const { checkout, tree, entries } = await setUp();
  await editFiles(checkout.workDir, { "bin/run.sh": "#!/bin/sh\n" });
  await chmod(join(checkout.workDir, "bin/run.sh"), 0o755);
  await chmod(join(checkout.workDir, "src/app.js"), 0o755);
  const frozen = await entries(await tree());
  expect(frozen["bin/run.sh"]?.mode).toBe("100755");
  expect(frozen["src/app.js"]?.mode).toBe("100755");
  expect(frozen["README.md"]?.mode).toBe("100644");
});

test("a symbolic link is stored as a link to its target, never followed", async () => {
  const { checkout, root, tree, entries } = await setUp();
  await writeFile(join(root, "host-secret.txt"), "ghp_notForTheTree\n");
  await symlink(join(root, "host-secret.txt"), join(checkout.workDir, "leak.txt"));
  const frozen = await entries(await tree());
  expect(frozen["leak.txt"]).toEqual({ mode: "120000", content: Buffer.from(join(root, "host-secret.txt")) });
});

test("a directory replaced by a link out of the tree: its files are deleted and nothing below the link is read", async () => {
  const { checkout, root, tree, entries } = await setUp();
  await mkdir(join(root, "outside"));
  await writeFile(join(root, "outside", "app.js"), "from the host\n");
  await rm(join(checkout.workDir, "src"), { recursive: true });
  await symlink(join(root, "outside"), join(checkout.workDir, "src"));
  const frozen = await entries(await tree());
  expect(frozen["src/app.js"]).toBeUndefined();
  expect(frozen.src).toEqual({ mode: "120000", content: Buffer.from(join(root, "outside")) });
});

test("a planted vendored/.git pointing at a host repository refuses the snapshot instead of becoming a gitlink", async () => {
  const { checkout, snapshot } = await setUp();
  await editFiles(checkout.workDir, { "vendored/.git": `gitdir: ${checkout.gitDir}\n`, "vendored/lib.js": "x\n" });
  expect(await snapshot()).toMatchObject({ kind: "refused", paths: ["vendored/"], reason: expect.stringContaining("nested git repository") });
});

test("a .GIT directory (any case) refuses the snapshot", async () => {
  const { checkout, snapshot } = await setUp();
  await editFiles(checkout.workDir, { "sub/.GIT/config": "[core]\n" });
  expect(await snapshot()).toMatchObject({ kind: "refused", paths: ["sub/.GIT/config"] });
});

test("a file over 100 MB refuses the snapshot before it is read", async () => {
  const { checkout, snapshot } = await setUp();
  await writeFile(join(checkout.workDir, "big.bin"), "");
  await truncate(join(checkout.workDir, "big.bin"), 101 * 1024 * 1024);
  expect(await snapshot()).toMatchObject({ kind: "refused", paths: ["big.bin"] });
});

test("a file whose stat matches but which was written in the index's own instant is read again (git's racily clean case)", async () => {
  const { checkout, tree, entries } = await setUp();
  const file = join(checkout.workDir, "src/app.js");
  const { mtimeNs } = await stat(file, { bigint: true });
  const instant = `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, "0")}`;
  await writeFile(file, "export const app = 7;\n");
  await execa("touch", ["-m", "-d", instant, file]);
  // The index now looks written in the same instant as the file: its stat data cannot tell an edit apart.
  await execa("touch", ["-m", "-d", instant, join(checkout.gitDir, "index")]);
  expect((await entries(await tree()))["src/app.js"]?.content.toString()).toBe("export const app = 7;\n");
});
