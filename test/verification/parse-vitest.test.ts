import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseVitest } from "../../src/verification/parse-vitest.ts";
import { removeRepo, runNode, type RunOptions, RUNS_TIMEOUT_MS, tempRepo, VITEST } from "./support/run-runner.ts";
import { JEST_VERBOSE_OUTPUT, MOCHA_SPEC_OUTPUT, VITEST_TREE_WITHOUT_SUITES_OUTPUT, VITEST_VERBOSE_OUTPUT } from "./support/recorded-outputs.ts";
import { VITEST_SUITE } from "./support/suites.ts";

// Vitest 4's reporters, run for real on the fixture suite.
let repo: string;
const output = { verbose: "", flaky: "", tree: "", plain: "", colour: "", broken: "", quietPass: "" };
const files = ["src/a.test.js", "src/b.test.js"];

const vitest = (args: string[], options?: RunOptions) => runNode(repo, [VITEST, "run", "--globals", ...args], options);

beforeAll(async () => {
  repo = await tempRepo(VITEST_SUITE);
  [output.verbose, output.flaky, output.tree] = await Promise.all([
    vitest(["--reporter=verbose", ...files]),
    vitest(["--reporter=verbose", ...files], { env: { FLAKY: "fail" } }),
    vitest(["--reporter=tree", ...files]),
  ]);
  [output.plain, output.colour, output.broken, output.quietPass] = await Promise.all([
    vitest(files, { env: { FLAKY: "fail" } }),
    vitest(["--reporter=verbose", ...files], { colour: true }),
    vitest(["src/broken.test.js", "src/b.test.js"]),
    vitest(["src/passing.test.js", "src/b.test.js"]),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => removeRepo(repo));

const sorted = (output: string) => parseVitest(output)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));

const EXPECTED = [
  { id: "src/a.test.js › math › adds", status: "passed" },
  { id: "src/a.test.js › math › divides", status: "skipped" },
  { id: "src/a.test.js › math › inner › flaky", status: "passed" },
  { id: "src/a.test.js › math › multiplies", status: "skipped" },
  { id: "src/a.test.js › math › subtracts wrongly", status: "failed" },
  { id: "src/a.test.js › runs at the top level", status: "passed" },
  { id: "src/b.test.js › math › adds", status: "passed" },
  { id: "src/b.test.js › stands alone", status: "passed" },
];

describe("parseVitest", () => {
  test("verbose reporter: each test under its file and describe blocks, skipped and todo as skipped", () => {
    expect(sorted(output.verbose)).toEqual(EXPECTED);
    expect(parseVitest(output.verbose)?.source).toBe("vitest");
  });

  test("tree reporter: the same tests and ids, suites known from their indentation", () => {
    expect(sorted(output.tree)).toEqual(EXPECTED);
  });

  test("tree reporter with no describe block: a passed file listing its tests shows the tree is whole", () => {
    expect(parseVitest(VITEST_TREE_WITHOUT_SUITES_OUTPUT)?.cases).toEqual([
      { id: "src/flat.test.js › works", status: "passed" },
      { id: "src/flat.test.js › later", status: "skipped" },
    ]);
  });

  test("default reporter: only the failures, under the same ids (its tree hides suites and passed files)", () => {
    expect(output.plain).toMatch(/^ {3}✓ runs at the top level/m);
    expect(sorted(output.plain)).toEqual([
      { id: "src/a.test.js › math › inner › flaky", status: "failed" },
      { id: "src/a.test.js › math › subtracts wrongly", status: "failed" },
    ]);
  });

  test("verbose and tree reporters name every test: the listing is whole", () => {
    expect(parseVitest(output.verbose)?.listing).toBeUndefined();
    expect(parseVitest(output.tree)?.listing).toBeUndefined();
  });

  test("default reporter: the listing says it names the failures only", () => {
    expect(parseVitest(output.plain)?.listing).toBe("failures");
  });

  test("default reporter with every test passing: no test named, a result all the same (the summary is Vitest's)", () => {
    expect(output.quietPass).toMatch(/^ +Tests +5 passed \(5\)$/m);
    expect(parseVitest(output.quietPass)).toEqual({ source: "vitest", cases: [], listing: "failures" });
  });

  test("default reporter: a cut in the output may have hidden a failure, so undefined", () => {
    const cut = output.plain.replace(/^ Test Files/m, "[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial)\n Test Files");
    expect(parseVitest(cut)).toBeUndefined();
  });

  test("default reporter: fewer `FAIL` lines than the `Tests` line counts failed (one not listed), so undefined", () => {
    const hidden = output.plain.replace(/^ FAIL .*subtracts wrongly.*$/m, "");
    expect(parseVitest(hidden)).toBeUndefined();
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(output.flaky)?.map((test) => test.id)).toEqual(EXPECTED.map((test) => test.id));
    expect(parseVitest(output.flaky)?.cases).toContainEqual({ id: "src/a.test.js › math › inner › flaky", status: "failed" });
  });

  test("colours and durations do not change an id", () => {
    expect(output.colour).toContain("\u001b[");
    expect(sorted(output.colour)).toEqual(EXPECTED);
  });

  test("a test file that fails to load is a failed test named after the file", () => {
    expect(parseVitest(output.broken)?.cases).toEqual([{ id: "src/broken.test.js", status: "failed" }]);
  });

  test("a line of an error message in the list of failures is not a result", () => {
    const withMessage = output.tree.replace("AssertionError: expected 1 to be 3", "AssertionError: expected 1 to be 3\n     ✓ printed by the error 1ms");
    expect(parseVitest(withMessage)?.cases.filter((test) => test.id.includes("printed"))).toEqual([]);
  });

  test("a line a test logged is not a result", () => {
    expect(output.tree).toMatch(/^✓ logged by the test$/m);
    expect(parseVitest(output.tree)?.cases.filter((test) => test.id.includes("logged"))).toEqual([]);
  });

  test("past a cut in the output the tree is not read until the next file header", () => {
    const at = output.tree.indexOf("     ✓ inner (1)");
    const cut = `${output.tree.slice(0, at)}[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial line)\n${output.tree.slice(at)}`;
    expect(parseVitest(cut)?.cases.map((test) => test.id)).not.toContain("src/a.test.js › inner › flaky");
    expect(parseVitest(cut)?.cases.map((test) => test.id)).not.toContain("src/a.test.js › math › inner › flaky");
    expect(parseVitest(cut)?.cases).toContainEqual({ id: "src/b.test.js › stands alone", status: "passed" });
  });

  test("output without Vitest's `Test Files` summary is not read", () => {
    expect(parseVitest(JEST_VERBOSE_OUTPUT)).toBeUndefined();
    expect(parseVitest(MOCHA_SPEC_OUTPUT)).toBeUndefined();
    expect(parseVitest(VITEST_VERBOSE_OUTPUT.replace(/^ Test Files.*$/m, ""))).toBeUndefined();
  });
});
