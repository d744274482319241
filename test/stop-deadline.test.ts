import { expect, test } from "@jest/globals";
import { exitIfStopHangs, STOP_DEADLINE_MS } from "../src/stop-deadline.ts";
import { recordingLog } from "./helpers/recording-log.ts";

test("a stop that hangs past the deadline exits with 1, saying so", async () => {
  const log = recordingLog();
  const exited = Promise.withResolvers<number>();
  exitIfStopHangs(log, 20, exited.resolve);
  expect(await exited.promise).toBe(1);
  expect(log.lines).toEqual([{ level: "error", fields: { waitedMs: 20 }, message: expect.stringContaining("did not stop in time") }]);
});

test("a stop that ends in time never exits from here", async () => {
  const exits: number[] = [];
  clearTimeout(exitIfStopHangs(recordingLog(), 20, (code) => exits.push(code)));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(exits).toEqual([]);
});

test("the deadline leaves room before docker stop's SIGKILL at 10 s", () => {
  expect(STOP_DEADLINE_MS).toBeLessThan(10_000);
});
