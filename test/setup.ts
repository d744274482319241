import { afterAll, afterEach, expect } from "@jest/globals";
import nock from "nock";
import { takeOpenApiViolations } from "./helpers/github-api.ts";
import { takeLogProblems, takeLogProblemsSettled } from "./helpers/logged-problems.ts";
import { takeUnmatchedRequests } from "./helpers/unmatched-requests.ts";

// Nothing leaves the machine: GitHub is nock, servers under test listen on loopback.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

/**
 * A test fails on what Ferry swallowed: a request nock could not answer (a missing mock, or one
 * that should not have been sent), a warning or error logged that the test did not declare
 * with expectLoggedError/expectLoggedWarning, a mock left unused, a request GitHub's API lacks.
 */
function leftovers(logs: ReturnType<typeof takeLogProblems>) {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  return { unusedMocks: pending, unmatchedRequests: takeUnmatchedRequests(), openApiViolations: takeOpenApiViolations(), ...logs };
}

const NOTHING_LEFT = { unusedMocks: [], unmatchedRequests: [], openApiViolations: [], unexpectedLogs: [], expectedLogsMissing: [] };

afterEach(async () => {
  expect(leftovers(await takeLogProblemsSettled())).toEqual(NOTHING_LEFT);
});

// What a file's own afterEach/afterAll teardown caused (a queue stopping, a server closing) comes after the check above.
afterAll(() => {
  const { unmatchedRequests, unexpectedLogs, expectedLogsMissing } = leftovers(takeLogProblems());
  expect({ afterTheLastTest: { unmatchedRequests, unexpectedLogs, expectedLogsMissing } }).toEqual({
    afterTheLastTest: { unmatchedRequests: [], unexpectedLogs: [], expectedLogsMissing: [] },
  });
});

// Jest gives each test file its own copy of nock; the copy of a finished file must let go
// of the process's HTTP interception, or it would swallow the next file's requests. The test
// environment (test/environment.js) calls this when the file ends, whether or not tests ran.
(globalThis as { releaseNock?: () => void }).releaseNock = () => nock.restore();
