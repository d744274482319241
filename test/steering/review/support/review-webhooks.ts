import { createRequire } from "node:module";
import { INSTALLATION_ID } from "../../../fixtures/webhooks.ts";

/**
 * Real `pull_request_review` and `pull_request_review_comment` payloads from
 * @octokit/webhooks-examples (Codertocat/Hello-World pull request #2), with the installation
 * GitHub adds for App deliveries and the fields a test varies.
 */
type Example = Record<string, unknown> & { action?: string };
const require = createRequire(import.meta.url);
const groups: { name: string; examples: Example[] }[] = require("@octokit/webhooks-examples/api.github.com/index.json");

export const PULL = 2;

type Person = { login: string; type?: "User" | "Bot" };

function example(name: string, action: string): Example {
  const found = groups.find((group) => group.name === name)?.examples.find((candidate) => candidate.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

function asApp(payload: Example, sender: Person): Example {
  return {
    ...payload,
    sender: { ...(payload.sender as object), login: sender.login, type: sender.type ?? "User" },
    installation: { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" },
  };
}

export function reviewSubmitted(options: { id: number; state: string; body?: string | null; sender?: Person }) {
  const sender = options.sender ?? { login: "maintainer" };
  const payload = asApp(example("pull_request_review", "submitted"), sender);
  const review = { ...(payload.review as object), id: options.id, state: options.state, body: options.body ?? null, user: { login: sender.login, type: sender.type ?? "User" } };
  return { ...payload, review };
}

export type CommentFields = { id: number; reviewId: number | null; path?: string; line?: number; body?: string; inReplyTo?: number };

export function reviewCommentCreated(fields: CommentFields, sender: Person = { login: "maintainer" }) {
  const payload = asApp(example("pull_request_review_comment", "created"), sender);
  const comment = {
    ...(payload.comment as object),
    ...restComment(fields, sender.login),
  };
  return { ...payload, comment };
}

/** A review comment as GitHub's REST API and webhooks give it. */
export function restComment(fields: CommentFields, author = "maintainer") {
  return {
    id: fields.id,
    pull_request_review_id: fields.reviewId,
    ...(fields.inReplyTo === undefined ? {} : { in_reply_to_id: fields.inReplyTo }),
    path: fields.path ?? "src/app.ts",
    line: fields.line ?? 10,
    original_line: fields.line ?? 10,
    diff_hunk: `@@ -1,3 +1,4 @@\n+// line of ${fields.id}`,
    body: fields.body ?? `Please fix ${fields.id}`,
    user: { login: author, type: "User" },
    html_url: `https://github.com/Codertocat/Hello-World/pull/${PULL}#discussion_r${fields.id}`,
  };
}
