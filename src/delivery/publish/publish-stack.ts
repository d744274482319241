import type { Log } from "../../logger.ts";
import { partBranch } from "../../github/ferry-pulls.ts";
import type { GitHub, PullRequest } from "../../github/platform.ts";
import { closeExtraPart } from "./close-extra-part.ts";
import { convergePull } from "./converge-pull.ts";
import { desiredPull } from "./desired-pull.ts";
import { openPart } from "./open-part.ts";
import type { PartToPublish, PublishRequest, PublishResult } from "./publish-request.ts";
import { findStackPulls } from "./stack-pulls.ts";

/**
 * Opens or updates one pull request per part of an already pushed stack, and closes those
 * of a previous, longer stack. Converges: a repeat delivery of the same stack writes nothing.
 *
 * 1. Find the stack's open pull requests on GitHub.
 * 2. Open the missing ones in stack order (their bodies list the parts known so far).
 * 3. Bring each to its final title, base, body and label, writing only what differs.
 * 4. Close the parts beyond the new stack's end (their branches only when Ferry's commit is the tip).
 */
export async function publishStack(source: GitHub, request: PublishRequest, log?: Log): Promise<PublishResult> {
  checkBranches(request);
  const { github, requests } = countingGitHub(source);
  const where = { owner: request.owner, repo: request.repo };

  const existing = await findStackPulls(github, where, request.issue.number);
  const stack = await openMissingParts(github, request, existing, log);
  const numbers = stack.map(({ pull }) => pull.number);
  for (const [at, { pull }] of stack.entries()) {
    const outcome = await convergePull(github, where, pull, desiredPull(request, at + 1, numbers));
    if (outcome === "updated") log?.info({ pull: pull.number }, "updated a stack part");
  }
  const extras = [...existing].filter(([index]) => index > stack.length).sort(([a], [b]) => b - a);
  const deletedBranches: string[] = [];
  for (const [, pull] of extras) {
    if (await closeExtraPart(github, where, pull, numbers, request.pushedShaOf, log)) deletedBranches.push(pull.head.ref);
  }

  const parts = stack.map(({ part, pull }, at) => ({
    index: at + 1,
    branch: part.branch,
    number: pull.number,
    url: pull.url,
    headSha: part.headSha,
  }));
  return { parts, closed: extras.map(([, pull]) => pull.number), deletedBranches, requests: requests() };
}

/** Later deliveries find the stack by its branch names, so they must be the deterministic ones. */
function checkBranches(request: PublishRequest): void {
  if (request.parts.length === 0) throw new Error("publishStack: a stack needs at least one part");
  for (const [at, part] of request.parts.entries()) {
    const expected = partBranch(request.issue.number, at + 1);
    if (part.branch !== expected) throw new Error(`publishStack: part ${at + 1} must be pushed to ${expected}, not ${part.branch}`);
  }
}

async function openMissingParts(
  github: GitHub,
  request: PublishRequest,
  existing: Map<number, PullRequest>,
  log: Log | undefined,
): Promise<{ part: PartToPublish; pull: PullRequest }[]> {
  const stack: { part: PartToPublish; pull: PullRequest }[] = [];
  for (const [at, part] of request.parts.entries()) {
    const known = request.parts.map((_, other) => (stack[other]?.pull ?? existing.get(other + 1))?.number);
    const pull = existing.get(at + 1) ?? (await openPart(github, request, part.branch, desiredPull(request, at + 1, known), log));
    stack.push({ part, pull });
  }
  return stack;
}

/** The same platform, counting its calls, so a delivery can report what it cost. */
function countingGitHub(github: GitHub): { github: GitHub; requests: () => number } {
  let requests = 0;
  const counted = new Proxy(github, {
    get(target, verb, receiver) {
      const value: unknown = Reflect.get(target, verb, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        requests++;
        return Reflect.apply(value, target, args);
      };
    },
  });
  return { github: counted, requests: () => requests };
}
