import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parseNodeSpec } from "../../src/verification/parse-node-spec.ts";
import { removeRepo, runNode, RUNS_TIMEOUT_MS, tempRepo } from "./support/run-runner.ts";
import { MOCHA_SPEC_OUTPUT } from "./support/recorded-outputs.ts";
import { NODE_SUITE } from "./support/suites.ts";

// node --test's default reporter (spec), run for real on the fixture suite.
let repo: string;
const output = { plain: "", flaky: "", colour: "" };

beforeAll(async () => {
  repo = await tempRepo(NODE_SUITE);
  [output.plain, output.flaky, output.colour] = await Promise.all([
    runNode(repo, ["--test"]),
    runNode(repo, ["--test"], { env: { FLAKY: "fail" } }),
    runNode(repo, ["--test"], { colour: true }),
  ]);
}, RUNS_TIMEOUT_MS);
afterAll(() => removeRepo(repo));

const sorted = (output: string) => parseNodeSpec(output)?.cases.toSorted((a, b) => a.id.localeCompare(b.id));

describe("parseNodeSpec", () => {
  test("reads each test under its suites; node names no file, so the two `math › adds` are one test", () => {
    expect(sorted(output.plain)).toEqual([
      { id: "math › adds", status: "passed" },
      { id: "math › divides", status: "skipped" },
      { id: "math › inner › flaky", status: "passed" },
      { id: "math › multiplies", status: "skipped" },
      { id: "math › subtracts wrongly", status: "failed" },
      { id: "stands alone", status: "passed" },
      { id: "teardown", status: "failed" },
      { id: "teardown › works", status: "passed" },
    ]);
    expect(parseNodeSpec(output.plain)?.source).toBe("node-spec");
  });

  test("a suite that fails with no failed test inside (its after hook threw) counts as failed itself", () => {
    expect(parseNodeSpec(output.plain)?.cases).toContainEqual({ id: "teardown", status: "failed" });
  });

  test("a suite with a failed test inside is not a test of its own", () => {
    expect(parseNodeSpec(output.plain)?.cases.map((test) => test.id)).not.toContain("math");
  });

  test("the recap after the summary, which repeats failures without their suites, adds nothing", () => {
    expect(output.plain).toMatch(/^✖ subtracts wrongly/m);
    expect(parseNodeSpec(output.plain)?.cases.map((test) => test.id)).not.toContain("subtracts wrongly");
  });

  test("the flaky test keeps its id from run to run and its outcome follows the run", () => {
    expect(sorted(output.flaky)?.map((test) => test.id)).toEqual(sorted(output.plain)?.map((test) => test.id));
    expect(parseNodeSpec(output.flaky)?.cases).toContainEqual({ id: "math › inner › flaky", status: "failed" });
  });

  test("colours and durations do not change an id", () => {
    expect(output.colour).toContain("\u001b[");
    expect(sorted(output.colour)).toEqual(sorted(output.plain));
  });

  test("output that is not node's spec reporter's is not read", () => {
    expect(parseNodeSpec(MOCHA_SPEC_OUTPUT)).toBeUndefined();
    expect(parseNodeSpec("ℹ tests 3\nsomething else")).toBeUndefined();
  });
});
