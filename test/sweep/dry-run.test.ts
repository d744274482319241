import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { BACKLOG_MARKER } from "../../src/github/markers.ts";
import { renderBacklogBody } from "../../src/sweep/backlog-body.ts";
import { sweepRepository } from "../../src/sweep/sweep-repository.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { FERRY_BOT } from "../helpers/ferry-account.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue, listedPull } from "./support/github-data.ts";
import { pickedNumbers, planFor } from "./support/plan.ts";
import { mockIssues, mockPulls } from "./support/sweep-mocks.ts";
import { REPO, REPO_PATH, sweepConfig, sweepDeps, testClient } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

const candidates = [listedIssue(3), listedIssue(4, { locked: true }), listedIssue(5)];
const BOT = FERRY_BOT;
const pulls = [listedPull(40, 9)];
const expectedBody = async () => renderBacklogBody(await planFor(deps.store, candidates, { sweep: { dryRun: true }, pulls }));
const dryRun = () => sweepRepository(deps, testClient(), REPO, sweepConfig({ dryRun: true }), "now");

function mockBacklogLookup(existing: object[]) {
  const scope = githubApi();
  mockIssues(scope, candidates);
  mockPulls(scope, pulls);
  return mockIssues(scope, existing, "ferry");
}

test("a dry run creates the backlog issue, labelled ferry, and starts nothing", async () => {
  const created: Array<{ title: string; body: string; labels: string[] }> = [];
  mockBacklogLookup([]).post(`${REPO_PATH}/issues`, (body: { title: string; body: string; labels: string[] }) => {
    created.push(body);
    return true;
  }).reply(201, { number: 77 });

  const report = await dryRun();

  expect(created).toEqual([{ title: "Ferry backlog", body: await expectedBody(), labels: ["ferry"] }]);
  expect(report).toMatchObject({ status: "dry-run", backlogIssue: 77, picked: [{ number: 3 }, { number: 5 }], skipped: [{ number: 4, code: "locked" }] });
  expect(await deps.store.listTasks(TASK_STATES)).toEqual([]);
  expect(deps.enqueued).toEqual([]);
});

test("the backlog says what would be picked and what was skipped, and why", async () => {
  const body = await expectedBody();
  expect(body.startsWith(BACKLOG_MARKER)).toBe(true);
  expect(body).toMatchSnapshot();
});

test("an existing backlog issue whose body changed is edited, not duplicated", async () => {
  const edits: string[] = [];
  mockBacklogLookup([listedIssue(77, { title: "Ferry backlog", body: `${BACKLOG_MARKER}\nold`, user: BOT, labels: ["ferry"] })])
    .patch(`${REPO_PATH}/issues/77`, (body: { body: string }) => {
      edits.push(body.body);
      return true;
    })
    .reply(200, { number: 77 });

  const report = await dryRun();

  expect(edits).toEqual([await expectedBody()]);
  expect(report.backlogIssue).toBe(77);
});

test("an unchanged backlog issue is not edited", async () => {
  // No PATCH or POST is mocked: either would fail the sweep.
  mockBacklogLookup([listedIssue(77, { title: "Ferry backlog", body: await expectedBody(), user: BOT, labels: ["ferry"] })]);

  const report = await dryRun();

  expect(report).toMatchObject({ status: "dry-run", backlogIssue: 77 });
});

test("an issue someone else wrote with the marker is not taken for the backlog issue", async () => {
  const created: string[] = [];
  mockBacklogLookup([listedIssue(60, { body: await expectedBody(), user: { login: "mallory", type: "User" }, labels: ["ferry"] })])
    .post(`${REPO_PATH}/issues`, (body: { body: string }) => {
      created.push(body.body);
      return true;
    })
    .reply(201, { number: 78 });

  expect((await dryRun()).backlogIssue).toBe(78);
  expect(created).toHaveLength(1);
});

test("titles in the backlog cannot ping people or format", async () => {
  const plan = await planFor(deps.store, [listedIssue(3, { title: "Ping @octocat *now* <b>x</b>" })]);
  expect(pickedNumbers(plan)).toEqual([3]);
  expect(renderBacklogBody(plan)).toContain("1. #3 Ping `@octocat` \\*now\\* \\<b\\>x\\</b\\> — opened 2025-01-03");
});
