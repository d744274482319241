import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { createStatusReporter } from "../../src/delivery/status-reporter.ts";
import { sampleTask } from "../fixtures/tasks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { silentLog } from "../helpers/probot.ts";

const task = sampleTask({ state: "preparing" });
const client = new Octokit({ auth: "token", log: silentLog });
const comments = "/repos/octo/app/issues/3/comments";

describe("the status reporter", () => {
  test("two quick state changes edit one comment in order instead of racing into two", async () => {
    const bodies: string[] = [];
    githubApi()
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments, (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(201, { id: 11 })
      .get(comments)
      .query(true)
      .reply(200, () => [{ id: 11, body: bodies[0] }])
      .patch("/repos/octo/app/issues/comments/11", (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(200, { id: 11 });
    const report = createStatusReporter(async () => client, silentLog);

    await Promise.all([report(task), report({ ...task, state: "running" })]);

    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain("Preparing");
    expect(bodies[1]).toContain("Working on the issue");
  });

  test("an unchanged status is not written again", async () => {
    const report = createStatusReporter(async () => client, silentLog);
    const posted: string[] = [];
    githubApi()
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments, (body: { body: string }) => posted.push(body.body) > 0)
      .reply(201, { id: 12 });
    await report(task);
    githubApi()
      .get(comments)
      .query(true)
      .reply(200, () => [{ id: 12, body: posted[0] }]);

    await report(task);

    expect(posted).toHaveLength(1);
  });

  test("a GitHub failure is logged, never thrown into the task", async () => {
    githubApi().get(comments).query(true).reply(500, { message: "boom" });
    const report = createStatusReporter(async () => client, silentLog);

    await expect(report(task)).resolves.toBeUndefined();
  });

  test("the comment is found by its marker on a later page", async () => {
    const page1 = Array.from({ length: 100 }, (_, index) => ({ id: index + 1, body: "chatter" }));
    const patched: string[] = [];
    githubApi()
      .get(comments)
      .query({ per_page: "100", page: "1" })
      .reply(200, page1)
      .get(comments)
      .query({ per_page: "100", page: "2" })
      .reply(200, [{ id: 500, body: "<!-- ferry:task=7 status -->\nold" }])
      .patch("/repos/octo/app/issues/comments/500", (body: { body: string }) => patched.push(body.body) > 0)
      .reply(200, { id: 500 });

    await createStatusReporter(async () => client, silentLog)(task);

    expect(patched[0]).toContain("Preparing");
  });
});
