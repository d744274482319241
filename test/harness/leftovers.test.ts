import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { expectLoggedError, expectLoggedWarning, takeLogProblems, testLog } from "../helpers/logged-problems.ts";
import { takeUnmatchedRequests } from "../helpers/unmatched-requests.ts";

// The checks test/setup.ts runs after every test; each test here takes what it caused, so the real check sees nothing.
describe("what a test leaves behind", () => {
  test("an error Ferry logged that the test did not declare is reported with its cause", () => {
    testLog.child({ delivery: "d-1" }).error({ err: new Error("boom") }, "gave up on a webhook delivery");

    expect(takeLogProblems()).toEqual({ unexpectedLogs: ["error: gave up on a webhook delivery (boom)"], expectedLogsMissing: [] });
  });

  test("a declared warning is taken, an undeclared one is not", () => {
    expectLoggedWarning(/could not react/);
    testLog.warn({}, "could not react to the issue");
    testLog.warn({ error: "rate limited" }, "Could not evict mirrors");

    expect(takeLogProblems().unexpectedLogs).toEqual(["warn: Could not evict mirrors (rate limited)"]);
  });

  test("a declared error that never came is reported, and a warning does not stand in for it", () => {
    expectLoggedError(/Task runner failed/);
    testLog.warn({}, "Task runner failed");

    expect(takeLogProblems()).toEqual({ unexpectedLogs: ["warn: Task runner failed"], expectedLogsMissing: ["error: /Task runner failed/"] });
  });

  test("a line declared twice must come twice", () => {
    expectLoggedWarning(/webhook delivery refused/, 2);
    testLog.warn({}, "webhook delivery refused or not answered");

    expect(takeLogProblems()).toEqual({ unexpectedLogs: [], expectedLogsMissing: ["warn: /webhook delivery refused/ ×2"] });
  });

  test("a line declared zero times may come or not", () => {
    expectLoggedWarning(/could not report the check run/, 0);
    expectLoggedError(/Ferry did not stop in time/, 0);
    testLog.warn({}, "could not report the check run");

    expect(takeLogProblems()).toEqual({ unexpectedLogs: [], expectedLogsMissing: [] });
  });

  test("Octokit's own line for a failed request is not a problem of its own", () => {
    testLog.error("GET /repos/o/r/contents/.github%2Fagent.yml?ref=main - 404 with id UNKNOWN in 12ms");

    expect(takeLogProblems()).toEqual({ unexpectedLogs: [], expectedLogsMissing: [] });
  });

  test("a request nock has no reply for is reported with its method and URL, though the caller swallowed the failure", async () => {
    await fetch("https://api.github.com/repos/o/r/pulls?state=open", { method: "GET" }).catch(() => undefined);

    expect(takeUnmatchedRequests()).toEqual(["GET https://api.github.com/repos/o/r/pulls?state=open"]);
  });

  test("a request to a mocked host that none of its mocks match is reported", async () => {
    nock("https://api.github.com").get("/app").reply(200, {});
    await fetch("https://api.github.com/app/installations").catch(() => undefined);
    nock.cleanAll();

    expect(takeUnmatchedRequests()).toEqual(["GET https://api.github.com/app/installations"]);
  });

  test("a request to a local server is not GitHub and is not reported", async () => {
    await fetch("http://127.0.0.1:9/ping").catch(() => undefined);

    expect(takeUnmatchedRequests()).toEqual([]);
  });
});
