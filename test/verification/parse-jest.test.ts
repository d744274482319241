import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseJest } from "../../src/verification/parse-jest.ts";
import { JEST, removeRepo, runNode, type RunOptions, RUNS_TIMEOUT_MS, tempRepo } from "./support/run-runner.ts";
import { JEST_VERBOSE_OUTPUT, MOCHA_SPEC_OUTPUT, VITEST_VERBOSE_OUTPUT } from "./support/recorded-outputs.ts";
import { JEST_SUITE } from "./support/suites.ts";

// Jest's default reporter, run for real on the fixture suite (in band with no cache: larger files first).
let repo: string;
const output = { verbose: "", flaky: "", plain: "", colour: "", broken: "", logged: "", quietPass: "" };

let runs = 0;
const jest = (args: string[], options?: RunOptions) => runNode(repo, [JEST, "--ci", "-i", "--cacheDirectory", join(repo, `.jest-cache-${(runs += 1)}`), ...args], options);

beforeAll(async () => {
  repo = await tempRepo(JEST_SUITE);
  const files = ["src/a.test.js", "src/b.test.js"];
  [output.verbose, output.flaky, output.plain, output.colour, output.broken, output.logged, output.quietPass] = await Promise.all([
    jest(["--verbose", ...files]),
    jest(["--verbose", ...files], { env: { FLAKY: "fail" } }),
    jest(files),
    jest(["--verbose", "--colors", ...files], { colour: true }),
    jest(["src/broken.test.js"]),
    jest(["--verbose", "src/passing.test.js", "src/b.test.js"]),
    jest(["src/passing.test.js", "src/b.test.js"]),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => removeRepo(repo));

const sorted = (output: string) => parseJest(output)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));

describe("parseJest", () => {
  test("--verbose: each test under its file and describe blocks, skipped and todo as skipped", () => {
    expect(sorted(output.verbose)).toEqual([
      { id: "src/a.test.js › math › adds", status: "passed" },
      { id: "src/a.test.js › math › divides", status: "skipped" },
      { id: "src/a.test.js › math › inner › flaky", status: "passed" },
      { id: "src/a.test.js › math › multiplies", status: "skipped" },
      { id: "src/a.test.js › math › subtracts wrongly", status: "failed" },
      { id: "src/a.test.js › runs at the top level", status: "passed" },
      { id: "src/b.test.js › math › adds", status: "passed" },
      { id: "src/b.test.js › stands alone", status: "passed" },
    ]);
    expect(parseJest(output.verbose)?.source).toBe("jest");
  });

  test("without --verbose only the failures are listed, under the same ids as with it", () => {
    expect(parseJest(output.plain)?.cases).toEqual([{ id: "src/a.test.js › math › subtracts wrongly", status: "failed" }]);
  });

  test("--verbose names every test: the listing is whole", () => {
    expect(parseJest(output.verbose)?.listing).toBeUndefined();
  });

  test("without --verbose the listing says it names the failures only", () => {
    expect(output.plain).not.toMatch(/✓ adds/);
    expect(parseJest(output.plain)?.listing).toBe("failures");
  });

  test("without --verbose and every test passing: no test named, a result all the same (the summary is Jest's)", () => {
    expect(output.quietPass).toMatch(/^Tests: +5 passed, 5 total$/m);
    expect(parseJest(output.quietPass)).toEqual({ source: "jest", cases: [], listing: "failures" });
  });

  test("without --verbose, a cut in the output may have hidden a failure: undefined", () => {
    const cut = output.plain.replace("PASS src/b.test.js", "[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial)");
    expect(parseJest(cut)).toBeUndefined();
  });

  test("without --verbose, fewer `●` blocks than the `Tests:` line counts failed (a reporter that hides them): undefined", () => {
    const hidden = output.plain.replace(/^ {2}● math › subtracts wrongly$/m, "");
    expect(parseJest(hidden)).toBeUndefined();
  });

  test("without --verbose, the `● Console` block that frames a file's logged lines is not a failure", () => {
    expect(output.plain).toMatch(/^ {2}● Console$/m);
    expect(parseJest(output.plain)?.cases.filter((test) => test.id.endsWith("Console"))).toEqual([]);
  });

  test("the `● describe › name` blocks name every failure, also one the tree above them did not show", () => {
    const blocksOnly = output.flaky.replace(/^ {4}✕ flaky.*$/m, "");
    expect(parseJest(blocksOnly)?.cases).toContainEqual({ id: "src/a.test.js › math › inner › flaky", status: "failed" });
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(output.flaky)?.map((test) => test.id)).toEqual(sorted(output.verbose)?.map((test) => test.id));
    expect(parseJest(output.flaky)?.cases).toContainEqual({ id: "src/a.test.js › math › inner › flaky", status: "failed" });
  });

  test("colours and durations do not change an id", () => {
    expect(output.colour).toContain("\u001b[");
    expect(sorted(output.colour)).toEqual(sorted(output.verbose));
  });

  test("a line a test logged, printed between the previous file's tests and its own file's header, is not a result", () => {
    const at = (text: string) => output.logged.indexOf(text);
    expect(at("    ✓ one of its many tests")).toBeLessThan(at("✓ logged by the test"));
    expect(at("✓ logged by the test")).toBeLessThan(at("PASS src/b.test.js"));
    expect(parseJest(output.logged)?.cases.filter((test) => test.id.includes("logged"))).toEqual([]);
  });

  test("a test file that fails to run is a failed test named after the file", () => {
    expect(parseJest(output.broken)?.cases).toEqual([{ id: "src/broken.test.js", status: "failed" }]);
  });

  test("a slow file's header keeps its path without the time", () => {
    const slow = JEST_VERBOSE_OUTPUT.replace("FAIL src/a.test.js", "FAIL src/a.test.js (5.321 s)");
    expect(parseJest(slow)?.cases).toEqual(parseJest(JEST_VERBOSE_OUTPUT)?.cases);
  });

  test("past a cut in the output nothing is read until the next file header", () => {
    const at = JEST_VERBOSE_OUTPUT.indexOf("    ○ skipped divides");
    const cut = `${JEST_VERBOSE_OUTPUT.slice(0, at)}[… 4096 bytes of output cut; the first and last 8 bytes are kept …]\n(partial line)\n  other\n    ✓ guessed\n${JEST_VERBOSE_OUTPUT.slice(at)}`;
    expect(parseJest(cut)?.cases).toEqual([{ id: "src/a.test.js › math › adds", status: "passed" }]);
  });

  test("output without Jest's summary lines is not read", () => {
    expect(parseJest(MOCHA_SPEC_OUTPUT)).toBeUndefined();
    expect(parseJest(VITEST_VERBOSE_OUTPUT)).toBeUndefined();
    expect(parseJest(JEST_VERBOSE_OUTPUT.replace(/^Test Suites:.*$/m, ""))).toBeUndefined();
  });
});
