import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseJUnitXml } from "../../src/verification/parse-junit.ts";
import { MOCHA, removeRepo, runNode, RUNS_TIMEOUT_MS, tempRepo, VITEST } from "./support/run-runner.ts";
import { CARGO2JUNIT_XML, GO_JUNIT_REPORT_XML, JEST_JUNIT_XML, MOCHA_JUNIT_REPORTER_XML, PYTEST_JUNIT_XML } from "./support/recorded-outputs.ts";
import { MOCHA_SUITE, NODE_SUITE, VITEST_SUITE } from "./support/suites.ts";

// The JUnit XML that node --test, Vitest and Mocha (xunit) write, from real runs of the fixture suites.
const repos = { node: "", vitest: "", mocha: "" };
const reports = { node: "", nodeFlaky: "", vitest: "", mocha: "" };

async function report(dir: string, args: string[], file: string, env?: Record<string, string>): Promise<string> {
  await runNode(dir, args, { env });
  return readFile(join(dir, file), "utf8");
}

beforeAll(async () => {
  [repos.node, repos.vitest, repos.mocha] = await Promise.all([tempRepo(NODE_SUITE), tempRepo(VITEST_SUITE), tempRepo(MOCHA_SUITE)]);
  const node = (file: string) => ["--test", "--test-reporter=junit", `--test-reporter-destination=${file}`];
  [reports.node, reports.nodeFlaky, reports.vitest, reports.mocha] = await Promise.all([
    report(repos.node, node("report.xml"), "report.xml"),
    report(repos.node, node("flaky.xml"), "flaky.xml", { FLAKY: "fail" }),
    report(repos.vitest, [VITEST, "run", "--globals", "--reporter=junit", "--outputFile=report.xml", "src/a.test.js", "src/b.test.js"], "report.xml"),
    report(repos.mocha, [MOCHA, "--reporter=xunit", "--reporter-options", "output=report.xml", "test/*.test.js"], "report.xml"),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => Promise.all(Object.values(repos).map(removeRepo)));

const sorted = (...documents: string[]) => parseJUnitXml(documents)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));

describe("parseJUnitXml, real reports", () => {
  test("node --test: file, classname and name; nested suites, skipped and todo", () => {
    const file = (name: string) => join(repos.node, "test", name);
    expect(sorted(reports.node)).toEqual(
      [
        { id: `${file("a.test.mjs")} › math › adds`, status: "passed" },
        { id: `${file("a.test.mjs")} › math › divides`, status: "skipped" },
        { id: `${file("a.test.mjs")} › math › multiplies`, status: "skipped" },
        { id: `${file("a.test.mjs")} › math › subtracts wrongly`, status: "failed" },
        { id: `${file("a.test.mjs")} › math.inner › flaky`, status: "passed" },
        { id: `${file("b.test.mjs")} › math › adds`, status: "passed" },
        { id: `${file("b.test.mjs")} › test › stands alone`, status: "passed" },
        { id: `${file("c.test.mjs")} › teardown › works`, status: "passed" },
      ].toSorted((a, b) => a.id.localeCompare(b.id)),
    );
    expect(parseJUnitXml([reports.node])?.source).toBe("junit");
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(reports.nodeFlaky)?.map((test) => test.id)).toEqual(sorted(reports.node)?.map((test) => test.id));
    expect(parseJUnitXml([reports.nodeFlaky])?.cases).toContainEqual({ id: `${join(repos.node, "test", "a.test.mjs")} › math.inner › flaky`, status: "failed" });
  });

  test("Vitest: the classname is the file and the name the describe path", () => {
    expect(sorted(reports.vitest)).toEqual([
      { id: "src/a.test.js › math > adds", status: "passed" },
      { id: "src/a.test.js › math > divides", status: "skipped" },
      { id: "src/a.test.js › math > inner > flaky", status: "passed" },
      { id: "src/a.test.js › math > multiplies", status: "skipped" },
      { id: "src/a.test.js › math > subtracts wrongly", status: "failed" },
      { id: "src/a.test.js › runs at the top level", status: "passed" },
      { id: "src/b.test.js › math > adds", status: "passed" },
      { id: "src/b.test.js › stands alone", status: "passed" },
    ]);
  });

  test("Mocha's xunit: the file apart, a failing hook as a failed case", () => {
    const file = (name: string) => join(repos.mocha, "test", name);
    expect(sorted(reports.mocha)).toEqual(
      [
        { id: `${file("a.test.js")} › math › adds`, status: "passed" },
        { id: `${file("a.test.js")} › math › divides`, status: "skipped" },
        { id: `${file("a.test.js")} › math › multiplies`, status: "skipped" },
        { id: `${file("a.test.js")} › math › subtracts wrongly`, status: "failed" },
        { id: `${file("a.test.js")} › math inner › flaky`, status: "passed" },
        { id: `${file("b.test.js")} › math › adds`, status: "passed" },
        { id: `${file("b.test.js")} › stands alone`, status: "passed" },
        { id: `${file("b.test.js")} › waits a little`, status: "passed" },
        { id: `${file("c.test.js")} › setup › "before all" hook for "needs the database"`, status: "failed" },
      ].toSorted((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

describe("parseJUnitXml, recorded reports", () => {
  test("pytest: module and class, an error in a fixture as failed, a skip as skipped", () => {
    expect(parseJUnitXml([PYTEST_JUNIT_XML])?.cases).toEqual([
      { id: "tests.test_math.TestMath › test_adds", status: "passed" },
      { id: "tests.test_math.TestMath › test_subtracts_wrongly", status: "failed" },
      { id: "tests.test_math.TestMath › test_divides", status: "skipped" },
      { id: "tests.test_math › test_flaky", status: "passed" },
      { id: "tests.test_math › test_needs_db", status: "failed" },
    ]);
  });

  test("jest-junit: a classname equal to the name is said once", () => {
    expect(parseJUnitXml([JEST_JUNIT_XML])?.cases).toEqual([
      { id: "math adds", status: "passed" },
      { id: "math subtracts wrongly", status: "failed" },
      { id: "math divides", status: "skipped" },
    ]);
  });

  test("mocha-junit-reporter: the file on the suite tells two `math adds` apart", () => {
    expect(parseJUnitXml([MOCHA_JUNIT_REPORTER_XML])?.cases.map((test) => test.id)).toEqual(["test/a.test.js › adds › math adds", "test/a.test.js › subtracts wrongly › math subtracts wrongly", "test/b.test.js › adds › math adds"]);
  });

  test("go-junit-report: package and test, subtests by their path", () => {
    expect(parseJUnitXml([GO_JUNIT_REPORT_XML])?.cases).toEqual([
      { id: "example.com/calc › TestAdd", status: "passed" },
      { id: "example.com/calc › TestSub/negative", status: "failed" },
      { id: "example.com/calc › TestDiv", status: "skipped" },
    ]);
  });

  test("cargo2junit: the binary's run number is left out of a suite name standing in for the classname", () => {
    expect(parseJUnitXml([CARGO2JUNIT_XML])?.cases).toEqual([
      { id: "core::package_id_spec::tests › bad_parsing", status: "passed" },
      { id: "alt_registry › bad_registry_name", status: "passed" },
      { id: "cargo test › it_cross_compiles", status: "failed" },
    ]);
  });
});
