import { afterAll, afterEach, expect } from "@jest/globals";
import http from "node:http";
import nock from "nock";
import { takeOpenApiViolations } from "./helpers/github-api.ts";

// Jest gives each test file its own copy of nock, and each copy intercepts the process's HTTP.
// A copy must let go when its file ends, but Jest runs no afterAll in a file whose tests are all
// skipped (Docker tests without an engine), and interceptors left behind pile up until requests
// fail or the worker runs out of memory. So each file also releases the copy before it, through
// a slot on a module all copies share, and then intercepts afresh.
const PREVIOUS_COPY = Symbol.for("ferry.test.nock-restore");
const previous: unknown = Reflect.get(http, PREVIOUS_COPY);
if (typeof previous === "function") {
  previous();
  nock.restore();
  nock.activate();
}
Reflect.set(http, PREVIOUS_COPY, () => nock.restore());

// Nothing leaves the machine: GitHub is nock, servers under test listen on loopback.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  const pending = nock.pendingMocks();
  const violations = takeOpenApiViolations();
  nock.cleanAll();
  expect({ unusedMocks: pending, openApiViolations: violations }).toEqual({ unusedMocks: [], openApiViolations: [] });
});

afterAll(() => {
  nock.restore();
});
