import { expect, test } from "@jest/globals";
import { CoalescedEdits } from "../../../src/delivery/status/coalesced-edits.ts";
import { FakeClock } from "./support/fake-clock.ts";

test("an edit that throws is reported and the next edit still goes out", async () => {
  const failures: unknown[] = [];
  let calls = 0;
  const edits = new CoalescedEdits(
    async () => {
      calls += 1;
      if (calls === 1) throw new Error("GitHub said no");
    },
    10_000,
    new FakeClock(),
    (error) => failures.push(error),
  );

  await expect(edits.now()).resolves.toBeUndefined();
  await edits.now();

  expect(calls).toBe(2);
  expect(failures).toEqual([new Error("GitHub said no")]);
});

test("queued work that throws does not stop the edits queued after it", async () => {
  const failures: unknown[] = [];
  let edited = 0;
  const edits = new CoalescedEdits(async () => void (edited += 1), 10_000, new FakeClock(), (error) => failures.push(error));

  await edits.then(() => Promise.reject(new Error("store is busy")));
  await edits.now();

  expect(edited).toBe(1);
  expect(failures).toHaveLength(1);
});
