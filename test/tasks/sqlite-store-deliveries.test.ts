import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore({ dataDir: ":memory:" });
});
afterEach(() => store.close());

test("a webhook delivery is unseen until marked seen", () => {
  expect(store.hasSeenDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958")).toBe(false);
  store.markDeliverySeen("72d3162e-cc78-11e3-81ab-4c9367dc0958", "issues.labeled");
  expect(store.hasSeenDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958")).toBe(true);
});

test("marking a delivery seen twice is harmless", () => {
  store.markDeliverySeen("delivery-1", "issues.labeled");
  expect(() => store.markDeliverySeen("delivery-1", "issues.labeled")).not.toThrow();
  expect(store.hasSeenDelivery("delivery-1")).toBe(true);
});

const labeled = { id: "d-1", event: "issues", payload: { action: "labeled", issue: { number: 7 } } };

test("an accepted delivery waits in the backlog with its payload, in arrival order", () => {
  expect(store.acceptDelivery(labeled)).toBe(true);
  expect(store.acceptDelivery({ id: "d-2", event: "issue_comment", payload: { action: "created" } })).toBe(true);
  expect(store.pendingDeliveries()).toEqual([
    { id: "d-1", event: "issues", payload: labeled.payload, receivedAt: expect.any(String), attempts: 0 },
    { id: "d-2", event: "issue_comment", payload: { action: "created" }, receivedAt: expect.any(String), attempts: 0 },
  ]);
});

test("a waiting delivery is read back by its id with its payload; not once it was handled or dropped", () => {
  store.acceptDelivery(labeled);
  store.acceptDelivery({ id: "d-2", event: "issues", payload: { action: "labeled", issue: { number: 8 } } });
  expect(store.waitingDelivery("d-2")).toBeDefined();
  expect(store.waitingDelivery("d-1")).toEqual({ id: "d-1", event: "issues", payload: labeled.payload, receivedAt: expect.any(String), attempts: 0 });
  store.settleDelivery("d-1", "issues");
  store.dropDelivery("d-2");
  expect(store.waitingDelivery("d-1")).toBeUndefined();
  expect(store.waitingDelivery("d-2")).toBeUndefined();
});

test("a delivery id that is waiting or was handled is not accepted again", () => {
  expect(store.acceptDelivery(labeled)).toBe(true);
  expect(store.acceptDelivery(labeled)).toBe(false);
  store.settleDelivery("d-1", "issues");
  expect(store.pendingDeliveries()).toEqual([]);
  expect(store.hasSeenDelivery("d-1")).toBe(true);
  expect(store.acceptDelivery(labeled)).toBe(false);
  store.markDeliverySeen("d-3", "issues");
  expect(store.acceptDelivery({ ...labeled, id: "d-3" })).toBe(false);
});

test("failed attempts are counted; a dropped delivery is not marked handled, so a redelivery is accepted", () => {
  store.acceptDelivery(labeled);
  expect(store.countDeliveryAttempt("d-1")).toBe(1);
  expect(store.countDeliveryAttempt("d-1")).toBe(2);
  expect(store.pendingDeliveries()[0]?.attempts).toBe(2);
  store.dropDelivery("d-1");
  expect(store.pendingDeliveries()).toEqual([]);
  expect(store.hasSeenDelivery("d-1")).toBe(false);
  expect(store.acceptDelivery(labeled)).toBe(true);
});

test("handled delivery ids seen before a time are forgotten, so their redelivery is accepted; later ones are kept", () => {
  let now = new Date("2026-11-01T10:00:00Z");
  const clocked = new SqliteStore({ dataDir: ":memory:", now: () => now });
  try {
    clocked.markDeliverySeen("old", "issues");
    now = new Date("2026-11-10T10:00:00Z");
    clocked.markDeliverySeen("recent", "issues");
    expect(clocked.forgetDeliveriesSeenBefore(new Date("2026-11-05T00:00:00Z"))).toBe(1);
    expect(clocked.hasSeenDelivery("old")).toBe(false);
    expect(clocked.hasSeenDelivery("recent")).toBe(true);
    expect(clocked.acceptDelivery({ ...labeled, id: "old" })).toBe(true);
  } finally {
    clocked.close();
  }
});

test("the backlog survives reopening the data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "ferry-backlog-"));
  try {
    const first = new SqliteStore({ dataDir: dir });
    first.acceptDelivery(labeled);
    first.close();
    const second = new SqliteStore({ dataDir: dir });
    expect(second.pendingDeliveries().map((delivery) => delivery.id)).toEqual(["d-1"]);
    second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a body already waiting or handled is not accepted again under another id (a replay); one given up is", () => {
  const other = { action: "labeled", issue: { number: 8 } };
  expect(store.acceptDelivery(labeled)).toBe(true);
  expect(store.acceptDelivery({ ...labeled, id: "replay-1" })).toBe(false);
  store.settleDelivery("d-1", "issues");
  expect(store.acceptDelivery({ ...labeled, id: "replay-2" })).toBe(false);
  expect(store.acceptDelivery({ id: "d-2", event: "issues", payload: other })).toBe(true);
  store.dropDelivery("d-2");
  expect(store.acceptDelivery({ id: "d-3", event: "issues", payload: other })).toBe(true);
});

test("handled bodies seen before a time are forgotten; later ones are kept", () => {
  let now = new Date("2026-11-01T10:00:00Z");
  const clocked = new SqliteStore({ dataDir: ":memory:", now: () => now });
  try {
    const recent = { id: "recent", event: "issues", payload: { action: "labeled", issue: { number: 8 } } };
    clocked.acceptDelivery(labeled);
    clocked.settleDelivery("d-1", "issues");
    now = new Date("2026-11-10T10:00:00Z");
    clocked.acceptDelivery(recent);
    clocked.settleDelivery("recent", "issues");
    expect(clocked.forgetDeliveryBodiesSeenBefore(new Date("2026-11-05T00:00:00Z"))).toBe(1);
    expect(clocked.acceptDelivery({ ...labeled, id: "again" })).toBe(true);
    expect(clocked.acceptDelivery({ ...recent, id: "again-recent" })).toBe(false);
  } finally {
    clocked.close();
  }
});
