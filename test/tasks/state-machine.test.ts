import { describe, expect, test } from "@jest/globals";
import { TASK_STATES } from "../../src/tasks/model.ts";
import type { TaskState } from "../../src/tasks/model.ts";
import {
  ALLOWED_TRANSITIONS,
  assertTransition,
  canTransition,
  ForbiddenTransitionError,
} from "../../src/tasks/state-machine.ts";

// The table as the product defines it, written out again so a change to the code has to be deliberate.
const EXPECTED: Record<TaskState, TaskState[]> = {
  queued: ["preparing", "failed", "cancelled"],
  preparing: ["running", "failed", "cancelled", "queued"],
  running: ["waiting", "verifying", "done", "failed", "cancelled", "queued"],
  waiting: ["running", "failed", "cancelled", "queued"],
  verifying: ["delivering", "running", "failed", "cancelled", "queued"],
  delivering: ["done", "failed", "cancelled", "queued"],
  done: ["queued"],
  failed: ["queued"],
  cancelled: ["queued"],
};

const allPairs = TASK_STATES.flatMap((from) => TASK_STATES.map((to): [TaskState, TaskState] => [from, to]));
const allowed = allPairs.filter(([from, to]) => EXPECTED[from].includes(to));
const forbidden = allPairs.filter(([from, to]) => !EXPECTED[from].includes(to));

describe("allowed moves", () => {
  test.each(allowed)("%s → %s is allowed", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });
});

describe("forbidden moves", () => {
  test.each(forbidden)("%s → %s is forbidden", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(ForbiddenTransitionError);
  });
});

test("the code's table is exactly the product's table", () => {
  expect(ALLOWED_TRANSITIONS).toEqual(EXPECTED);
});

test("a forbidden move reports where it came from, where it went and what was allowed", () => {
  let caught: unknown;
  try {
    assertTransition("done", "running");
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ForbiddenTransitionError);
  expect(caught).toMatchObject({ from: "done", to: "running", name: "ForbiddenTransitionError" });
  expect(caught).toHaveProperty("message", 'A task cannot move from "done" to "running"; from "done" it may only move to: queued.');
});
