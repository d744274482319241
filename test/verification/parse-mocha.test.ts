import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseMocha } from "../../src/verification/parse-mocha.ts";
import { MOCHA, removeRepo, runNode, RUNS_TIMEOUT_MS, tempRepo } from "./support/run-runner.ts";
import { JEST_VERBOSE_OUTPUT, MOCHA_SPEC_OUTPUT } from "./support/recorded-outputs.ts";
import { MOCHA_SUITE } from "./support/suites.ts";

// mocha's default reporter (spec), run for real on the fixture suite.
let repo: string;
const output = { plain: "", flaky: "", colour: "" };

beforeAll(async () => {
  repo = await tempRepo(MOCHA_SUITE);
  [output.plain, output.flaky, output.colour] = await Promise.all([
    runNode(repo, [MOCHA, "test/*.test.js"]),
    runNode(repo, [MOCHA, "test/*.test.js"], { env: { FLAKY: "fail" } }),
    runNode(repo, [MOCHA, "--color", "--slow", "10", "test/*.test.js"], { colour: true }),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => removeRepo(repo));

const sorted = (output: string) => parseMocha(output)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));
const HOOK = 'setup › "before all" hook for "needs the database"';

describe("parseMocha", () => {
  test("reads each test under its suites; mocha names no file, so the two `math › adds` are one test", () => {
    expect(sorted(output.plain)).toEqual([
      { id: "math › adds", status: "passed" },
      { id: "math › divides", status: "skipped" },
      { id: "math › inner › flaky", status: "passed" },
      { id: "math › multiplies", status: "skipped" },
      { id: "math › subtracts wrongly", status: "failed" },
      { id: HOOK, status: "failed" },
      { id: "stands alone", status: "passed" },
      { id: "waits a little", status: "passed" },
    ]);
    expect(parseMocha(output.plain)?.source).toBe("mocha");
  });

  test("a hook that throws is a failed test named after the hook", () => {
    expect(parseMocha(output.plain)?.cases).toContainEqual({ id: HOOK, status: "failed" });
  });

  test("the numbered failure list after the summary names the failed tests with their suites", () => {
    const failureList = output.plain.slice(output.plain.search(/^\s*\d+ passing/m));
    expect(parseMocha(failureList)?.cases).toEqual([
      { id: "math › subtracts wrongly", status: "failed" },
      { id: HOOK, status: "failed" },
    ]);
  });

  test("a line the test logged is neither a suite nor a test", () => {
    expect(output.plain).toMatch(/^logged by the test$/m);
    expect(parseMocha(output.plain)?.cases.map((test) => test.id).filter((id) => id.includes("logged"))).toEqual([]);
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(output.flaky)?.map((test) => test.id)).toEqual(sorted(output.plain)?.map((test) => test.id));
    expect(parseMocha(output.flaky)?.cases).toContainEqual({ id: "math › inner › flaky", status: "failed" });
  });

  test("colours and a slow test's time do not change an id", () => {
    expect(output.colour).toContain("\u001b[");
    expect(output.colour).toMatch(/waits a little.*\(\d+ms\)/);
    expect(sorted(output.colour)).toEqual(sorted(output.plain));
  });

  test("past a cut in the output the tree is not read (its suites are unknown), the failure list still is", () => {
    // The line just before the cut (`- divides`) is partial, so it is dropped too.
    const at = MOCHA_SPEC_OUTPUT.indexOf("    inner");
    const cut = `${MOCHA_SPEC_OUTPUT.slice(0, at)}[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial line)\n${MOCHA_SPEC_OUTPUT.slice(at)}`;
    expect(parseMocha(cut)?.cases).toEqual([
      { id: "top level same", status: "passed" },
      { id: "math › adds", status: "passed" },
      { id: "math › subtracts wrongly", status: "failed" },
    ]);
  });

  test("a numbered line in the failure list that never ends a title with `:` is not a failure", () => {
    expect(parseMocha("  0 passing (3ms)\n  1 failing\n\n  1) printed by a test\n\n      Error: boom:\n")).toBeUndefined();
  });

  test("output without mocha's `N passing (…)` line is not read", () => {
    expect(parseMocha(JEST_VERBOSE_OUTPUT)).toBeUndefined();
    expect(parseMocha("  ✔ looks like mocha\n")).toBeUndefined();
  });
});
