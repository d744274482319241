import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { parsePytest } from "../../src/verification/parse-pytest.ts";
import type { TestResults, TestStatus } from "../../src/verification/test-results.ts";
import { findToolchain, runToolchain, testWithToolchain, writeProject } from "./support/native-toolchain.ts";
import { PYTEST_PROJECT, PYTEST_RA_OUTPUT, PYTEST_VERBOSE_COLOUR_OUTPUT } from "./support/native-pytest-samples.ts";

const statuses = (results: TestResults | undefined): Record<string, TestStatus> | undefined => results && Object.fromEntries(results.cases.map((test) => [test.id, test.status]));

const FILE = "tests/test_sample.py";
/** Every test of PYTEST_PROJECT by id, the flaky one as FERRY_FLAKY says. */
const sampleOutcomes = (flaky: TestStatus): Record<string, TestStatus> => ({
  [`${FILE} › test_passes`]: "passed",
  [`${FILE} › test_fails`]: "failed",
  [`${FILE} › test_skipped`]: "skipped",
  [`${FILE} › test_flaky`]: flaky,
  [`${FILE} › test_expected_failure`]: "skipped",
  [`${FILE} › test_unexpected_pass`]: "passed",
  [`${FILE} › test_broken_fixture`]: "failed",
  [`${FILE} › TestParametrized › test_value[1]`]: "failed",
  [`${FILE} › TestParametrized › test_value[a - b]`]: "passed",
  [`${FILE} › TestParametrized › test_value[x::y]`]: "passed",
});
/** -rA without -v names no skipped test, only the line that skipped it. */
const withSkipLocation = (outcomes: Record<string, TestStatus>): Record<string, TestStatus> => {
  const { [`${FILE} › test_skipped`]: _skipped, ...rest } = outcomes;
  return { ...rest, [`${FILE}:14`]: "skipped" };
};
const failuresOnly = (outcomes: Record<string, TestStatus>) => Object.fromEntries(Object.entries(outcomes).filter(([, status]) => status === "failed"));

