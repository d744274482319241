import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { createRequire } from "node:module";
import nock from "nock";
import type { Probot } from "probot";
import { INSTALLATION_ID, REPO } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken } from "../helpers/github-mocks.ts";
import { fakePulls } from "../helpers/github-pulls.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";

type Example = Record<string, unknown> & { action?: string; pull_request?: Record<string, unknown> };
const require = createRequire(import.meta.url);
const groups: { name: string; examples: Example[] }[] = require("@octokit/webhooks-examples/api.github.com/index.json");

/** The real `pull_request.closed` example of Codertocat/Hello-World, as a merge (or not) of `head` into `base`. */
function pullRequestClosed(options: { head: string; base: string; merged: boolean; body?: string; headRepo?: string }) {
  const example = groups.find((group) => group.name === "pull_request")?.examples.find((candidate) => candidate.action === "closed");
  if (!example?.pull_request) throw new Error("no pull_request.closed example in @octokit/webhooks-examples");
  const payload = structuredClone(example);
  const pull = payload.pull_request as { head: Record<string, unknown>; base: Record<string, unknown> };
  return {
    ...payload,
    installation: { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" },
    pull_request: {
      ...payload.pull_request,
      merged: options.merged,
      body: options.body ?? "<!-- ferry:task=5 pr -->\nPart 1 of 2",
      head: { ...pull.head, ref: options.head, ...(options.headRepo && { repo: { ...(pull.head.repo as object), full_name: options.headRepo } }) },
      base: { ...pull.base, ref: options.base },
    },
  };
}

const part = (index: number) => `agent/issue-${REPO.issue}/part-${index}`;

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

describe("retargeting a stack when a part is merged", () => {
  test("merging part 1 retargets part 2 onto the branch part 1 went into", async () => {
    const github = fakePulls(REPO.owner, REPO.name);
    github.add({ number: 12, title: "x (2/2)", body: "<!-- ferry:task=5 pr -->", head: part(2), base: part(1) });
    const scope = githubApi();
    mockInstallationToken(scope);
    github.expectList(scope, { base: part(1) });
    github.expectPullPatch(scope, 12);

    await deliver(probot, "pull_request", "merge-1", pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: true }));

    expect(github.pulls.get(12)?.base).toBe(REPO.defaultBranch);
    expect(github.writes).toEqual(["PATCH /pulls/12 base"]);
  });

  test("a person's pull request on top of a part is left to them", async () => {
    const github = fakePulls(REPO.owner, REPO.name);
    github.add({ number: 13, title: "tweak", body: "my follow-up", head: "tweak", base: part(1) });
    const scope = githubApi();
    mockInstallationToken(scope);
    github.expectList(scope, { base: part(1) });

    await deliver(probot, "pull_request", "merge-1", pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: true }));

    expect(github.writes).toEqual([]);
  });

  test("a merged pull request that is not a stack part retargets nothing and asks GitHub nothing", async () => {
    const github = ferryPartWaitingOn("changes");

    await deliver(probot, "pull_request", "merge-2", pullRequestClosed({ head: "changes", base: REPO.defaultBranch, merged: true }));

    await expectUntouched(github, "merge-2");
  });

  test("a part branch without Ferry's marker is someone else's: nothing is retargeted, GitHub is asked nothing", async () => {
    const github = ferryPartWaitingOn(part(1));

    await deliver(probot, "pull_request", "merge-3", pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: true, body: "mine" }));

    await expectUntouched(github, "merge-3");
  });

  test("a part closed without merging retargets nothing and asks GitHub nothing", async () => {
    const github = ferryPartWaitingOn(part(1));

    await deliver(probot, "pull_request", "close-1", pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: false }));

    await expectUntouched(github, "close-1");
  });

  test("a merged part branch from a fork, marker and all, retargets nothing and asks GitHub nothing", async () => {
    const github = ferryPartWaitingOn(part(1));

    await deliver(probot, "pull_request", "merge-4", pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: true, headRepo: "mallory/Hello-World" }));

    await expectUntouched(github, "merge-4");
  });
});

/**
 * Ferry's part 2 waits on `branch`, and GitHub is ready to list it and take its retarget: had
 * Ferry gone on, the test would see the write, not only a failed request.
 */
function ferryPartWaitingOn(branch: string) {
  const github = fakePulls(REPO.owner, REPO.name);
  github.add({ number: 12, title: "x (2/2)", body: "<!-- ferry:task=5 pr -->", head: part(2), base: branch });
  const scope = githubApi();
  mockInstallationToken(scope);
  github.expectList(scope, { base: branch });
  github.expectPullPatch(scope, 12);
  return github;
}

/** Nothing written, all three answers still unasked (then dropped: they were bait, not expectations), the delivery handled without a failure. */
async function expectUntouched(github: ReturnType<typeof fakePulls>, deliveryId: string) {
  expect(github.writes).toEqual([]);
  expect(github.pulls.get(12)?.base).not.toBe(REPO.defaultBranch);
  expect(nock.pendingMocks()).toHaveLength(3);
  nock.cleanAll();
  expect(await deps.store.hasSeenDelivery(deliveryId)).toBe(true);
}

test("a merged part whose head repository is gone (a deleted fork) retargets nothing, and the delivery is handled", async () => {
  const github = ferryPartWaitingOn(part(1));
  const payload = pullRequestClosed({ head: part(1), base: REPO.defaultBranch, merged: true });

  await deliver(probot, "pull_request", "merge-5", { ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, repo: null } } });

  await expectUntouched(github, "merge-5");
});
