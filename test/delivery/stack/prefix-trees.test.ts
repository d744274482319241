import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { prefixTrees } from "../../../src/delivery/stack/prefix-trees.ts";
import { fixtureGit } from "../../helpers/git-fixtures.ts";
import { editFiles } from "../../workspace/support/work-tree.ts";
import type { StackFixture } from "./support/stack-fixture.ts";
import { deadline, slicesOf, stackFixture, treeFiles, treeModes, workFiles } from "./support/stack-fixture.ts";

const BASE = {
  "README.md": "# Project\n",
  "src/edit.js": "v1\n",
  "src/gone.js": "gone\n",
  "docs/old-name.md": "A page long enough that git sees it moved.\nLine two.\nLine three.\n",
  "tool.sh": "echo hi\n",
};
const PIXELS = new Uint8Array([0, 255, 1, 254, 0, 0, 7]);

let fixture: StackFixture;
beforeEach(async () => {
  fixture = await stackFixture(BASE);
  const { workDir } = fixture.checkout;
  await editFiles(workDir, { "src/new.js": "new\n", "src/edit.js": "v2\n", "src/gone.js": null, "docs/old-name.md": null });
  await editFiles(workDir, { "docs/new-name.md": BASE["docs/old-name.md"], "assets/pic.bin": PIXELS });
  await chmod(join(workDir, "tool.sh"), 0o755);
});
afterEach(() => fixture.close());

async function stackOfThree() {
  const { tree, files } = await fixture.freeze();
  const slices = slicesOf(files, [["src/new.js", "src/edit.js"], ["src/gone.js", "docs/new-name.md"], ["assets/pic.bin", "tool.sh"]]);
  return prefixTrees(fixture.checkout, tree, slices, deadline);
}

test("the first prefix is the base plus the first slice's additions and edits", async () => {
  const { prefixes } = await stackOfThree();
  expect(await treeFiles(fixture.checkout.gitDir, prefixes[0] ?? "")).toEqual({ ...BASE, "src/new.js": "new\n", "src/edit.js": "v2\n" });
});

test("a deletion and a rename take effect in their own slice's prefix", async () => {
  const { prefixes } = await stackOfThree();
  const { "src/gone.js": _gone, "docs/old-name.md": moved, ...kept } = BASE;
  const expected = { ...kept, "src/new.js": "new\n", "src/edit.js": "v2\n", "docs/new-name.md": moved };
  expect(await treeFiles(fixture.checkout.gitDir, prefixes[1] ?? "")).toEqual(expected);
});

test("a binary file and an executable bit come through with their modes", async () => {
  const { prefixes } = await stackOfThree();
  const [second, third] = [prefixes[1] ?? "", prefixes[2] ?? ""];
  expect(await treeModes(fixture.checkout.gitDir, second)).toMatchObject({ "tool.sh": "100644" });
  expect(await treeModes(fixture.checkout.gitDir, third)).toMatchObject({ "tool.sh": "100755", "assets/pic.bin": "100644" });
  const blob = await fixtureGit(fixture.checkout.gitDir, ["rev-parse", `${third}:assets/pic.bin`]);
  expect(blob).toBe(await fixtureGit(fixture.checkout.gitDir, ["hash-object", "--stdin"], PIXELS));
});

test("the last prefix is the whole change", async () => {
  const { final, prefixes } = await stackOfThree();
  expect(prefixes).toHaveLength(3);
  expect(prefixes[2]).toBe(final);
  expect(await treeFiles(fixture.checkout.gitDir, final)).toEqual(await workFiles(fixture.checkout.workDir));
});

test("slices that leave out a changed file are refused as a bug", async () => {
  const { tree, files } = await fixture.freeze();
  const slices = slicesOf(files, [["src/new.js", "src/edit.js", "src/gone.js", "docs/new-name.md", "assets/pic.bin", "tool.sh"]]);
  const withoutPicture = [{ ...slices[0]!, files: slices[0]!.files.filter((file) => file.path !== "assets/pic.bin") }];
  await expect(prefixTrees(fixture.checkout, tree, withoutPicture, deadline)).rejects.toThrow("The slices do not add up to the change; they differ at: assets/pic.bin");
});

test("building the prefixes leaves the working tree as the agent left it", async () => {
  const before = await workFiles(fixture.checkout.workDir);
  await stackOfThree();
  expect(await workFiles(fixture.checkout.workDir)).toEqual(before);
});

test("paths with spaces and tabs come through whole", async () => {
  await editFiles(fixture.checkout.workDir, { "notes/a b\tc.txt": "odd\n" });
  const { tree, files } = await fixture.freeze();
  const slices = slicesOf(files, [["notes/a b\tc.txt"], ["src/new.js", "src/edit.js", "src/gone.js", "docs/new-name.md", "assets/pic.bin", "tool.sh"]]);
  const { prefixes } = await prefixTrees(fixture.checkout, tree, slices, deadline);
  expect(await treeFiles(fixture.checkout.gitDir, prefixes[0] ?? "")).toEqual({ ...BASE, "notes/a b\tc.txt": "odd\n" });
});
