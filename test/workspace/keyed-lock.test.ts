import { expect, test } from "@jest/globals";
import { KeyedLock } from "../../src/workspace/keyed-lock.ts";

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** A lock and jobs that record when they start and end. */
function recorder() {
  const lock = new KeyedLock();
  const events: string[] = [];
  const job = (name: string) => async (): Promise<void> => {
    events.push(`${name} start`);
    await tick();
    events.push(`${name} end`);
  };
  return { lock, events, job };
}

test("work under the same key runs one at a time, in call order", async () => {
  const { lock, events, job } = recorder();
  await Promise.all([lock.run("repo", job("a")), lock.run("repo", job("b"))]);
  expect(events).toEqual(["a start", "a end", "b start", "b end"]);
});

test("work under different keys runs at the same time", async () => {
  const { lock, events, job } = recorder();
  await Promise.all([lock.run("one", job("a")), lock.run("two", job("b"))]);
  expect(events.slice(0, 2)).toEqual(["a start", "b start"]);
});

test("a failing holder releases the key for the next one", async () => {
  const lock = new KeyedLock();
  await expect(lock.run("repo", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  await expect(lock.run("repo", async () => "next")).resolves.toBe("next");
});

test("no key is held once everyone is done", async () => {
  const lock = new KeyedLock();
  await Promise.all([lock.run("repo", tick), lock.run("repo", tick)]);
  expect(lock.isHeld("repo")).toBe(false);
});
