import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { prefixTrees } from "../../../src/delivery/stack/prefix-trees.ts";
import type { CheckPrefix, VerifyStackOptions } from "../../../src/delivery/stack/verify-stack.ts";
import { verifyStack } from "../../../src/delivery/stack/verify-stack.ts";
import { editFiles } from "../../workspace/support/work-tree.ts";
import { CHECK_JS, nodeCheck } from "./support/node-check.ts";
import type { StackFixture } from "./support/stack-fixture.ts";
import { deadline, slicesOf, stackFixture, workFiles } from "./support/stack-fixture.ts";

let fixture: StackFixture;
let verifyDir: string;
beforeEach(async () => {
  fixture = await stackFixture({ ".gitignore": "node_modules/\n", "check.js": CHECK_JS, "lib/base.js": "module.exports = 1;\n" });
  // The checks run in Ferry's own checkout of the frozen change, never in the agent's tree.
  verifyDir = fixture.checkout.verifyDir;
});
afterEach(() => fixture.close());

/** lib/c.js stands alone; lib/a.js needs lib/b.js. The verify checkout holds an installed (ignored) dependency, as after setup. */
async function options(order: string[][], check: CheckPrefix, verifyEachPart = true): Promise<VerifyStackOptions> {
  await editFiles(fixture.checkout.workDir, { "lib/c.js": "module.exports = 3;\n", "lib/a.js": 'module.exports = require("./b.js");\n', "lib/b.js": "module.exports = 2;\n" });
  const { tree, files, verify } = await fixture.freeze();
  await editFiles(verify.dir, { "node_modules/dep/index.js": "module.exports = 'installed';\n" });
  const slices = slicesOf(files, order);
  const trees = await prefixTrees(fixture.checkout, tree, slices, deadline);
  return { verify, slices, trees, verifyEachPart, check, ...deadline };
}

const paths = (slices: { files: { path: string }[] }[]) => slices.map((slice) => slice.files.map((file) => file.path));

test("a middle part that fails alone is merged with the next, and every final prefix passes", async () => {
  const { check } = nodeCheck(verifyDir);
  const result = await verifyStack(await options([["lib/c.js"], ["lib/a.js"], ["lib/b.js"]], check));
  expect(result.outcome).toBe("passed");
  expect(paths(result.slices)).toEqual([["lib/c.js"], ["lib/a.js", "lib/b.js"]]);
  expect(result.checks.map((run) => run?.passed)).toEqual([true, true]);
  expect(result.merges).toEqual([{ part: 2, slices: [2, 3], check: expect.objectContaining({ passed: false, output: expect.stringContaining("Cannot find module './b.js'") }) }]);
});

test("a part that still fails after a merge takes the following slice too", async () => {
  const { check } = nodeCheck(verifyDir);
  const result = await verifyStack(await options([["lib/a.js"], ["lib/c.js"], ["lib/b.js"]], check));
  expect(paths(result.slices)).toEqual([["lib/a.js", "lib/c.js", "lib/b.js"]]);
  expect(result.merges.map(({ part, slices }) => ({ part, slices }))).toEqual([
    { part: 1, slices: [1, 2] },
    { part: 1, slices: [1, 2, 3] },
  ]);
});

test("the prefixes after a merge are the merged part's and the untouched ones", async () => {
  const { check } = nodeCheck(verifyDir);
  const input = await options([["lib/c.js"], ["lib/a.js"], ["lib/b.js"]], check);
  const result = await verifyStack(input);
  expect(result.prefixes).toEqual([input.trees.prefixes[0], input.trees.prefixes[2]]);
});

test("the whole change is checked first, then each prefix in order on its own tree", async () => {
  const { check, calls } = nodeCheck(verifyDir);
  const input = await options([["lib/c.js"], ["lib/b.js"], ["lib/a.js"]], check);
  await verifyStack(input);
  const libs = (files: string[]) => files.filter((path) => path.startsWith("lib/"));
  expect(calls.map((call) => [call.index, call.tree, libs(call.files)])).toEqual([
    [3, input.trees.final, ["lib/a.js", "lib/b.js", "lib/base.js", "lib/c.js"]],
    [1, input.trees.prefixes[0], ["lib/base.js", "lib/c.js"]],
    [2, input.trees.prefixes[1], ["lib/b.js", "lib/base.js", "lib/c.js"]],
  ]);
});

