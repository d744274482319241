import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseTap } from "../../src/verification/parse-tap.ts";
import { MOCHA, removeRepo, runNode, RUNS_TIMEOUT_MS, tempRepo } from "./support/run-runner.ts";
import { NODE_TAP_OUTPUT } from "./support/recorded-outputs.ts";
import { MOCHA_SUITE, NODE_SUITE } from "./support/suites.ts";

// node --test --test-reporter=tap and mocha --reporter=tap, run for real on the fixture suites.
const repos: string[] = [];
const output = { node: "", nodeFlaky: "", mocha: "" };

beforeAll(async () => {
  const [node, mocha] = await Promise.all([tempRepo(NODE_SUITE), tempRepo(MOCHA_SUITE)]);
  repos.push(node, mocha);
  [output.node, output.nodeFlaky, output.mocha] = await Promise.all([
    runNode(node, ["--test", "--test-reporter=tap"]),
    runNode(node, ["--test", "--test-reporter=tap"], { env: { FLAKY: "fail" } }),
    runNode(mocha, [MOCHA, "--reporter=tap", "test/*.test.js"]),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => Promise.all(repos.map(removeRepo)));

const sorted = (output: string) => parseTap(output)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));

describe("parseTap", () => {
  test("reads node's TAP: each test under its subtests, SKIP and TODO as skipped", () => {
    expect(sorted(output.node)).toEqual([
      { id: "math › adds", status: "passed" },
      { id: "math › divides", status: "skipped" },
      { id: "math › inner › flaky", status: "passed" },
      { id: "math › multiplies", status: "skipped" },
      { id: "math › subtracts wrongly", status: "failed" },
      { id: "stands alone", status: "passed" },
      { id: "teardown", status: "failed" },
      { id: "teardown › works", status: "passed" },
    ]);
    expect(parseTap(output.node)?.source).toBe("tap");
  });

  test("a subtest's closing test point is a test only when it failed with nothing failed inside", () => {
    const ids = parseTap(output.node)?.cases.map((test) => test.id);
    expect(ids).toContain("teardown");
    expect(ids).not.toContain("math");
    expect(ids).not.toContain("math › inner");
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(output.nodeFlaky)?.map((test) => test.id)).toEqual(sorted(output.node)?.map((test) => test.id));
    expect(parseTap(output.nodeFlaky)?.cases).toContainEqual({ id: "math › inner › flaky", status: "failed" });
  });

  test("reads mocha's flat TAP, whose names carry the suites", () => {
    expect(sorted(output.mocha)).toEqual([
      { id: "math adds", status: "passed" },
      { id: "math divides", status: "skipped" },
      { id: "math inner flaky", status: "passed" },
      { id: "math multiplies", status: "skipped" },
      { id: "math subtracts wrongly", status: "failed" },
      { id: 'setup "before all" hook for "needs the database"', status: "failed" },
      { id: "stands alone", status: "passed" },
      { id: "waits a little", status: "passed" },
    ]);
  });

  test("past a cut in the output nothing is read, so no test gets half a path", () => {
    const at = NODE_TAP_OUTPUT.indexOf("    # Subtest: divides");
    const cut = `${NODE_TAP_OUTPUT.slice(0, at)}[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial line)\n${NODE_TAP_OUTPUT.slice(at)}`;
    expect(parseTap(cut)?.cases).toEqual([
      { id: "math › adds", status: "passed" },
      { id: "math › subtracts wrongly", status: "failed" },
    ]);
  });

  test("output without a TAP version line, or without a plan and numbered test points, is not TAP", () => {
    expect(parseTap("ok  \texample.com/calc\t0.012s\n")).toBeUndefined();
    expect(parseTap("ok 1 - looks like TAP\nbut no plan\n")).toBeUndefined();
    expect(parseTap("1..2\nok 1 - adds\nnot ok 2 - subtracts\n")?.cases).toHaveLength(2);
  });
});
