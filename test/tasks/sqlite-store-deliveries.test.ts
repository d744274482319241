import { afterEach, beforeEach, expect, test } from "@jest/globals";
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
