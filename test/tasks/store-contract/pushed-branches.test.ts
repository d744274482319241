import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { newTask } from "../support/new-task.ts";
import { describeEachStore } from "./each-store.ts";

const BRANCH = "agent/issue-7/part-1";

describeEachStore("pushed-branch leases in the store", ({ open }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });

  test("a branch Ferry never pushed has no lease", async () => {
    expect(await store.pushedSha("octo-org", "widgets", BRANCH)).toBeUndefined();
  });

  test("the last push to a branch is its lease, whichever task made it", async () => {
    await store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
    await store.recordPush("octo-org", "widgets", BRANCH, "b".repeat(40));
    expect(await store.pushedSha("octo-org", "widgets", BRANCH)).toBe("b".repeat(40));
  });

  test("leases are per repository (names compared as GitHub does, without case) and per branch", async () => {
    await store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
    expect(await store.pushedSha("Octo-Org", "Widgets", BRANCH)).toBe("a".repeat(40));
    expect(await store.pushedSha("octo-org", "gadgets", BRANCH)).toBeUndefined();
    expect(await store.pushedSha("octo-org", "widgets", "agent/issue-7/part-2")).toBeUndefined();
  });

  test("a push recorded under other case replaces the lease rather than adding a second", async () => {
    await store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
    await store.recordPush("Octo-Org", "Widgets", BRANCH, "b".repeat(40));
    await store.recordPush("OCTO-ORG", "WIDGETS", BRANCH, null);
    expect(await store.pushedSha("octo-org", "widgets", BRANCH)).toBeUndefined();
  });

  test("a branch Ferry deleted has no lease any more", async () => {
    await store.recordPush("octo-org", "widgets", BRANCH, "a".repeat(40));
    await store.recordPush("octo-org", "widgets", BRANCH, null);
    expect(await store.pushedSha("octo-org", "widgets", BRANCH)).toBeUndefined();
  });

  test("leases survive a restart", async () => {
    await store.createTask(newTask());
    await store.recordPush("octo-org", "widgets", BRANCH, "c".repeat(40));
    await store.close();
    const reopened = await open();
    expect(await reopened.pushedSha("octo-org", "widgets", BRANCH)).toBe("c".repeat(40));
  });
});
