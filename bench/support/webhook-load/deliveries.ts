import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { INSTALLATION_ID, issueCommentCreated, issueLabeled } from "../../../test/fixtures/webhooks.ts";

/**
 * The load: real payloads from @octokit/webhooks-examples over `issues` issues, each signed
 * as GitHub signs it (HMAC-SHA256 of the exact body), each with its own delivery id.
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

type Example = Record<string, unknown> & { action?: string };
const require = createRequire(import.meta.url);
const groups: { name: string; examples: Example[] }[] = require("@octokit/webhooks-examples/api.github.com/index.json");

/** An example delivery of `name` with the `installation` GitHub adds for Apps. */
function appExample(name: string, action?: string): Example {
  const found = groups.find((group) => group.name === name)?.examples.find((example) => example.action === action);
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return { ...structuredClone(found), installation: { id: INSTALLATION_ID } };
}

function onIssue(payload: Record<string, unknown>, issue: number): Record<string, unknown> {
  const original = typeof payload.issue === "object" ? payload.issue : {};
  return { ...payload, issue: { ...original, number: issue, state: "open" } };
}

function comment(body: string, issue: number, commentId: number) {
  const payload = issueCommentCreated(body);
  return { ...onIssue(payload, issue), comment: { ...payload.comment, id: commentId } };
}

function payloadOf(kind: DeliveryKind, issue: number, serial: number): { event: string; payload: object } {
  switch (kind) {
    case "star":
      return { event: "star", payload: appExample("star", "created") };
    case "push":
      return { event: "push", payload: appExample("push") };
    case "chatter comment":
      return { event: "issue_comment", payload: comment("Same here, any news on this?", issue, serial) };
    case "other label":
      return { event: "issues", payload: onIssue(issueLabeled("bug"), issue) };
    case "/agent status":
      return { event: "issue_comment", payload: comment("/agent status", issue, serial) };
    case "/agent help":
      return { event: "issue_comment", payload: comment("/agent help", issue, serial) };
    case "label agent":
      return { event: "issues", payload: onIssue(issueLabeled("agent"), issue) };
    case "/agent run":
      return { event: "issue_comment", payload: comment("/agent run", issue, serial) };
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

/** `mix` spread round-robin over issues 1..`issues`, shuffled with `seed`, signed with `secret`. */
export function buildDeliveries(options: { mix: Record<DeliveryKind, number>; issues: number; secret: string; seed: number }): Delivery[] {
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
  return plan.map(({ kind, issue }, serial) => {
    const { event, payload } = payloadOf(kind, issue, 10_000 + serial);
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

/** Deliveries that ask nothing of Ferry (stars, pushes, chatter), for warming a server up. */
export function warmUpDeliveries(count: number, secret: string): Delivery[] {
  const mix: Record<DeliveryKind, number> = { ...MIX };
  for (const kind of DELIVERY_KINDS) mix[kind] = 0;
  mix.star = Math.ceil(count / 2);
  mix["chatter comment"] = Math.floor(count / 2);
  return buildDeliveries({ mix, issues: 50, secret, seed: 7 });
}
