import { expect, test } from "@jest/globals";
import { checkpointEvery } from "../../src/tasks/checkpoint-every.ts";
import { waitFor } from "../helpers/process.ts";

test("a checkpoint that throws is reported and the next ones still run", async () => {
  let calls = 0;
  const reported: unknown[] = [];
  const stop = checkpointEvery(
    5,
    () => {
      calls += 1;
      if (calls === 1) throw new Error("disk I/O error");
    },
    (error) => reported.push(error),
  );
  try {
    await waitFor("checkpoints after the failed one", () => (calls >= 3 ? true : undefined), 5_000);
  } finally {
    stop();
  }
  expect(reported).toEqual([new Error("disk I/O error")]);
});
