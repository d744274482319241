import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { execa } from "execa";
import type { Checkout } from "../../src/workspace/checkout.ts";
import type { WorkspaceFixture } from "./support/workspace-fixture.ts";
import { workspaceFixture } from "./support/workspace-fixture.ts";
import { editFiles } from "./support/work-tree.ts";

let fixture: WorkspaceFixture;
let checkout: Checkout;
beforeEach(async () => {
  fixture = await workspaceFixture();
  checkout = await fixture.prepare();
});
afterEach(() => fixture.close());

test("an unchanged tree has no files and an empty patch", async () => {
  expect(await fixture.workspaces.diff(checkout)).toMatchObject({ baseSha: fixture.initialSha, files: [], patch: "" });
});

test("an added file counts its lines", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\ntwo\n" });
  const { files } = await fixture.workspaces.diff(checkout);
  expect(files).toEqual([{ path: "src/new.js", added: 2, deleted: 0, binary: false }]);
});

test("a modified file counts added and deleted lines", async () => {
  await editFiles(checkout.workDir, { "docs/guide.md": "# Guide\n\nLine one.\nLine 2.\nLine three.\nLine four.\n" });
  const { files } = await fixture.workspaces.diff(checkout);
  expect(files).toEqual([{ path: "docs/guide.md", added: 2, deleted: 1, binary: false }]);
});

test("a deleted file counts its removed lines", async () => {
  await editFiles(checkout.workDir, { "README.md": null });
  const { files } = await fixture.workspaces.diff(checkout);
  expect(files).toEqual([{ path: "README.md", added: 0, deleted: 3, binary: false }]);
});

test("a moved file is a rename with its old path", async () => {
  await editFiles(checkout.workDir, { "docs/guide.md": null, "docs/handbook.md": "# Guide\n\nLine one.\nLine two.\nLine three.\n" });
  const { files, patch } = await fixture.workspaces.diff(checkout);
  expect(files).toEqual([{ path: "docs/handbook.md", oldPath: "docs/guide.md", added: 0, deleted: 0, binary: false }]);
  expect(patch).toContain("rename from docs/guide.md\nrename to docs/handbook.md");
});

test("a binary file has no line counts and a binary patch", async () => {
  await editFiles(checkout.workDir, { "assets/logo.bin": new Uint8Array([0, 9, 9, 9, 0, 1]) });
  const { files, patch } = await fixture.workspaces.diff(checkout);
  expect(files).toEqual([{ path: "assets/logo.bin", added: null, deleted: null, binary: true }]);
  expect(patch).toContain("GIT binary patch");
});

test("paths with spaces and tabs come through whole", async () => {
  await editFiles(checkout.workDir, { "notes/a b\tc.txt": "x\n" });
  const { files } = await fixture.workspaces.diff(checkout);
  expect(files.map((file) => file.path)).toEqual(["notes/a b\tc.txt"]);
});

test("the patch recreates the change on a fresh copy of the base", async () => {
  await editFiles(checkout.workDir, {
    "src/new.js": "one\n",
    "README.md": null,
    "assets/logo.bin": new Uint8Array([7, 7, 0, 7]),
    "docs/guide.md": "# Guide\n\nchanged\n",
  });
  const { patch } = await fixture.workspaces.diff(checkout);
  const copy = await fixture.prepare({ taskId: 2, branch: "agent/copy" });
  await execa("git", ["-C", copy.workDir, "apply", "--index", "-"], { input: patch });
  const status = await execa("git", ["-C", copy.workDir, "status", "--porcelain"]);
  expect(status.stdout.split("\n").sort()).toEqual(["A  src/new.js", "D  README.md", "M  assets/logo.bin", "M  docs/guide.md"]);
});

test("the diff is against the base, so it still shows changes after a commit", async () => {
  await editFiles(checkout.workDir, { "src/new.js": "one\n" });
  await fixture.workspaces.commit(checkout, { message: "Add new.js", author: { name: "ferry[bot]", email: "1+ferry[bot]@users.noreply.github.com" } });
  const { files } = await fixture.workspaces.diff(checkout);
  expect(files.map((file) => file.path)).toEqual(["src/new.js"]);
});
