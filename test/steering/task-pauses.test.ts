import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { pauseFixture, WAIT_MS } from "./support/pause-fixture.ts";
import type { PauseFixture } from "./support/pause-fixture.ts";

const request = { command: "npm install left-pad", pattern: "npm install *" };
let fixture: PauseFixture;
let controller: AbortController;
beforeEach(async () => {
  fixture = await pauseFixture();
  controller = new AbortController();
});
afterEach(async () => await fixture.store.close());

describe("approve", () => {
  test("asks on the issue for /agent approve of the command", async () => {
    const answer = fixture.pauses.approve(request, controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "maintainer", request.command, "approval");
    await answer;

    expect(fixture.recorder.bodies).toEqual([expect.stringContaining("`/agent approve`")]);
    expect(fixture.recorder.bodies[0]).toContain(request.command);
  });

  test("resolves approved, with the approver, once the approval is in the inbox", async () => {
    const answer = fixture.pauses.approve(request, controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "maintainer", request.command, "approval");

    await expect(answer).resolves.toEqual({ approved: true, by: "maintainer" });
  });

  test("ignores an approval of another command", async () => {
    const answer = fixture.pauses.approve(request, controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "hubot", "npm install evil", "approval");
    await fixture.store.pushInbox(fixture.taskId, "maintainer", request.command, "approval");

    await expect(answer).resolves.toEqual({ approved: true, by: "maintainer" });
  });

  test("is not answered by an approval left over from before it asked", async () => {
    await fixture.store.pushInbox(fixture.taskId, "maintainer", request.command, "approval");
    const answer = fixture.pauses.approve(request, controller.signal);
    await fixture.recorder.posted();
    fixture.clock.advance(WAIT_MS);

    await expect(answer).resolves.toMatchObject({ approved: false });
  });

  test("once the deadline passes, resolves unapproved with a reason the agent can act on", async () => {
    const answer = fixture.pauses.approve(request, controller.signal);
    await fixture.recorder.posted();
    fixture.clock.advance(WAIT_MS);

    await expect(answer).resolves.toEqual({
      approved: false,
      reason: "no one with write access approved it on the issue within 60 minutes, so it was not run",
    });
  });
});

describe("ask", () => {
  test("posts the question on the issue", async () => {
    const answer = fixture.pauses.ask("Which API version should the client use?", controller.signal);
    await fixture.recorder.posted();
    fixture.clock.advance(WAIT_MS);
    await answer;

    expect(fixture.recorder.bodies).toEqual([expect.stringContaining("> Which API version should the client use?")]);
  });

  test("resolves with a writer's answer and who gave it", async () => {
    const answer = fixture.pauses.ask("Which API version?", controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "maintainer", "Use v2.", "answer");

    await expect(answer).resolves.toEqual({ answered: true, answer: "Use v2.", by: "maintainer" });
  });

  test("takes the first answer when several arrive", async () => {
    const answer = fixture.pauses.ask("Which API version?", controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "maintainer", "Use v2.", "answer");
    await fixture.store.pushInbox(fixture.taskId, "octocat", "Use v3.", "answer");

    await expect(answer).resolves.toMatchObject({ answer: "Use v2.", by: "maintainer" });
  });

  test("is not answered by an approval", async () => {
    const answer = fixture.pauses.ask("Which API version?", controller.signal);
    await fixture.recorder.posted();
    await fixture.store.pushInbox(fixture.taskId, "maintainer", "Which API version?", "approval");
    fixture.clock.advance(WAIT_MS);

    await expect(answer).resolves.toMatchObject({ answered: false });
  });

  test("once the deadline passes, resolves unanswered with the reason", async () => {
    const answer = fixture.pauses.ask("Which API version?", controller.signal);
    await fixture.recorder.posted();
    fixture.clock.advance(WAIT_MS);

    await expect(answer).resolves.toEqual({ answered: false, reason: "no one with write access answered on the issue within 60 minutes" });
  });
});
