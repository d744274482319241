import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { join } from "node:path";
import { parseCargoTest } from "../../src/verification/parse-cargo.ts";
import type { TestResults, TestStatus } from "../../src/verification/test-results.ts";
import { CARGO_CRASH_OUTPUT, CARGO_PROJECT, CARGO_QUIET_OUTPUT, CARGO_VERBOSE_OUTPUT, CARGO_WORKSPACE_OUTPUT } from "./support/native-cargo-samples.ts";
import { findToolchain, runToolchain, testWithToolchain, writeProject } from "./support/native-toolchain.ts";

const statuses = (results: TestResults | undefined): Record<string, TestStatus> | undefined => results && Object.fromEntries(results.cases.map((test) => [test.id, test.status]));

const LIB = "ferry_sample › src/lib.rs";
const DOC = "ferry_sample › doc-tests › src/lib.rs - add";
/** Every test of CARGO_PROJECT by id, the flaky one as FERRY_FLAKY says. */
const sampleOutcomes = (flaky: TestStatus): Record<string, TestStatus> => ({
  [`${LIB} › tests::passes`]: "passed",
  [`${LIB} › tests::fails`]: "failed",
  [`${LIB} › tests::skipped`]: "skipped",
  [`${LIB} › tests::flaky`]: flaky,
  [`${LIB} › tests::panics`]: "passed",
  "integration › tests/integration.rs › adds_from_outside": "passed",
  [DOC]: "passed",
  [`${DOC} (example 2)`]: "failed",
});

