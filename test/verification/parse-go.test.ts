import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { parseGoTest } from "../../src/verification/parse-go.ts";
import type { TestResults, TestStatus } from "../../src/verification/test-results.ts";
import { GO_DEFAULT_OUTPUT, GO_JSON_OUTPUT, GO_PROJECT, GO_TIMEOUT_OUTPUT, GO_VERBOSE_OUTPUT } from "./support/native-go-samples.ts";
import { findToolchain, runToolchain, testWithToolchain, writeProject } from "./support/native-toolchain.ts";

const statuses = (results: TestResults | undefined): Record<string, TestStatus> | undefined => results && Object.fromEntries(results.cases.map((test) => [test.id, test.status]));

/** Every test of GO_PROJECT by id, the flaky one as FERRY_FLAKY says. */
const sampleOutcomes = (flaky: TestStatus): Record<string, TestStatus> => ({
  "example.com/sample › TestPasses": "passed",
  "example.com/sample › TestFails": "failed",
  "example.com/sample › TestSkipped": "skipped",
  "example.com/sample › TestFlaky": flaky,
  "example.com/sample › TestTable": "failed",
  "example.com/sample › TestTable/one": "passed",
  "example.com/sample › TestTable/two": "failed",
  "example.com/sample › TestTable/with_space": "passed",
  "example.com/sample/other › TestOther": "passed",
});
const BROKEN = { "example.com/sample/broken": "failed" } as const;