test("with verifyEachPart off only the whole change is checked", async () => {
  const { check, calls } = nodeCheck(verifyDir);
  const result = await verifyStack(await options([["lib/c.js"], ["lib/a.js"], ["lib/b.js"]], check, false));
  expect(calls.map((call) => call.index)).toEqual([3]);
  expect(result.checks.map((run) => run?.passed)).toEqual([undefined, undefined, true]);
  expect(result.merges).toEqual([]);
});

test("a whole change that fails is reported as a value, with nothing merged", async () => {
  const { check, calls } = nodeCheck(verifyDir);
  await editFiles(fixture.checkout.workDir, { "lib/d.js": 'require("./missing.js");\n' });
  const result = await verifyStack(await options([["lib/c.js"], ["lib/a.js", "lib/b.js"], ["lib/d.js"]], check));
  expect(result.outcome).toBe("whole-change-failed");
  expect(calls.map((call) => call.index)).toEqual([3]);
  expect(result.checks.map((run) => run?.passed)).toEqual([undefined, undefined, false]);
  expect(result.merges).toEqual([]);
});

test("the verify checkout is back at the final tree afterwards, undoing what the checks wrote", async () => {
  const { check: nodeRun } = nodeCheck(verifyDir);
  const input = await options([["lib/c.js"], ["lib/a.js"], ["lib/b.js"]], async (prefix) => {
    await editFiles(verifyDir, { "lib/base.js": "module.exports = 'edited by a check';\n", "coverage.txt": "left behind\n" });
    return nodeRun(prefix);
  });
  const before = await workFiles(verifyDir);
  await verifyStack(input);
  expect(await workFiles(verifyDir)).toEqual(before);
});

test("ignored files such as node_modules stay through every prefix", async () => {
  const seen: string[] = [];
  const { check: nodeRun } = nodeCheck(verifyDir);
  const input = await options([["lib/c.js"], ["lib/a.js", "lib/b.js"]], async (prefix) => {
    seen.push((await workFiles(verifyDir))["node_modules/dep/index.js"] ?? "gone");
    return nodeRun(prefix);
  });
  await verifyStack(input);
  expect(seen).toEqual(["module.exports = 'installed';\n", "module.exports = 'installed';\n"]);
  expect(await workFiles(verifyDir)).toMatchObject({ "node_modules/dep/index.js": "module.exports = 'installed';\n" });
});

test("the verify checkout is restored when a check throws", async () => {
  const input = await options([["lib/c.js"], ["lib/a.js", "lib/b.js"]], async ({ index }) => {
    if (index === 1) throw new Error("the sandbox would not start");
    return { command: "true", passed: true, exitCode: 0, timedOut: false, durationMs: 1, output: "" };
  });
  const before = await workFiles(verifyDir);
  await expect(verifyStack(input)).rejects.toThrow("the sandbox would not start");
  expect(await workFiles(verifyDir)).toEqual(before);
});

test("an aborted signal stops before the next check and still restores the verify checkout", async () => {
  const controller = new AbortController();
  const indexes: number[] = [];
  const input = await options([["lib/c.js"], ["lib/b.js"], ["lib/a.js"]], async ({ index }) => {
    indexes.push(index);
    if (index === 1) controller.abort(new Error("task cancelled"));
    return { command: "true", passed: true, exitCode: 0, timedOut: false, durationMs: 1, output: "" };
  });
  const before = await workFiles(verifyDir);
  await expect(verifyStack({ ...input, signal: controller.signal })).rejects.toThrow("task cancelled");
  expect(indexes).toEqual([3, 1]);
  expect(await workFiles(verifyDir)).toEqual(before);
});
