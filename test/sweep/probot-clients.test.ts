import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { Probot, ProbotOctokit } from "probot";
import { startSweeps } from "../../src/sweep/start-sweeps.ts";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";
import { listedIssue } from "./support/github-data.ts";
import { mockConfig, mockInstallation, mockIssues, mockPulls, mockStatusComments } from "./support/sweep-mocks.ts";
import { INSTALLATION_ID, sweepDeps } from "./support/sweep-fixture.ts";

let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

test("a pass works through Probot's own clients: the App JWT lists installations, an installation token does the rest", async () => {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    log: silentLog,
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const scope = githubApi();
  mockInstallation(scope);
  scope
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
  mockConfig(scope, 'sweep: { cron: "0 6 * * *" }\n');
  mockIssues(scope, [listedIssue(3)]);
  mockPulls(scope);
  mockStatusComments(scope, [3]);
  const sweeps = startSweeps({
    github: { appClient: async () => octokitPlatform(await probot.auth()), clientFor: async (installationId) => octokitPlatform(await probot.auth(installationId)) },
    store: deps.store,
    queue: deps.queue,
    log: deps.log,
    now: deps.now,
    schedule: () => ({ stop: () => undefined }),
  });

  const report = await sweeps.runNow();

  expect(report.repositories).toMatchObject([{ repo: "octo-org/widgets", status: "swept", picked: [{ number: 3 }] }]);
  expect(await deps.store.listTasks(TASK_STATES)).toMatchObject([{ repo: { installationId: INSTALLATION_ID }, issueNumber: 3 }]);
  sweeps.stop();
});
