import { describe, expect, test } from "@jest/globals";
import { MemoryTrajectory } from "../../../src/agent/trajectory/memory-trajectory.ts";

describe("MemoryTrajectory", () => {
  test("keeps events in order, with no file path", () => {
    const trajectory = new MemoryTrajectory();
    trajectory.record("run-started", { task: 1 });
    trajectory.record("tool-call", { name: "shell" });
    expect(trajectory.path).toBeUndefined();
    expect(trajectory.events).toEqual([
      { type: "run-started", data: { task: 1 } },
      { type: "tool-call", data: { name: "shell" } },
    ]);
  });

  test("an event is a copy: changing the recorded object later does not change it", () => {
    const trajectory = new MemoryTrajectory();
    const data = { names: ["a"] };
    trajectory.record("inbox", data);
    data.names.push("b");
    expect(trajectory.events[0]?.data).toEqual({ names: ["a"] });
  });

  test("ofType gives the data of the events of one type", () => {
    const trajectory = new MemoryTrajectory();
    trajectory.record("policy", { decision: "denied" });
    trajectory.record("tool-call", { name: "shell" });
    trajectory.record("policy", { decision: "approved" });
    expect(trajectory.ofType("policy")).toEqual([{ decision: "denied" }, { decision: "approved" }]);
  });
});
