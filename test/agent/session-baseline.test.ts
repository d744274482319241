import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type { Message, ModelRequest } from "../../src/agent/models/model.ts";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import type { Baseline } from "../../src/verification/judge.ts";
import type { AgentFixture } from "./support/agent-fixture.ts";
import { agentFixture } from "./support/agent-fixture.ts";
import { FIXED_ADD } from "./support/buggy-repo.ts";

/*
 * The calculator with node's test runner: `add adds` fails on the base (the bug),
 * `legacy is red` fails on the base for reasons of its own, `greets` passes.
 */
const TESTS = {
  "tests/add.test.mjs": ['import test from "node:test";', 'import assert from "node:assert";', 'import { add } from "../src/add.js";', "", 'test("add adds", () => assert.equal(add(2, 3), 5));', ""].join("\n"),
  "tests/other.test.mjs": [
    'import test from "node:test";',
    'import assert from "node:assert";',
    'import { greet } from "../src/greet.js";',
    "",
    'test("greets", () => assert.equal(greet("Ada"), "Hello, Ada!"));',
    'test("legacy is red", () => assert.fail("broken long ago"));',
    "",
  ].join("\n"),
  "src/greet.js": "export const greet = (name) => `Hello, ${name}!`;\n",
};
const TEST_COMMAND = "node --test --test-reporter=tap 'tests/*.test.mjs'";

let fixture: AgentFixture;
beforeEach(async () => {
  fixture = await agentFixture(TESTS);
});
afterEach(() => fixture.close());

const call = (name: string, args: object) => ({ toolCalls: [{ name, arguments: args }] });
const fix = call("write_file", { path: "src/add.js", content: FIXED_ADD });
const finish = call("finish", { summary: "add() adds now." });
const users = (request: ModelRequest | undefined): string[] =>
  (request?.messages ?? []).filter((message): message is Extract<Message, { role: "user" }> => message.role === "user").map((message) => message.content);
const config = (extra: Record<string, unknown> = {}) => ({ test: TEST_COMMAND, ...extra });

describe("the tests on the base, before the agent", () => {
  test("run before the agent's first step, and the agent is told which were already red", async () => {
    const model = new ScriptedModel([fix, finish]);
    const { trajectory } = await fixture.run({ model, config: config() });
    expect(trajectory.ofType("test-run")[0]).toMatchObject({ by: "baseline", passed: false, tests: 3, source: "tap" });
    const brief = users(model.requests[0]).find((text) => text.startsWith("Before you started"));
    expect(brief).toMatch(/1 test passes/);
    expect(brief).toMatch(/2 tests already fail on the base: .*add adds.*legacy is red|2 tests already fail on the base: .*legacy is red.*add adds/);
  });

  test("a test red on the base and still red does not keep the fix from being ready; the evidence names both", async () => {
    const { outcome } = await fixture.run({ model: new ScriptedModel([fix, finish]), config: config() });
    expect(outcome.outcome).toBe("changes-ready");
    if (outcome.outcome !== "changes-ready") return;
    expect(outcome.tests.exitCode).not.toBe(0);
    expect(outcome.tests.evidence).toMatchObject({ mode: "per-test", regressions: [], counts: { newlyPassing: 1, preExisting: 1 } });
    expect(outcome.tests.evidence?.newlyPassing.join()).toMatch(/add adds/);
    expect(outcome.tests.evidence?.preExisting.join()).toMatch(/legacy is red/);
  });

  test("a change that breaks a test that passed goes back to the agent naming it, and ends tests-failing when out of tries", async () => {
    const breakGreet = call("write_file", { path: "src/greet.js", content: "export const greet = () => 'hi';\n" });
    const model = new ScriptedModel([fix, breakGreet, finish, finish]);
    const { outcome } = await fixture.run({ model, config: config({ limits: { testRetries: 1 } }) });
    const feedback = users(model.requests[3]).at(-1) ?? "";
    expect(feedback).toMatch(/Regressions \(passed on the base or new, fail now\): 1 test: .*greets/);
    expect(outcome).toMatchObject({ outcome: "tests-failing", tests: { passed: false, evidence: { counts: { regressions: 1 } } } });
  });

  test("run_tests shows the agent the verdict Ferry will take: ready, with the pre-existing failure not counted", async () => {
    const model = new ScriptedModel([call("run_tests", {}), fix, call("run_tests", {}), finish]);
    await fixture.run({ model, config: config() });
    const tools = (request: ModelRequest | undefined) => (request?.messages ?? []).filter((message) => message.role === "tool").map((message) => message.content);
    const [before, , after] = tools(model.requests[3]);
    expect(before).toMatch(/^NOT ready by Ferry's per-test verdict: .*\nRegressions: none\.\nPre-existing failures \(failed on the base too, not blocking\): 2 tests/);
    expect(after).toMatch(/^Ready by Ferry's per-test verdict: .*\nNewly passing \(failed on the base\): 1 test: .*add adds/);
  });

  test("verify: exit-code runs no baseline, and a red test anywhere fails the change", async () => {
    const { outcome, trajectory } = await fixture.run({ model: new ScriptedModel([fix, finish]), config: config({ verify: "exit-code", limits: { testRetries: 0 } }) });
    expect(trajectory.ofType("test-run").map((run) => run.by)).toEqual(["harness"]);
    expect(outcome).toMatchObject({ outcome: "tests-failing", tests: { evidence: { mode: "exit-code" } } });
  });

  test("a base run handed in (a follow-up on the same base) is used, not measured again", async () => {
    let measured = 0;
    let kept: Baseline | undefined;
    const baselines = async (measure: () => Promise<Baseline>) => (kept ??= (measured++, await measure()));
    await fixture.run({ model: new ScriptedModel([fix, finish]), config: config(), baselines });
    await fixture.run({ model: new ScriptedModel([{ text: "Nothing left to do." }]), config: config(), baselines });
    expect(measured).toBe(1);
  });
});
