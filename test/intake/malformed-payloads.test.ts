import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Context } from "probot";
import type { Probot } from "probot";
import { z } from "zod";
import { parsePayload } from "../../src/intake/handlers/guarded-handler.ts";
import { issueCommentCreated } from "../fixtures/webhooks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { deliver, testProbot } from "../helpers/probot.ts";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

// The operator reads which event was malformed, and what in it was wrong, from the warning alone.

test("a malformed issue comment is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed issue_comment.created payload/);

  await deliver(probot, "issue_comment", "bad-comment", { ...issueCommentCreated("/agent run"), comment: undefined });
});

test("a malformed pull_request.closed is ignored with a warning naming the event", async () => {
  expectLoggedWarning(/ignoring a malformed pull_request.closed payload/);

  await deliver(probot, "pull_request", "bad-close", { action: "closed", pull_request: { merged: true }, repository: { name: "Hello-World", owner: { login: "Codertocat" } } });
});

test("the warning for a malformed payload carries what was wrong with it", async () => {
  const warnings: { fields: object; message: string }[] = [];
  const context = { payload: { sender: { login: 7 } }, log: { warn: (fields: object, message: string) => void warnings.push({ fields, message }) } } as unknown as Context;

  expect(parsePayload(context, "issues.labeled", z.object({ sender: z.object({ login: z.string() }) }))).toBeUndefined();
  expect(warnings).toEqual([
    { fields: { issues: [expect.objectContaining({ path: ["sender", "login"], code: "invalid_type" })] }, message: "ignoring a malformed issues.labeled payload" },
  ]);
});
