import { expect, test } from "@jest/globals";
import { nameInDataDir, publicTrajectory } from "../../../src/delivery/status/public-trajectory.ts";

test("a signed link is shown alone, without the file it stands for", () => {
  expect(publicTrajectory({ url: "https://ferry.example.com/t?sig=1", path: "/srv/data/trajectories/task-1/run-1.jsonl" })).toEqual({ url: "https://ferry.example.com/t?sig=1" });
});

test("a file on the server is named by its place in the data directory", () => {
  expect(publicTrajectory({ path: "/srv/data/trajectories/task-1/run-2.jsonl" })).toEqual({ path: "trajectories/task-1/run-2.jsonl" });
});

test("a path outside trajectories/ keeps its file name only", () => {
  expect(nameInDataDir("/home/ferry/mytrajectories/run-1.jsonl")).toBe("run-1.jsonl");
  expect(nameInDataDir("trajectories/task-1/run-1.jsonl")).toBe("trajectories/task-1/run-1.jsonl");
});

test("no trajectory stays none", () => {
  expect(publicTrajectory(undefined)).toBeUndefined();
});
