import { describe, expect, test } from "@jest/globals";
import { renderStatusComment } from "../../../src/delivery/status/status-comment.ts";
import type { StatusView } from "../../../src/delivery/status/status-view.ts";
import type { Task } from "../../../src/tasks/model.ts";
import { sampleTask } from "../../fixtures/tasks.ts";
import { part, passingTests, spend } from "./support/outcomes.ts";

const view = (task: Partial<Task>, more: Partial<StatusView> = {}): StatusView => ({ task: sampleTask(task), parts: [], ...more });

describe("the status checklist", () => {
  test("a queued task", () => {
    expect(renderStatusComment(view({}))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [ ] ⏳ **Queued**: waiting for a free worker
- [ ] Preparing the workspace
- [ ] Setup
- [ ] Working
- [ ] Testing
- [ ] Delivering
- [ ] Finished

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a task preparing its workspace", () => {
    expect(renderStatusComment(view({ state: "preparing" }))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [ ] ⏳ **Preparing the workspace**
- [ ] Setup
- [ ] Working
- [ ] Testing
- [ ] Delivering
- [ ] Finished

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a task running its setup command", () => {
    const progress = { phase: "setup" as const, step: 0, lastAction: "ran setup `npm ci`" };
    expect(renderStatusComment(view({ state: "preparing" }, { progress }))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [ ] ⏳ **Setup** · ran setup \`npm ci\`
- [ ] Working
- [ ] Testing
- [ ] Delivering
- [ ] Finished

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a task at work shows its step and last action", () => {
    const progress = { phase: "working" as const, step: 7, lastAction: "edited `src/a.ts`" };
    expect(renderStatusComment(view({ state: "running" }, { progress }))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [x] Setup
- [ ] ⏳ **Working** · step 7 · edited \`src/a.ts\`
- [ ] Testing
- [ ] Delivering
- [ ] Finished

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a waiting task says what for on the working line", () => {
    const progress = { phase: "working" as const, step: 7, lastAction: "ran `ls`" };
    const rendered = renderStatusComment(view({ state: "waiting" }, { progress, pause: { kind: "approval", subject: "npm publish" } }));
    expect(rendered).toContain("- [ ] ✋ **Working** · step 7 · waiting for a maintainer to approve `npm publish`");
    const asked = renderStatusComment(view({ state: "waiting" }, { progress, pause: { kind: "question", subject: "Which API?" } }));
    expect(asked).toContain("- [ ] ✋ **Working** · step 7 · waiting for a maintainer to answer its question");
  });

  test("a task whose agent claims it is done shows the harness testing", () => {
    const progress = { phase: "testing" as const, step: 9, lastAction: "said it is done" };
    expect(renderStatusComment(view({ state: "running" }, { progress }))).toContain(
      "- [x] Working · 9 steps\n- [ ] ⏳ **Testing** · said it is done\n- [ ] Delivering",
    );
    expect(renderStatusComment(view({ state: "verifying" }))).toContain("- [ ] ⏳ **Testing**\n");
  });

  test("a delivering task", () => {
    expect(renderStatusComment(view({ state: "delivering" }, { parts: [part(1, 12)] }))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [x] Setup
- [x] Working
- [x] Testing
- [ ] ⏳ **Delivering**
- [ ] Finished

**Pull request**: #12

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a done task links its pull requests, part by part, and shows what it spent", () => {
    const result = { outcome: "changes-ready" as const, summary: "Fixed add().", tests: passingTests, files: [], weakening: [], spend };
    const parts = [part(1, 12), part(2, 13)];
    expect(renderStatusComment(view({ state: "done", result }, { parts, trajectory: { url: "https://ferry.example/tasks/7/trajectory" } }))).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [x] Setup
- [x] Working · 12 steps
- [x] Testing
- [x] Delivering
- [x] ✅ **Done**

**Pull requests**
- Part 1 of 2: #12
- Part 2 of 2: #13

**changes-ready**: the tests pass (\`npm test\`).

> Fixed add().

Spent: 12 steps · 34,567 tokens · $0.42 · 3.3 min

<sub>[Trajectory](https://ferry.example/tasks/7/trajectory) of the run.</sub>

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("an unknown cost says so", () => {
    const result = { outcome: "no-changes" as const, summary: "Nothing to do.", spend: { ...spend, costUsd: null } };
    expect(renderStatusComment(view({ state: "done", result }))).toContain("Spent: 12 steps · 34,567 tokens · cost unknown · 3.3 min");
  });

  test("the trigger and the requester are named", () => {
    expect(renderStatusComment(view({ trigger: "command" }))).toContain("<sub>Requested by @mona through `/agent run`.");
  });

  test("a sweep's task mentions no one: its requester is Ferry's own name, not a GitHub account", () => {
    const body = renderStatusComment(view({ trigger: "sweep", requester: "ferry-sweep" }));
    expect(body).toContain("<sub>Picked up by a backlog sweep (scheduled, or `ferry sweep --now`). Comment `/agent help` for commands.</sub>");
    expect(body).not.toContain("@");
  });
});
