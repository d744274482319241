import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { BACKLOG_MARKER } from "../../src/github/markers.ts";
import { sweepRepository } from "../../src/sweep/sweep-repository.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue } from "../sweep/support/github-data.ts";
import { mockIssues, mockPulls } from "../sweep/support/sweep-mocks.ts";
import { REPO, REPO_PATH, sweepConfig, sweepDeps, testClient } from "../sweep/support/sweep-fixture.ts";

/**
 * Attack: an issue labelled `ferry` opened by another App's bot (a triage or template bot that
 * copies a stranger's text) carries the backlog marker. Before, any bot's issue with the marker
 * was taken for Ferry's backlog issue and its body overwritten. Now only Ferry's own bot's counts.
 */
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

test("another App's bot's issue carrying the backlog marker is not edited: a dry run opens Ferry's own", async () => {
  const created: string[] = [];
  const scope = githubApi();
  mockIssues(scope, []);
  mockPulls(scope, []);
  mockIssues(scope, [listedIssue(60, { body: `${BACKLOG_MARKER}\nnot Ferry's`, user: { login: "triage-helper[bot]", type: "Bot" }, labels: ["ferry"] })], "ferry")
    .post(`${REPO_PATH}/issues`, (body: { body: string }) => created.push(body.body) > 0)
    .reply(201, { number: 78 });

  const report = await sweepRepository(deps, testClient(), REPO, sweepConfig({ dryRun: true }), "now");

  expect(report).toMatchObject({ status: "dry-run", backlogIssue: 78 });
  expect(created).toHaveLength(1);
});