describe("pytest's output read test by test (recorded outputs)", () => {
  test("-rA: every outcome from the short summary; XFAIL counts as skipped, XPASS as passed, ERROR as failed", () => {
    expect(statuses(parsePytest(PYTEST_RA_OUTPUT))).toEqual(withSkipLocation(sampleOutcomes("passed")));
  });

  test("-v in colour: every test by its node id, colours and progress stripped", () => {
    expect(statuses(parsePytest(PYTEST_VERBOSE_COLOUR_OUTPUT))).toEqual(sampleOutcomes("passed"));
  });

  test("-rA with -v: the skipped test, named by -v, is not counted again by where it was skipped", () => {
    expect(statuses(parsePytest(`${PYTEST_VERBOSE_COLOUR_OUTPUT}\n${PYTEST_RA_OUTPUT}`))).toEqual(sampleOutcomes("passed"));
  });

  test("the default output: only the failures and errors of the summary", () => {
    const output = ["=========================== short test summary info ============================", "FAILED tests/test_a.py::test_bad - assert 1 == 2", "ERROR tests/test_a.py::test_fixture - RuntimeError: broke", "==== 1 failed, 3 passed, 1 error in 0.81s ====="].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_a.py › test_bad": "failed", "tests/test_a.py › test_fixture": "failed" });
  });

  test("pytest 7 (Debian 12's): an XFAIL's reason on the next line, an XPASS's after a space", () => {
    const output = ["=========================== short test summary info ============================", "XFAIL tests/test_a.py::test_known", "  known bug", "XPASS tests/test_a.py::test_fixed fixed already", "======== 1 xfailed, 1 xpassed in 0.05s ========"].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_a.py › test_known": "skipped", "tests/test_a.py › test_fixed": "passed" });
  });

  test("a module that fails to import counts as one failed test named after the file", () => {
    const output = ["=========================== short test summary info ============================", "ERROR tests/test_bad.py", "!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!", "=============================== 1 error in 0.12s ==============================="].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_bad.py": "failed" });
  });

  test("pytest-xdist's verbose lines, the outcome before the node id", () => {
    const output = ["============================= test session starts ==============================", "[gw0] [ 50%] PASSED tests/test_a.py::test_ok ", "[gw1] [100%] FAILED tests/test_a.py::TestA::test_bad[2] ", "======== 1 failed, 1 passed in 0.30s ========"].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_a.py › test_ok": "passed", "tests/test_a.py › TestA › test_bad[2]": "failed" });
  });

  test("an outcome word outside the short summary (a test's own log line) is not read", () => {
    const output = ["============================= test session starts ==============================", "FAILED tests/test_a.py::test_other - printed by a test", "=========================== short test summary info ============================", "PASSED tests/test_a.py::test_ok", "======== 1 passed in 0.01s ========"].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_a.py › test_ok": "passed" });
  });

  test("the partial lines on each side of the sandbox's cut give no ids", () => {
    const output = ["============================= test session starts ==============================", "tests/test_a.py::test_one PASSED [ 25%]", "tests/test_a.py::test_tw", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]", "py::test_three PASSED [ 75%]", "tests/test_a.py::test_four FAILED [100%]", "======== 1 failed, 3 passed in 0.01s ========"].join("\n");
    expect(statuses(parsePytest(output))).toEqual({ "tests/test_a.py › test_one": "passed", "tests/test_a.py › test_four": "failed" });
  });

  test("all passed with the default output: no test named, a result all the same (its closing line is pytest's)", () => {
    const output = "============================= test session starts ==============================\ntests/test_a.py ....   [100%]\n\n============================== 4 passed in 0.02s ===============================\n";
    expect(parsePytest(output)).toEqual({ source: "pytest", cases: [], listing: "failures" });
  });

  test("all passed with -q: no banner, the progress line and the bare closing line are pytest's", () => {
    expect(parsePytest("....                                                                     [100%]\n4 passed in 0.02s\n")).toEqual({ source: "pytest", cases: [], listing: "failures" });
  });

  test("a closing line alone (any program can print one) is not pytest's", () => {
    expect(parsePytest("4 passed in 0.02s\n")).toBeUndefined();
  });

  test("the default output: a cut in it may have hidden a failure, so undefined", () => {
    const output = ["============================= test session starts ==============================", "tests/test_a.py .F", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]", "", "=========================== short test summary info ============================", "FAILED tests/test_a.py::test_bad - assert 1 == 2", "==== 1 failed, 3 passed in 0.81s ====="].join("\n");
    expect(parsePytest(output)).toBeUndefined();
  });

  test("outcome lines without pytest's banner or summary header are not pytest's", () => {
    expect(parsePytest("tests/test_a.py::test_ok PASSED\nFAILED tests/test_a.py::test_bad - no\n")).toBeUndefined();
  });

  test("10 MB of noise: undefined, quickly", () => {
    const started = performance.now();
    expect(parsePytest(`${"x".repeat(5_000_000)}\n${"tests/a.py::t PASSED\n".repeat(250_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("a crafted verbose line (outcome words and open reasons repeated) is read in linear time", () => {
    const crafted = `a::b${" PASSED (".repeat(440)}\n`;
    const started = performance.now();
    expect(parsePytest(`============================= test session starts ==============================\n${crafted.repeat(1_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("never throws, whatever the output", () => {
    const fragment = fc.constantFrom("PASSED ", "FAILED ", "SKIPPED [1] ", "::", "[", "]", " - ", "\n", "=== short test summary info ===", "=== 1 passed in 0.1s ===", "\u001b[31m", "\r", "tests/a.py");
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 40 }), (parts) => {
        const results = parsePytest(parts.join(""));
        expect(results === undefined || results.cases.every((test) => test.id.length > 0)).toBe(true);
      }),
    );
  });
});

// The first python3 on PATH (a pyenv one, say), or Debian's, where CI installs python3-pytest.
const onPath = await findToolchain("pytest", "python3", ["-m", "pytest"], ["--version"]);
const pytest = onPath.found ? onPath : await findToolchain("pytest", "/usr/bin/python3", ["-m", "pytest"], ["--version"]);
// No cache, no bytecode, no plugins from the machine: the same outcomes on every machine.
const PYTEST_ENV = { PYTHONDONTWRITEBYTECODE: "1", PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1", PYTEST_ADDOPTS: "" };
const PYTEST_ARGS = ["-p", "no:cacheprovider"];

describe("pytest's output read test by test (a real pytest run)", () => {
  let project: ReturnType<typeof writeProject>;
  beforeAll(() => {
    project = writeProject("ferry-pytest-", PYTEST_PROJECT);
  });
  afterAll(() => project.remove());
  const run = (flaky: string, args: string[]) => runToolchain(pytest, project.dir, [...PYTEST_ARGS, ...args], { ...PYTEST_ENV, FERRY_FLAKY: flaky });
  const CI_PACKAGE = "python3-pytest (apt)";

  testWithToolchain(pytest, CI_PACKAGE, "-rA -v: each test's outcome, the flaky test passing", async () => {
    expect(statuses(parsePytest(await run("pass", ["-rA", "-v"])))).toEqual(sampleOutcomes("passed"));
  });

  testWithToolchain(pytest, CI_PACKAGE, "-rA -v again with the flaky test failing: only it changes, every id stays", async () => {
    expect(statuses(parsePytest(await run("fail", ["-rA", "-v", "--color=yes"])))).toEqual(sampleOutcomes("failed"));
  });

  testWithToolchain(pytest, CI_PACKAGE, "-rA alone: the same outcomes, the skipped test named by where it was skipped", async () => {
    expect(statuses(parsePytest(await run("pass", ["-rA"])))).toEqual(withSkipLocation(sampleOutcomes("passed")));
  });

  testWithToolchain(pytest, CI_PACKAGE, "the default output: the failures and errors only, and the listing says so", async () => {
    const results = parsePytest(await run("fail", []));
    expect(statuses(results)).toEqual(failuresOnly(sampleOutcomes("failed")));
    expect(results?.listing).toBe("failures");
  });

  testWithToolchain(pytest, CI_PACKAGE, "-q: the same failures, listed as failures only", async () => {
    const results = parsePytest(await run("fail", ["-q"]));
    expect(statuses(results)).toEqual(failuresOnly(sampleOutcomes("failed")));
    expect(results?.listing).toBe("failures");
  });

  testWithToolchain(pytest, CI_PACKAGE, "-q with every selected test passing: no test named, listed as failures only", async () => {
    expect(parsePytest(await run("pass", ["-q", "-k", "test_passes or test_flaky"]))).toEqual({ source: "pytest", cases: [], listing: "failures" });
  });

  testWithToolchain(pytest, CI_PACKAGE, "-rs names the skips but not the failures its closing line counts: undefined", async () => {
    expect(parsePytest(await run("fail", ["-rs"]))).toBeUndefined();
  });

  testWithToolchain(pytest, CI_PACKAGE, "-v and -rA name every test: the listing is whole", async () => {
    expect(parsePytest(await run("fail", ["-v"]))?.listing).toBeUndefined();
    expect(parsePytest(await run("fail", ["-rA"]))?.listing).toBeUndefined();
  });
});
