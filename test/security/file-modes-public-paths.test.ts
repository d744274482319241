import { expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { trajectoryLocation } from "../../src/agent/trajectory/trajectory-location.ts";
import { renderPrBody } from "../../src/delivery/publish/pr-body.ts";
import { ProgressBoard } from "../../src/delivery/status/progress-board.ts";
import { createStatusReporter } from "../../src/delivery/status/status-reporter.ts";
import { sampleTask } from "../fixtures/tasks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { silentLog } from "../helpers/probot.ts";
import { publishRequest } from "../delivery/publish/publish-fixtures.ts";
import { statusCommentExpectingEdits } from "../delivery/status/support/status-comment-mock.ts";
import { testAccountOf } from "../helpers/ferry-account.ts";

// Leak: without FERRY_PUBLIC_URL a trajectory has no link, and comments named its file on the
// server ("/srv/ferry/data/trajectories/…"), telling anyone who reads the issue where Ferry keeps
// its data and under which account. Public text now says it is kept on the Ferry server.
const DATA_DIR = "/srv/ferry-secret-layout/data";
const location = trajectoryLocation(DATA_DIR, { publicUrl: undefined, key: "webhook-secret" }, 7, 1);

test("a failed task's status comment without FERRY_PUBLIC_URL names no server path", async () => {
  const bodies = statusCommentExpectingEdits(1);
  githubApi().post("/repos/octo/app/issues/3/reactions", { content: "confused" }).reply(201, { id: 1, content: "confused" });
  const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));
  const status = createStatusReporter({ clientFor: async () => client, account: testAccountOf, log: silentLog, partsOf: async () => [], progress: new ProgressBoard(), trajectoryOf: async () => location });

  await status.listener(sampleTask({ state: "failed", result: { outcome: "error", message: "the sandbox did not start" } }));

  expect(bodies).toHaveLength(1);
  expect(bodies[0]).not.toContain("/srv/");
  expect(bodies[0]).toContain("Trajectory of the run: kept on the Ferry server (`trajectories/task-7/run-1.jsonl` in its data directory).");
});

test("a pull request body without FERRY_PUBLIC_URL names no server path", () => {
  const body = renderPrBody({ request: publishRequest(1, { trajectory: location }), index: 1, numbers: [101] });
  expect(body).not.toContain("/srv/");
  expect(body).toContain("Details: the agent's trajectory is kept on the Ferry server (`trajectories/task-7/run-1.jsonl` in its data directory).");
});
