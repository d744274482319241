import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { GitHubStandIn } from "../github-standin/standin.ts";
import { issueShape, repoShape } from "../github-standin/shapes.ts";
import type { Comment, Issue, Repository } from "../github-standin/state.ts";
import { pullShape, reviewCommentShape, reviewShape } from "../github-standin/shapes.ts";
import type { Pull, Review, ReviewComment } from "../github-standin/state.ts";

/**
 * Webhook deliveries as GitHub sends them: a real example payload from
 * @octokit/webhooks-examples with its repository, issue, installation and sender set to
 * the stand-in's, signed with the webhook secret (X-Hub-Signature-256 over the raw body).
 */
type Example = Record<string, unknown> & { action?: string };
const require = createRequire(import.meta.url);
const groups: { name: string; examples: Example[] }[] = require("@octokit/webhooks-examples/api.github.com/index.json");

function example(name: string, action: string): Example {
  const found = groups.find((group) => group.name === name)?.examples.find((candidate) => candidate.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

export type Sender = { login: string; type?: "User" | "Bot" };

/** The example's own fields are kept; those Ferry and GitHub tie to the stand-in are replaced. */
function shaped(standin: GitHubStandIn, name: string, action: string, repo: Repository, sender: Sender): Example {
  const payload = example(name, action);
  const original = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? { ...value } : {});
  return {
    ...payload,
    repository: { ...original(payload.repository), ...repoShape(repo, standin.web) },
    sender: { ...original(payload.sender), login: sender.login, type: sender.type ?? "User" },
    installation: { id: repo.installationId, node_id: `IN_${repo.installationId}` },
  };
}

const issueOf = (standin: GitHubStandIn, payload: Example, issue: Issue) => ({ ...(payload.issue as object), ...issueShape(issue, standin.web) });

export function issuesLabeled(standin: GitHubStandIn, repo: Repository, issue: Issue, label: string, sender: Sender): Example {
  const payload = shaped(standin, "issues", "labeled", repo, sender);
  return { ...payload, issue: issueOf(standin, payload, issue), label: { ...(payload.label as object), name: label } };
}

export function issueCommentCreated(standin: GitHubStandIn, repo: Repository, issue: Issue, body: string, sender: Sender, id = standin.state.nextId()): Example {
  const payload = shaped(standin, "issue_comment", "created", repo, sender);
  const comment = { ...(payload.comment as object), id, body, user: { login: sender.login, type: sender.type ?? "User" } };
  return { ...payload, issue: issueOf(standin, payload, issue), comment };
}

/** A comment the sender posted: kept on the stand-in first, as on GitHub, then its `issue_comment.created`. */
export function postedComment(standin: GitHubStandIn, repo: Repository, issue: Issue, body: string, sender: Sender): { comment: Comment; payload: Example } {
  const comment = standin.addComment(repo, issue.number, body, sender.login);
  return { comment, payload: issueCommentCreated(standin, repo, issue, body, sender, comment.id) };
}

/** The pull request as webhooks carry it: its head and base as the branches point now. */
async function pullOf(standin: GitHubStandIn, payload: Example, repo: Repository, pull: Pull): Promise<object> {
  const issue = standin.state.issue(pull.repo, pull.number);
  if (!issue) throw new Error(`pull #${pull.number} has no issue record`);
  const branches = await standin.branchesOf(repo);
  const heads = { head: branches.get(pull.head) ?? "0".repeat(40), base: branches.get(pull.base) ?? "0".repeat(40) };
  return { ...(payload.pull_request as object), ...pullShape(pull, issue, repo, heads, standin.web) };
}

/** `pull_request_review.submitted` for a review seeded on the stand-in (seed-reviews.ts), sent by its author. */
export async function pullRequestReviewSubmitted(standin: GitHubStandIn, repo: Repository, pull: Pull, review: Review): Promise<Example> {
  const payload = shaped(standin, "pull_request_review", "submitted", repo, review.user);
  // Webhooks give the state in lowercase (`changes_requested`); REST in uppercase.
  const shape = { ...(payload.review as object), ...reviewShape(review, standin.web), state: review.state.toLowerCase() };
  return { ...payload, action: "submitted", review: shape, pull_request: await pullOf(standin, payload, repo, pull) };
}

/** `pull_request_review_comment.created` for an inline comment seeded on the stand-in; GitHub sends one per comment of a review. */
export async function pullRequestReviewCommentCreated(standin: GitHubStandIn, repo: Repository, pull: Pull, comment: ReviewComment): Promise<Example> {
  const payload = shaped(standin, "pull_request_review_comment", "created", repo, comment.user);
  const shape = { ...(payload.comment as object), ...reviewCommentShape(comment, standin.web) };
  return { ...payload, action: "created", comment: shape, pull_request: await pullOf(standin, payload, repo, pull) };
}

export type Delivery = { event: string; payload: object; id?: string; secret?: string; signature?: string };

export const signatureOf = (body: string, secret: string): string => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** POSTs a delivery to Ferry's webhook endpoint; returns the HTTP status and the delivery id used. */
export async function sendWebhook(ferryUrl: string, secret: string, delivery: Delivery): Promise<{ status: number; id: string }> {
  const body = JSON.stringify(delivery.payload);
  const id = delivery.id ?? randomUUID();
  const response = await fetch(`${ferryUrl}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/e2e",
      "x-github-event": delivery.event,
      "x-github-delivery": id,
      "x-github-hook-id": "1",
      "x-github-hook-installation-target-type": "integration",
      "x-hub-signature-256": delivery.signature ?? signatureOf(body, delivery.secret ?? secret),
    },
    body,
  });
  await response.arrayBuffer();
  return { status: response.status, id };
}
