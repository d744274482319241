import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { issueCommentCreated, issueLabeled } from "../../../test/fixtures/webhooks.ts";

/**
 * The load: real payloads from @octokit/webhooks-examples over `issues` issues, each signed
 * as GitHub signs it (HMAC-SHA256 of the exact body), each with its own delivery id. Their
 * repository, issue and installation are the GitHub stand-in's (see `Target`).
 */
export const DELIVERY_KINDS = [
  "star",
  "push",
  "chatter comment",
  "other label",
  "/agent status",
  "/agent help",
  "label agent",
  "/agent run",
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export type Delivery = {
  kind: DeliveryKind;
  /** The issue it is about, if any. */
  issue?: number;
  /** Whether it asks for a task (label `agent`, `/agent run`). */
  trigger: boolean;
  headers: Record<string, string>;
  body: string;
};

/** How many of each kind make up the 1,000 deliveries: 40% irrelevant, 25% commands, 35% triggers. */
export const MIX: Record<DeliveryKind, number> = {
  star: 100,
  push: 100,
  "chatter comment": 150,
  "other label": 50,
  "/agent status": 200,
  "/agent help": 50,
  "label agent": 175,
  "/agent run": 175,
};

/** The comment a comment delivery announces; the writer posts it on the stand-in before GitHub would send the delivery. */
export type NewComment = { issue: number; body: string; login: string };

/**
 * What the deliveries are about, as the GitHub stand-in seeded it (stand-in-report.ts,
 * StandInReady), and how to post a comment on it (ids in order).
 */
export type Target = {
  installationId: number;
  repository: Record<string, unknown>;
  issues: Record<string, Record<string, unknown>>;
  postComments(comments: NewComment[]): Promise<number[]>;
};

type Example = Record<string, unknown> & { action?: string };
const require = createRequire(import.meta.url);
const groups: { name: string; examples: Example[] }[] = require("@octokit/webhooks-examples/api.github.com/index.json");

/** An example delivery of `name`, about the target's repository, with the `installation` GitHub adds for Apps. */
function appExample(target: Target, name: string, action?: string): Example {
  const found = groups.find((group) => group.name === name)?.examples.find((example) => example.action === action);
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return onTarget(target, structuredClone(found));
}

function onTarget(target: Target, payload: Record<string, unknown>): Example {
  const original = typeof payload.repository === "object" ? payload.repository : {};
  return { ...payload, repository: { ...original, ...target.repository }, installation: { id: target.installationId, node_id: `IN_${target.installationId}` } };
}

function onIssue(target: Target, payload: Record<string, unknown>, issue: number): Example {
  const original = typeof payload.issue === "object" ? payload.issue : {};
  const seeded = target.issues[String(issue)];
  if (!seeded) throw new Error(`the GitHub stand-in has no issue #${issue}`);
  return { ...onTarget(target, payload), issue: { ...original, ...seeded } };
}

/** The sender of every delivery about an issue (test/fixtures/webhooks.ts); the stand-in gives them write access. */
export const SENDER = "maintainer";

const COMMENT_BODIES: Partial<Record<DeliveryKind, string>> = {
  "chatter comment": "Same here, any news on this?",
  "/agent status": "/agent status",
  "/agent help": "/agent help",
  "/agent run": "/agent run",
};

function payloadOf(target: Target, kind: DeliveryKind, issue: number, commentId: number | undefined): { event: string; payload: object } {
  switch (kind) {
    case "star":
      return { event: "star", payload: appExample(target, "star", "created") };
    case "push":
      return { event: "push", payload: appExample(target, "push") };
    case "other label":
      return { event: "issues", payload: onIssue(target, issueLabeled("bug", { login: SENDER }), issue) };
    case "label agent":
      return { event: "issues", payload: onIssue(target, issueLabeled("agent", { login: SENDER }), issue) };
    default: {
      const payload = issueCommentCreated(COMMENT_BODIES[kind] ?? "", { login: SENDER });
      const user = { ...(payload.comment as { user?: object }).user, login: SENDER, type: "User" };
      return { event: "issue_comment", payload: { ...onIssue(target, payload, issue), comment: { ...payload.comment, id: commentId, user } } };
    }
  }
}

const TRIGGERS: readonly DeliveryKind[] = ["label agent", "/agent run"];
const ABOUT_NO_ISSUE: readonly DeliveryKind[] = ["star", "push"];

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A small deterministic PRNG (mulberry32), so every run sends the same order. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `mix` spread round-robin over issues 1..`issues` of `target`, shuffled with `seed`, signed
 * with `secret`. The comments the comment deliveries announce are posted on the stand-in first.
 */
export async function buildDeliveries(options: { mix: Record<DeliveryKind, number>; target: Target; issues: number; secret: string; seed: number }): Promise<Delivery[]> {
  const plan: { kind: DeliveryKind; issue: number }[] = [];
  for (const kind of DELIVERY_KINDS) {
    for (let at = 0; at < options.mix[kind]; at++) plan.push({ kind, issue: (at % options.issues) + 1 });
  }
  const next = random(options.seed);
  for (let at = plan.length - 1; at > 0; at--) {
    const other = Math.floor(next() * (at + 1));
    const [here, there] = [plan[at], plan[other]];
    if (here && there) [plan[at], plan[other]] = [there, here];
  }
  const comments = plan.flatMap(({ kind, issue }) => {
    const body = COMMENT_BODIES[kind];
    return body === undefined ? [] : [{ issue, body, login: SENDER }];
  });
  const commentIds = (await options.target.postComments(comments)).values();
  return plan.map(({ kind, issue }) => {
    const commentId = COMMENT_BODIES[kind] === undefined ? undefined : commentIds.next().value;
    const { event, payload } = payloadOf(options.target, kind, issue, commentId);
    const body = JSON.stringify(payload);
    return {
      kind,
      issue: ABOUT_NO_ISSUE.includes(kind) ? undefined : issue,
      trigger: TRIGGERS.includes(kind),
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/bench",
        "x-github-event": event,
        "x-github-delivery": randomUUID(),
        "x-github-hook-id": "1",
        "x-hub-signature-256": sign(body, options.secret),
      },
      body,
    };
  });
}

/**
 * Deliveries of every kind that starts no task (stars, pushes, chatter, other labels, `/agent
 * status` and `/agent help`), for warming a server up: the code behind each of them has run
 * before the load is measured, as on a server that has been up for a while.
 */
export function warmUpDeliveries(count: number, target: Target, secret: string): Promise<Delivery[]> {
  const warm: DeliveryKind[] = ["star", "push", "chatter comment", "other label", "/agent status", "/agent help"];
  const mix: Record<DeliveryKind, number> = { ...MIX };
  for (const kind of DELIVERY_KINDS) mix[kind] = warm.includes(kind) ? Math.floor(count / warm.length) : 0;
  return buildDeliveries({ mix, target, issues: Object.keys(target.issues).length, secret, seed: 7 });
}
