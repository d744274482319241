import { afterEach, expect } from "@jest/globals";
import nock from "nock";
import { takeOpenApiViolations } from "./helpers/github-api.ts";

// Nothing leaves the machine: GitHub is nock, servers under test listen on loopback.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  const pending = nock.pendingMocks();
  const violations = takeOpenApiViolations();
  nock.cleanAll();
  expect({ unusedMocks: pending, openApiViolations: violations }).toEqual({ unusedMocks: [], openApiViolations: [] });
});

// Jest gives each test file its own copy of nock; the copy of a finished file must let go
// of the process's HTTP interception, or it would swallow the next file's requests. The test
// environment (test/environment.js) calls this when the file ends, whether or not tests ran.
(globalThis as { releaseNock?: () => void }).releaseNock = () => nock.restore();