describe("go test's output read test by test (transcribed outputs)", () => {
  test("-v: every test and subtest, named with the package of the ok/FAIL line after them", () => {
    expect(statuses(parseGoTest(GO_VERBOSE_OUTPUT))).toMatchObject(sampleOutcomes("passed"));
  });

  test("-v: a package that did not build counts as one failed test named after it", () => {
    expect(statuses(parseGoTest(GO_VERBOSE_OUTPUT))?.["example.com/sample/broken"]).toBe("failed");
  });

  test("-v: nothing else is named (a package without test files names no test)", () => {
    expect(Object.keys(statuses(parseGoTest(GO_VERBOSE_OUTPUT)) ?? {}).sort()).toEqual(Object.keys({ ...sampleOutcomes("passed"), ...BROKEN }).sort());
  });

  test("-json: the same outcomes and ids as -v", () => {
    expect(statuses(parseGoTest(GO_JSON_OUTPUT))).toEqual({ ...sampleOutcomes("passed"), ...BROKEN });
  });

  test("-json: lines that are not test2json events (bad JSON, wrong shapes, unknown actions) are skipped", () => {
    const noise = ['{"Action":"pass","Package":"example.com/sample","Test":42}', '{"Action":"explode","Package":"example.com/sample","Test":"TestBoom"}', '{"Action":"fail","Package":', "[1,2]"].join("\n");
    expect(statuses(parseGoTest(`${noise}\n${GO_JSON_OUTPUT}`))).toEqual({ ...sampleOutcomes("passed"), ...BROKEN });
  });

  test("-json: a test the package started and never finished (the binary died) counts as failed", () => {
    const output = [{ Action: "run", Package: "p", Test: "TestDies" }, { Action: "output", Package: "p", Output: "panic: boom\n" }, { Action: "fail", Package: "p", Elapsed: 0.01 }].map((event) => JSON.stringify(event)).join("\n");
    expect(statuses(parseGoTest(output))).toEqual({ "p › TestDies": "failed" });
  });

  test("the default output: only the failing tests are named", () => {
    expect(statuses(parseGoTest(GO_DEFAULT_OUTPUT))).toEqual({
      "example.com/sample › TestFails": "failed",
      "example.com/sample › TestFlaky": "failed",
      "example.com/sample › TestTable": "failed",
      "example.com/sample › TestTable/two": "failed",
    });
  });

  test("a test still running when the binary timed out counts as failed", () => {
    expect(statuses(parseGoTest(GO_TIMEOUT_OUTPUT))).toEqual({ "example.com/sample › TestPasses": "passed", "example.com/sample › TestHangs": "failed" });
  });

  test("-count=2 with a flaky test: passing once and failing once counts as failed", () => {
    const output = "=== RUN   TestFlaky\n--- PASS: TestFlaky (0.00s)\n=== RUN   TestFlaky\n--- FAIL: TestFlaky (0.00s)\nFAIL\nFAIL\tp\t0.01s\n";
    expect(statuses(parseGoTest(output))).toEqual({ "p › TestFlaky": "failed" });
  });

  test("a test binary run alone prints no package line: the tests are named without one", () => {
    expect(statuses(parseGoTest("=== RUN   TestAlone\n--- PASS: TestAlone (0.01s)\nPASS\n"))).toEqual({ TestAlone: "passed" });
  });

  test("tests before the sandbox's cut lost their package line: they are not named with the wrong package", () => {
    const output = ["=== RUN   TestBefore", "--- PASS: TestBefore (0.00s)", "=== RUN   TestPart", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]", "ial (0.00s)", "=== RUN   TestAfter", "--- PASS: TestAfter (0.00s)", "ok  \texample.com/after\t0.01s"].join("\n");
    expect(statuses(parseGoTest(output))).toEqual({ "example.com/after › TestAfter": "passed" });
  });

  test("the default output: the listing says it names the failures only; -v and -json name every test", () => {
    expect(parseGoTest(GO_DEFAULT_OUTPUT)?.listing).toBe("failures");
    expect(parseGoTest(GO_VERBOSE_OUTPUT)?.listing).toBeUndefined();
    expect(parseGoTest(GO_JSON_OUTPUT)?.listing).toBeUndefined();
  });

  test("package lines alone (every package passed, no -v): no test named, a result all the same", () => {
    expect(parseGoTest("ok  \texample.com/a\t0.01s\nok  \texample.com/b\t(cached)\n")).toEqual({ source: "go", cases: [], listing: "failures" });
  });

  test("the default output with a cut in it (a --- FAIL line may be lost): undefined", () => {
    const output = ["--- FAIL: TestA (0.00s)", "FAIL", "FAIL\texample.com/a\t0.01s", "--- FAIL: TestP", "[… 5000 bytes of output cut; the first and last 16384 bytes are kept …]", "", "ok  \texample.com/b\t0.01s"].join("\n");
    expect(parseGoTest(output)).toBeUndefined();
  });

  test("another runner's PASS/FAIL lines are not go's", () => {
    expect(parseGoTest("FAIL src/a.test.ts\n  ● adds\nPASS src/b.test.ts (5.2 s)\nTests: 1 failed, 1 passed\n")).toBeUndefined();
  });

  test("10 MB of noise: undefined, quickly", () => {
    const started = performance.now();
    expect(parseGoTest(`${"x".repeat(5_000_000)}\n${"{not an event}\n".repeat(350_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("never throws, whatever the output", () => {
    const fragment = fc.constantFrom("=== RUN   ", "--- PASS: ", "--- FAIL: ", "Test", "/", " (0.00s)", "\n", "ok  \t", "FAIL\t", '{"Action":"', 'run","Test":"', '","Package":"', '"}', "\u001b[31m");
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 40 }), (parts) => {
        const results = parseGoTest(parts.join(""));
        expect(results === undefined || results.cases.every((test) => test.id.length > 0)).toBe(true);
      }),
    );
  });
});

const go = await findToolchain("go", "go", [], ["version"]);
// Offline, with the go that is installed, outside any workspace: the same on every machine.
const GO_ENV = { GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local", GOPROXY: "off", GOWORK: "off" };

describe("go test's output read test by test (a real go run)", () => {
  let project: ReturnType<typeof writeProject>;
  beforeAll(() => {
    project = writeProject("ferry-go-", GO_PROJECT);
  });
  afterAll(() => project.remove());
  const run = (flaky: string, args: string[]) => runToolchain(go, project.dir, ["test", "-count=1", ...args, "./..."], { ...GO_ENV, FERRY_FLAKY: flaky });

  testWithToolchain(go, undefined, "go test -v: each test's and subtest's outcome, the flaky test passing", async () => {
    expect(statuses(parseGoTest(await run("pass", ["-v"])))).toEqual(sampleOutcomes("passed"));
  }, 60_000);

  testWithToolchain(go, undefined, "go test -json with the flaky test failing: only it changes, the ids are -v's", async () => {
    expect(statuses(parseGoTest(await run("fail", ["-json"])))).toEqual(sampleOutcomes("failed"));
  }, 60_000);
});
