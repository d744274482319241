import { expect, test } from "@jest/globals";
import { runIteration } from "../src/run-iteration.ts";
import { recordingLog } from "./helpers/recording-log.ts";

test("an iteration that rejects is logged with its context and the error, and resolves", async () => {
  const log = recordingLog();
  const error = new Error("GitHub is down");

  await expect(runIteration(log, "sweep tick failed", { repo: "octo/app" }, () => Promise.reject(error))).resolves.toBeUndefined();

  expect(log.lines).toEqual([{ level: "error", fields: { repo: "octo/app", err: error }, message: "sweep tick failed" }]);
});

test("an iteration that throws synchronously is caught the same way", async () => {
  const log = recordingLog();

  await runIteration(log, "could not forget old deliveries", {}, () => {
    throw new Error("database is locked");
  });

  expect(log.lines.map((line) => line.message)).toEqual(["could not forget old deliveries"]);
});

test("synchronous work runs before runIteration returns", () => {
  let ran = false;
  void runIteration(recordingLog(), "unused", {}, () => (ran = true));
  expect(ran).toBe(true);
});
