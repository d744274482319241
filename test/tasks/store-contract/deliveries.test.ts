import { beforeEach, expect, test } from "@jest/globals";
import type { Store } from "../../../src/tasks/store.ts";
import { describeEachStore } from "./each-store.ts";

const labeled = { id: "d-1", event: "issues", payload: { action: "labeled", issue: { number: 7 } } };

describeEachStore("webhook deliveries in the store", ({ open }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });

  test("a webhook delivery is unseen until marked seen", async () => {
    expect(await store.hasSeenDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958")).toBe(false);
    await store.markDeliverySeen("72d3162e-cc78-11e3-81ab-4c9367dc0958", "issues.labeled");
    expect(await store.hasSeenDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958")).toBe(true);
  });

  test("marking a delivery seen twice is harmless", async () => {
    await store.markDeliverySeen("delivery-1", "issues.labeled");
    await expect(store.markDeliverySeen("delivery-1", "issues.labeled")).resolves.toBeUndefined();
    expect(await store.hasSeenDelivery("delivery-1")).toBe(true);
  });

  test("an accepted delivery waits in the backlog with its payload, in arrival order", async () => {
    expect(await store.acceptDelivery(labeled)).toBe(true);
    expect(await store.acceptDelivery({ id: "d-2", event: "issue_comment", payload: { action: "created" } })).toBe(true);
    expect(await store.pendingDeliveries()).toEqual([
      { id: "d-1", event: "issues", payload: labeled.payload, receivedAt: expect.any(String), attempts: 0 },
      { id: "d-2", event: "issue_comment", payload: { action: "created" }, receivedAt: expect.any(String), attempts: 0 },
    ]);
  });

  test("a waiting delivery is read back by its id with its payload; not once it was handled or dropped", async () => {
    await store.acceptDelivery(labeled);
    await store.acceptDelivery({ id: "d-2", event: "issues", payload: { action: "labeled", issue: { number: 8 } } });
    expect(await store.waitingDelivery("d-2")).toBeDefined();
    expect(await store.waitingDelivery("d-1")).toEqual({ id: "d-1", event: "issues", payload: labeled.payload, receivedAt: expect.any(String), attempts: 0 });
    await store.settleDelivery("d-1", "issues");
    await store.dropDelivery("d-2");
    expect(await store.waitingDelivery("d-1")).toBeUndefined();
    expect(await store.waitingDelivery("d-2")).toBeUndefined();
  });

  test("a delivery id that is waiting or was handled is not accepted again", async () => {
    expect(await store.acceptDelivery(labeled)).toBe(true);
    expect(await store.acceptDelivery(labeled)).toBe(false);
    await store.settleDelivery("d-1", "issues");
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.hasSeenDelivery("d-1")).toBe(true);
    expect(await store.acceptDelivery(labeled)).toBe(false);
    await store.markDeliverySeen("d-3", "issues");
    expect(await store.acceptDelivery({ ...labeled, id: "d-3" })).toBe(false);
  });

  test("failed attempts are counted; a dropped delivery is not marked handled, so a redelivery is accepted", async () => {
    await store.acceptDelivery(labeled);
    expect(await store.countDeliveryAttempt("d-1")).toBe(1);
    expect(await store.countDeliveryAttempt("d-1")).toBe(2);
    expect((await store.pendingDeliveries())[0]?.attempts).toBe(2);
    await store.dropDelivery("d-1");
    expect(await store.pendingDeliveries()).toEqual([]);
    expect(await store.hasSeenDelivery("d-1")).toBe(false);
    expect(await store.acceptDelivery(labeled)).toBe(true);
  });

  test("counting an attempt at a delivery that is not waiting counts nothing", async () => {
    expect(await store.countDeliveryAttempt("nowhere")).toBe(0);
  });

  test("handled delivery ids seen before a time are forgotten, so their redelivery is accepted; later ones are kept", async () => {
    let now = new Date("2026-11-01T10:00:00Z");
    const clocked = await open({ now: () => now });
    await clocked.markDeliverySeen("old", "issues");
    now = new Date("2026-11-10T10:00:00Z");
    await clocked.markDeliverySeen("recent", "issues");
    expect(await clocked.forgetDeliveriesSeenBefore(new Date("2026-11-05T00:00:00Z"))).toBe(1);
    expect(await clocked.hasSeenDelivery("old")).toBe(false);
    expect(await clocked.hasSeenDelivery("recent")).toBe(true);
    expect(await clocked.acceptDelivery({ ...labeled, id: "old" })).toBe(true);
  });

  test("the backlog survives reopening the store", async () => {
    await store.acceptDelivery(labeled);
    await store.close();
    const reopened = await open();
    expect((await reopened.pendingDeliveries()).map((delivery) => delivery.id)).toEqual(["d-1"]);
  });

  test("a body already waiting or handled is not accepted again under another id (a replay); one given up is", async () => {
    const other = { action: "labeled", issue: { number: 8 } };
    expect(await store.acceptDelivery(labeled)).toBe(true);
    expect(await store.acceptDelivery({ ...labeled, id: "replay-1" })).toBe(false);
    await store.settleDelivery("d-1", "issues");
    expect(await store.acceptDelivery({ ...labeled, id: "replay-2" })).toBe(false);
    expect(await store.acceptDelivery({ id: "d-2", event: "issues", payload: other })).toBe(true);
    await store.dropDelivery("d-2");
    expect(await store.acceptDelivery({ id: "d-3", event: "issues", payload: other })).toBe(true);
  });

  test("handled bodies seen before a time are forgotten; later ones are kept", async () => {
    let now = new Date("2026-11-01T10:00:00Z");
    const clocked = await open({ now: () => now });
    const recent = { id: "recent", event: "issues", payload: { action: "labeled", issue: { number: 8 } } };
    await clocked.acceptDelivery(labeled);
    await clocked.settleDelivery("d-1", "issues");
    now = new Date("2026-11-10T10:00:00Z");
    await clocked.acceptDelivery(recent);
    await clocked.settleDelivery("recent", "issues");
    expect(await clocked.forgetDeliveryBodiesSeenBefore(new Date("2026-11-05T00:00:00Z"))).toBe(1);
    expect(await clocked.acceptDelivery({ ...labeled, id: "again" })).toBe(true);
    expect(await clocked.acceptDelivery({ ...recent, id: "again-recent" })).toBe(false);
  });
});
