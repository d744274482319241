import { describe, expect, test } from "@jest/globals";
import { MAX_LINE_CHARS } from "../../src/verification/parse-lines.ts";
import { parseTestOutput } from "../../src/verification/parse-test-output.ts";
import { GO_JUNIT_REPORT_XML, JEST_VERBOSE_OUTPUT, MOCHA_SPEC_OUTPUT, NODE_SPEC_OUTPUT, NODE_TAP_OUTPUT, VITEST_VERBOSE_OUTPUT } from "./support/recorded-outputs.ts";

// The runner is not known in advance: each output goes to the parser that recognises it.
const PYTEST_OUTPUT = `============================= test session starts ==============================
collected 1 item

tests/test_a.py::test_x PASSED                                           [100%]

============================== 1 passed in 0.01s ===============================
`;
const GO_OUTPUT = "=== RUN   TestA\n--- PASS: TestA (0.00s)\nPASS\nok  \texample.com/calc\t0.011s\n";
const CARGO_OUTPUT = "\nrunning 1 test\ntest tests::adds ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\n";

describe("parseTestOutput", () => {
  test.each([
    ["vitest", VITEST_VERBOSE_OUTPUT],
    ["jest", JEST_VERBOSE_OUTPUT],
    ["mocha", MOCHA_SPEC_OUTPUT],
    ["node-spec", NODE_SPEC_OUTPUT],
    ["tap", NODE_TAP_OUTPUT],
    ["pytest", PYTEST_OUTPUT],
    ["go", GO_OUTPUT],
    ["cargo", CARGO_OUTPUT],
  ])("%s output is read by its own parser", (source, output) => {
    expect(parseTestOutput(output)?.source).toBe(source);
  });

  test("JUnit XML printed as the output (node --test --test-reporter=junit) is read as JUnit", () => {
    expect(parseTestOutput(`\n${GO_JUNIT_REPORT_XML}`)?.source).toBe("junit");
  });

  test("a runner's own output wins over TAP lines a test printed in it", () => {
    expect(parseTestOutput(`${JEST_VERBOSE_OUTPUT}\n1..1\nok 1 - printed by a test\n`)?.source).toBe("jest");
  });

  test("output no parser recognises gives no result", () => {
    expect(parseTestOutput("")).toBeUndefined();
    expect(parseTestOutput("npm ERR! missing script: test\n")).toBeUndefined();
    expect(parseTestOutput("\u0000\u001b[31m✓ ✕ ● › ok 1 1..\u001b[0m\n<testsuite")).toBeUndefined();
  });

  test("10 MB of noise that looks like results gives no result, quickly", () => {
    // Each runner's cheap check passes (its summary's words are there), so every parser reads every line.
    const unit = `\u001b[32m  ✓ noise (3 ms)\u001b[0m\n    ✔ more noise\nok 1 - not tap 1..\n  1) failing? Test Files Tests: Test Suites: 3 passing ℹ tests TAP version\n ❯ src/x.test.ts (1 test)\n ● a › b\n${" ".repeat(200)}\n`;
    const noise = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
    const started = performance.now();
    expect(parseTestOutput(noise)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test("lines crafted to make a regex backtrack cost no more than plain ones", () => {
    // Just under the cap: longer lines are dropped unread.
    const long = MAX_LINE_CHARS - 100;
    const crafted = [
      `PASS a${" (1".repeat(long / 3)}`,
      `  ✓ ${" ".repeat(long)}(1 ms`,
      ` ✓ ${" ".repeat(long)}x (1 tests`,
      ` ✓ a (1 tests |${" ".repeat(long)}x`,
      `   ✓ a${" 1".repeat(long / 2)}x`,
      ` FAIL  a${" [ ".repeat(long / 3)}x`,
      `  ✔ ${"(1".repeat(long / 2)}`,
      `  ✔ a${" # SKIP".repeat(long / 7)}x`,
    ];
    const summaries = "\nTests:       1 passed, 1 total\nTest Suites: 1 passed, 1 total\n Test Files  1 passed (1)\n  0 passing (2ms)\nℹ tests 1\nℹ pass 1\n";
    const output = crafted.map((line) => `${line}\n`.repeat(50)).join("") + summaries;
    const started = performance.now();
    parseTestOutput(output);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
