import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { BuildStackOptions } from "../../../src/delivery/stack/build-stack.ts";
import { buildStack } from "../../../src/delivery/stack/build-stack.ts";
import { sandboxCheck } from "../../../src/delivery/stack/sandbox-check.ts";
import { LocalSandbox } from "../../../src/sandbox/local/local-sandbox.ts";
import { fixtureGit } from "../../helpers/git-fixtures.ts";
import { editFiles } from "../../workspace/support/work-tree.ts";
import { CHECK_JS } from "./support/node-check.ts";
import type { StackFixture } from "./support/stack-fixture.ts";
import { ISSUE, slicesOf, stackFixture, workFiles } from "./support/stack-fixture.ts";

const COMMAND = `"${process.execPath}" check.js`;

let fixture: StackFixture;
beforeEach(async () => {
  fixture = await stackFixture({ ".gitignore": "node_modules/\n", "check.js": CHECK_JS, "lib/base.js": "module.exports = 1;\n" });
  await editFiles(fixture.checkout.workDir, { "lib/c.js": "module.exports = 3;\n", "lib/a.js": 'module.exports = require("./b.js");\n', "lib/b.js": "module.exports = 2;\n" });
});
afterEach(() => fixture.close());

/** By default slices [c], [a needs b], [b]; checked by `node check.js` in local sandboxes. */
async function options(groups = [["lib/c.js"], ["lib/a.js"], ["lib/b.js"]]): Promise<BuildStackOptions> {
  const { checkout } = fixture;
  const { tree, files, verify } = await fixture.freeze();
  const spec = { taskId: 1, workDir: verify.dir, image: "unused", limits: { memoryMb: 512, cpus: 1, pids: 256 } };
  return {
    checkout,
    tree,
    verify,
    issueNumber: ISSUE,
    slices: slicesOf(files, groups),
    verifyEachPart: true,
    check: sandboxCheck({ sandboxes: () => new LocalSandbox(), spec, command: COMMAND, timeoutMs: 20_000 }),
    message: (index, count) => `Part ${index}/${count}`,
    author: { name: "ferry[bot]", email: "123+ferry[bot]@users.noreply.github.com" },
  };
}

test("a stack whose middle part fails alone is built as two green, committed parts", async () => {
  const built = await buildStack(await options());
  expect(built.outcome).toBe("passed");
  expect(built.parts.map((part) => [part.index, part.branch, part.slice.files.map((file) => file.path), part.check?.passed])).toEqual([
    [1, "agent/issue-7/part-1", ["lib/c.js"], true],
    [2, "agent/issue-7/part-2", ["lib/a.js", "lib/b.js"], true],
  ]);
  expect(built.merges).toEqual([{ part: 2, slices: [2, 3], check: expect.objectContaining({ command: COMMAND, passed: false }) }]);
  expect(await fixtureGit(fixture.checkout.gitDir, ["rev-parse", `${built.parts[1]?.sha}^`])).toBe(built.parts[0]?.sha);
});

test("the agent's tree is left as it was, and the verify checkout holds the whole change after the stack is built", async () => {
  const before = await workFiles(fixture.checkout.workDir);
  const input = await options();
  const frozen = await workFiles(input.verify.dir);
  await buildStack(input);
  expect(await workFiles(fixture.checkout.workDir)).toEqual(before);
  expect(await workFiles(input.verify.dir)).toEqual(frozen);
});

test("the last part's commit holds exactly the frozen tree", async () => {
  const input = await options();
  const built = await buildStack(input);
  expect(await fixtureGit(fixture.checkout.gitDir, ["rev-parse", `${built.parts.at(-1)?.sha}^{tree}`])).toBe(input.tree);
});

test("a whole change that fails its check is reported with the parts committed all the same", async () => {
  await editFiles(fixture.checkout.workDir, { "lib/d.js": 'require("./missing.js");\n' });
  const built = await buildStack(await options([["lib/c.js"], ["lib/a.js", "lib/b.js", "lib/d.js"]]));
  expect(built.outcome).toBe("whole-change-failed");
  expect(built.parts.map((part) => part.check?.passed)).toEqual([undefined, false]);
  expect(built.merges).toEqual([]);
});
