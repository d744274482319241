import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { pauseFixture, WAIT_MS } from "./support/pause-fixture.ts";
import type { PauseFixture } from "./support/pause-fixture.ts";

// The life of one pause, seen from the store: what is recorded, how the task moves, how it ends.

const request = { command: "npm install left-pad", pattern: "npm install *" };
const opened: PauseFixture[] = [];
const openFixture = async (options?: Parameters<typeof pauseFixture>[0]): Promise<PauseFixture> => {
  const created = await pauseFixture(options);
  opened.push(created);
  return created;
};
let fixture: PauseFixture;
let controller: AbortController;
beforeEach(async () => {
  fixture = await openFixture();
  controller = new AbortController();
});
afterEach(async () => {
  for (const each of opened.splice(0)) await each.store.close();
});

test("while it waits, the task is waiting and its pause says for what and until when", async () => {
  const answer = fixture.pauses.approve(request, controller.signal);
  await fixture.recorder.posted();

  expect(await fixture.state()).toBe("waiting");
  expect(await fixture.store.getPause(fixture.taskId)).toMatchObject({
    kind: "approval",
    subject: "npm install left-pad",
    deadline: "2025-01-01T13:00:00.000Z",
  });
  fixture.clock.advance(WAIT_MS);
  await answer;
});

test("a question is recorded as the pause's subject", async () => {
  const answer = fixture.pauses.ask("Which API version?", controller.signal);
  await fixture.recorder.posted();

  expect(await fixture.store.getPause(fixture.taskId)).toMatchObject({ kind: "question", subject: "Which API version?" });
  fixture.clock.advance(WAIT_MS);
  await answer;
});

test("a reply moves the task back to running, saying who replied, and ends the pause", async () => {
  const answer = fixture.pauses.approve(request, controller.signal);
  await fixture.recorder.posted();
  await fixture.store.pushInbox(fixture.taskId, "maintainer", request.command, "approval");
  await answer;

  expect(await fixture.state()).toBe("running");
  expect(await fixture.lastMove()).toEqual({ from: "waiting", to: "running", reason: "approved by @maintainer" });
  expect(await fixture.store.getPause(fixture.taskId)).toBeUndefined();
});

test("a passed deadline moves the task back to running, saying so, and ends the pause", async () => {
  const answer = fixture.pauses.ask("Which API version?", controller.signal);
  await fixture.recorder.posted();
  fixture.clock.advance(WAIT_MS);
  await answer;

  expect(await fixture.state()).toBe("running");
  expect(await fixture.lastMove()).toEqual({ from: "waiting", to: "running", reason: "no reply within 60 minutes" });
  expect(await fixture.store.getPause(fixture.taskId)).toBeUndefined();
});

test("the trajectory records how the pause ended and the reply", async () => {
  const answer = fixture.pauses.ask("Which API version?", controller.signal);
  await fixture.recorder.posted();
  await fixture.store.pushInbox(fixture.taskId, "maintainer", "Use v2.", "answer");
  await answer;

  const ended = (await fixture.store.listEvents(fixture.taskId)).find((event) => event.type === "pause-ended");
  expect(ended?.data).toMatchObject({ kind: "question", subject: "Which API version?", reply: { author: "maintainer", body: "Use v2." } });
});

test("redirects that arrive during the pause stay in the inbox for the agent's next step", async () => {
  const answer = fixture.pauses.ask("Which API version?", controller.signal);
  await fixture.recorder.posted();
  await fixture.store.pushInbox(fixture.taskId, "maintainer", "also update the docs");
  await fixture.store.pushInbox(fixture.taskId, "maintainer", "Use v2.", "answer");
  await answer;

  expect((await fixture.store.takeInbox(fixture.taskId)).map((message) => message.body)).toEqual(["also update the docs"]);
});

test("an abort ends the wait at once, rejecting with the signal's reason", async () => {
  // A poll interval far beyond the test's timeout: only the abort can end this wait in time.
  fixture = await openFixture({ pollMs: 60 * 60_000 });
  const answer = fixture.pauses.approve(request, controller.signal);
  await fixture.recorder.posted();
  const reason = new DOMException("Task 1 was aborted: cancelled (/agent stop)", "AbortError");
  controller.abort(reason);

  await expect(answer).rejects.toBe(reason);
});

test("an aborted pause ends without moving the task: whoever aborted it decides its state", async () => {
  const answer = fixture.pauses.approve(request, controller.signal);
  await fixture.recorder.posted();
  controller.abort(new Error("stopping"));
  await answer.catch(() => undefined);

  expect(await fixture.state()).toBe("waiting");
  expect(await fixture.store.getPause(fixture.taskId)).toBeUndefined();
});

test("a pause asked for after the abort rejects without posting or moving the task", async () => {
  const reason = new Error("stopping");
  controller.abort(reason);

  await expect(fixture.pauses.ask("Which API version?", controller.signal)).rejects.toBe(reason);
  expect(fixture.recorder.bodies).toEqual([]);
  expect(await fixture.state()).toBe("running");
});

test("a comment that cannot be posted ends the pause, moves the task back to running and rejects with the error", async () => {
  const failure = new Error("GitHub is down");
  fixture = await openFixture({ post: () => Promise.reject(failure) });

  await expect(fixture.pauses.ask("Which API version?", controller.signal)).rejects.toBe(failure);
  expect(await fixture.state()).toBe("running");
  expect(await fixture.store.getPause(fixture.taskId)).toBeUndefined();
});
