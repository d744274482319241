import { expect, test } from "@jest/globals";
import { readRelations } from "../../../src/delivery/split/read-relations.ts";
import { changed, memoryReader } from "./support/changed-files.ts";

test("a file depends on the changed files it imports, resolved like TS ESM", async () => {
  const files = [changed("src/app.ts"), changed("src/util.ts"), changed("src/lib/index.ts"), changed("src/view.tsx")];
  const read = memoryReader({
    "src/app.ts": 'import { u } from "./util.js";\nimport lib from "./lib";\nimport type { V } from "./view";\nimport x from "zod";',
    "src/util.ts": "export const u = 1;",
    "src/lib/index.ts": "export default 1;",
    "src/view.tsx": "export type V = 1;",
  });
  const { dependsOn } = await readRelations(files, read);
  expect(dependsOn).toEqual(new Map([["src/app.ts", ["src/lib/index.ts", "src/util.ts", "src/view.tsx"]]]));
});

test("imports of files outside the change are left out", async () => {
  const read = memoryReader({ "src/a.ts": 'import b from "./unchanged";' });
  expect((await readRelations([changed("src/a.ts")], read)).dependsOn).toEqual(new Map());
});

test("binary and non-source files are not scanned", async () => {
  const files = [changed("logo.png", 0, 0, { added: null, deleted: null, binary: true }), changed("notes.md"), changed("a.ts")];
  const read = memoryReader({ "logo.png": 'import a from "./a"', "notes.md": 'import a from "./a"', "a.ts": "" });
  expect((await readRelations(files, read)).dependsOn).toEqual(new Map());
});

test("a deleted file waits for the changes that stopped importing it", async () => {
  const files = [changed("src/old.ts", 0, 20), changed("src/user.ts")];
  const read = memoryReader({ "src/user.ts": "export const x = 1;" }, { "src/user.ts": 'import { o } from "./old.ts";', "src/old.ts": "" });
  expect((await readRelations(files, read)).dependsOn).toEqual(new Map([["src/old.ts", ["src/user.ts"]]]));
});

test("a renamed file stays with the changes that move their imports to its new path", async () => {
  const files = [changed("src/new-name.ts", 0, 0, { oldPath: "src/old-name.ts" }), changed("src/user.ts")];
  const read = memoryReader(
    { "src/new-name.ts": "export const n = 1;", "src/user.ts": 'import { n } from "./new-name.ts";' },
    { "src/old-name.ts": "export const n = 1;", "src/user.ts": 'import { n } from "./old-name.ts";' },
  );
  const { dependsOn } = await readRelations(files, read);
  expect(dependsOn).toEqual(new Map([["src/new-name.ts", ["src/user.ts"]], ["src/user.ts", ["src/new-name.ts"]]]));
});

test("a test is tied to the code it imports and to its same-stem subject, not to other tests", async () => {
  const files = [changed("src/foo.ts"), changed("src/bar.ts"), changed("test/foo.test.ts"), changed("test/helpers.ts")];
  const read = memoryReader({
    "src/foo.ts": "",
    "src/bar.ts": "",
    "test/foo.test.ts": 'import { bar } from "../src/bar.ts";\nimport { h } from "./helpers.ts";',
    "test/helpers.ts": "",
  });
  const { testsOf, dependsOn } = await readRelations(files, read);
  expect(testsOf).toEqual(new Map([["test/foo.test.ts", ["src/bar.ts", "src/foo.ts"]]]));
  expect(dependsOn.get("test/foo.test.ts")).toEqual(["src/bar.ts", "test/helpers.ts"]);
});

test("the same input in another order gives the same relations", async () => {
  const files = [changed("a.ts"), changed("b.ts"), changed("c.test.ts")];
  const read = memoryReader({ "a.ts": 'import "./b"; import "./c.test"', "b.ts": 'import "./a"', "c.test.ts": 'import "./b"; import "./a"' });
  expect(await readRelations([...files].reverse(), read)).toEqual(await readRelations(files, read));
});