describe("cargo test's output read test by test (recorded outputs)", () => {
  test("each test by binary, source and path; ignored counts as skipped; the doc-test examples numbered", () => {
    expect(statuses(parseCargoTest(CARGO_VERBOSE_OUTPUT))).toEqual(sampleOutcomes("passed"));
  });

  test("another build's hash and target directory change no id", () => {
    const elsewhere = CARGO_VERBOSE_OUTPUT.replaceAll("(target/debug/deps/", "(/home/ci/cache/target/debug/deps/").replaceAll(/-[0-9a-f]{16}\)/g, "-0123456789abcdef)");
    expect(parseCargoTest(elsewhere)).toEqual(parseCargoTest(CARGO_VERBOSE_OUTPUT));
  });

  test("doc-tests moved by lines added above them keep their ids", () => {
    const moved = CARGO_VERBOSE_OUTPUT.replaceAll("add (line 9)", "add (line 14)").replaceAll("add (line 3)", "add (line 8)");
    expect(parseCargoTest(moved)).toEqual(parseCargoTest(CARGO_VERBOSE_OUTPUT));
  });

  test("cargo test -q prints no header and names only the failures: they are named by path alone, a doc-test with its line", () => {
    expect(statuses(parseCargoTest(CARGO_QUIET_OUTPUT))).toEqual({ "tests::fails": "failed", "tests::flaky": "failed", "src/lib.rs - add (line 9)": "failed" });
  });

  test("cargo test -q: the listing says it names the failures only; named lines make it whole", () => {
    expect(parseCargoTest(CARGO_QUIET_OUTPUT)?.listing).toBe("failures");
    expect(parseCargoTest(CARGO_VERBOSE_OUTPUT)?.listing).toBeUndefined();
  });

  test("cargo test -q with every test passing: no test named, a result all the same", () => {
    const output = "\nrunning 5 tests\n.....\ntest result: ok. 5 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\n";
    expect(parseCargoTest(output)).toEqual({ source: "cargo", cases: [], listing: "failures" });
  });

  test("cargo test -q with a binary that died (-q names no binary to blame): undefined", () => {
    expect(parseCargoTest("\nrunning 5 tests\n..\n")).toBeUndefined();
  });

  test("cargo test -q with a list of failures shorter than libtest's count (a cut, a lost line): undefined", () => {
    expect(parseCargoTest(CARGO_QUIET_OUTPUT.replace("    tests::flaky\n", ""))).toBeUndefined();
    const cut = CARGO_QUIET_OUTPUT.replace("running 1 test\n", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]\n\nrunning 1 test\n");
    expect(parseCargoTest(cut)).toBeUndefined();
  });

  test("a test binary that died mid-run counts as one failed test named after it; the tests it finished keep theirs", () => {
    expect(statuses(parseCargoTest(CARGO_CRASH_OUTPUT))).toEqual({ "crashes › src/lib.rs › fine": "passed", "crashes › src/lib.rs": "failed" });
  });

  test("cargo's stderr line read before libtest's closing line (two pipes side by side) blames no binary", () => {
    const closing = "test result: FAILED. 3 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\n";
    const error = "error: test failed, to rerun pass `--lib`\n";
    expect(CARGO_VERBOSE_OUTPUT).toContain(closing + error);
    expect(statuses(parseCargoTest(CARGO_VERBOSE_OUTPUT.replace(closing + error, error + closing)))).toEqual(sampleOutcomes("passed"));
  });

  test("a binary still running when the output ends (killed at the time limit) counts as failed", () => {
    const output = "     Running unittests src/lib.rs (target/debug/deps/slow-0123456789abcdef)\n\nrunning 2 tests\ntest quick ... ok\n";
    expect(statuses(parseCargoTest(output))).toEqual({ "slow › src/lib.rs › quick": "passed", "slow › src/lib.rs": "failed" });
  });

  test("two workspace members with the same test file are told apart by their order", () => {
    expect(Object.keys(statuses(parseCargoTest(CARGO_WORKSPACE_OUTPUT)) ?? {})).toEqual(["a › src/lib.rs › t", "tool_a › src/main.rs › m", "it › tests/it.rs › it", "b › src/lib.rs › t", "tool_b › src/main.rs › m", "it (2) › tests/it.rs › it"]);
  });

  test("cargo before 1.54 named only the binary: `Running target/debug/deps/name-<hash>`", () => {
    const output = "     Running target/debug/deps/ferry_sample-ba97e6d544dcb9d6\n\nrunning 1 test\ntest tests::passes ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out\n";
    expect(statuses(parseCargoTest(output))).toEqual({ "ferry_sample › tests::passes": "passed" });
  });

  test("tests after the sandbox's cut lost their header: not named until the next one", () => {
    const output = ["     Running unittests src/lib.rs (target/debug/deps/a-0123456789abcdef)", "running 3 tests", "test one ... ok", "test tw", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]", "s (target/debug/deps/b-0123456789abcdef)", "test three ... ok", "     Running tests/it.rs (target/debug/deps/it-0123456789abcdef)", "running 1 test", "test four ... FAILED", "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s"].join("\n");
    expect(statuses(parseCargoTest(output))).toEqual({ "a › src/lib.rs › one": "passed", "it › tests/it.rs › four": "failed" });
  });

  test("libtest-like lines without cargo's header or libtest's closing line are not cargo's", () => {
    expect(parseCargoTest("test adds ... ok\ntest subtracts ... FAILED\n")).toBeUndefined();
  });

  test("a build that failed before any test ran names no test: undefined", () => {
    expect(parseCargoTest("   Compiling ferry-sample v0.1.0 (/w)\nerror[E0425]: cannot find value `x` in this scope\nerror: could not compile `ferry-sample` (lib test) due to 1 previous error\n")).toBeUndefined();
  });

  test("10 MB of noise: undefined, quickly", () => {
    const started = performance.now();
    expect(parseCargoTest(`${"x".repeat(5_000_000)}\n${"test noise ... ok\n".repeat(280_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("a crafted header line (many ` (` and no closing one) is read in linear time", () => {
    const crafted = `     Running x${" (a)".repeat(990)}z\n`;
    const started = performance.now();
    expect(parseCargoTest(`${crafted.repeat(1_000)}test result: ok. 0 passed; 0 failed;\n`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test("never throws, whatever the output", () => {
    const fragment = fc.constantFrom("test ", " ... ", "ok", "FAILED", "ignored, ", "running 1 test", "test result: ok. 1 passed; 0 failed;", "     Running ", "unittests src/lib.rs (target/debug/deps/x-0123456789abcdef)", "   Doc-tests x", " (line 3)", " - ", "failures:", "\n    ", "\n", "error: test failed", "\u001b[32m", "\u001b(B");
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 40 }), (parts) => {
        const results = parseCargoTest(parts.join(""));
        expect(results === undefined || results.cases.every((test) => test.id.length > 0)).toBe(true);
      }),
    );
  });
});

const cargo = await findToolchain("cargo", "cargo", [], ["--version"]);

describe("cargo test's output read test by test (a real cargo run)", () => {
  let project: ReturnType<typeof writeProject>;
  // Offline (no dependencies), built in the temporary directory, the same on every machine.
  const env = (flaky: string) => ({ CARGO_TARGET_DIR: join(project.dir, "target"), CARGO_NET_OFFLINE: "true", RUST_BACKTRACE: "0", CARGO_TERM_COLOR: "always", FERRY_FLAKY: flaky });
  beforeAll(async () => {
    project = writeProject("ferry-cargo-", CARGO_PROJECT);
    // Built once; the two runs below only run it (the env var is read by the test, not the build).
    if (cargo.found) await runToolchain(cargo, project.dir, ["test", "--offline", "--no-run"], env("pass"));
  }, 120_000);
  afterAll(() => project.remove());
  const run = (flaky: string) => runToolchain(cargo, project.dir, ["test", "--offline", "--no-fail-fast", "--", "--color", "always"], env(flaky));

  testWithToolchain(cargo, undefined, "cargo test in colour: each test's outcome, the flaky test passing", async () => {
    expect(statuses(parseCargoTest(await run("pass")))).toEqual(sampleOutcomes("passed"));
  }, 60_000);

  testWithToolchain(cargo, undefined, "cargo test again with the flaky test failing: only it changes, every id stays", async () => {
    const results = parseCargoTest(await run("fail"));
    expect(statuses(results)).toEqual(sampleOutcomes("failed"));
    expect(results?.listing).toBeUndefined();
  }, 60_000);

  testWithToolchain(cargo, undefined, "cargo test -q with the flaky test failing: the failures only, by path, listed as failures", async () => {
    const results = parseCargoTest(await runToolchain(cargo, project.dir, ["test", "-q", "--offline", "--no-fail-fast"], env("fail")));
    expect(statuses(results)).toEqual({ "tests::fails": "failed", "tests::flaky": "failed", "src/lib.rs - add (line 9)": "failed" });
    expect(results?.listing).toBe("failures");
  }, 60_000);

  testWithToolchain(cargo, undefined, "cargo test -q with every selected test passing: no test named, listed as failures", async () => {
    const output = await runToolchain(cargo, project.dir, ["test", "-q", "--offline", "--lib", "--", "tests::passes"], env("pass"));
    expect(parseCargoTest(output)).toEqual({ source: "cargo", cases: [], listing: "failures" });
  }, 60_000);
});
