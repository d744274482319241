import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JsonlTrajectory, trajectoryPathFor } from "../../../src/agent/trajectory/jsonl-trajectory.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ferry-trajectory-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lines = async (path: string) => (await readFile(path, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);

test("each event is one JSON line with its time and type, in order", async () => {
  const path = trajectoryPathFor(dir, 7, 2);
  const trajectory = new JsonlTrajectory(path, () => new Date("2026-11-22T10:00:00Z"));
  trajectory.record("run-started", { model: "gpt-5.3-codex" });
  trajectory.record("tool-call", { name: "shell", exitCode: 0 });
  trajectory.close();
  expect(path).toBe(join(dir, "trajectories", "task-7", "run-2.jsonl"));
  expect(await lines(path)).toEqual([
    { at: "2026-11-22T10:00:00.000Z", type: "run-started", data: { model: "gpt-5.3-codex" } },
    { at: "2026-11-22T10:00:00.000Z", type: "tool-call", data: { name: "shell", exitCode: 0 } },
  ]);
});

test("secrets are redacted wherever they appear in an event", async () => {
  const trajectory = new JsonlTrajectory(join(dir, "t.jsonl"));
  const token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  trajectory.record("tool-call", { name: "shell", arguments: { command: `echo ${token}` }, output: [`token=${token}`] });
  trajectory.close();
  const text = await readFile(join(dir, "t.jsonl"), "utf8");
  expect(text).not.toContain(token);
  expect(text).toContain("[redacted]");
});

test("a huge string is cut to its head and tail", async () => {
  const trajectory = new JsonlTrajectory(join(dir, "t.jsonl"));
  trajectory.record("tool-call", { output: `HEAD${"x".repeat(100_000)}TAIL` });
  trajectory.close();
  const [event] = await lines(join(dir, "t.jsonl"));
  const output = String((event?.data as { output: string }).output);
  expect(output.length).toBeLessThan(9_000);
  expect(output.startsWith("HEAD")).toBe(true);
  expect(output.endsWith("TAIL")).toBe(true);
  expect(output).toContain("characters cut");
});

test("the file is readable by its owner only", async () => {
  const trajectory = new JsonlTrajectory(join(dir, "t.jsonl"));
  trajectory.close();
  expect((await stat(join(dir, "t.jsonl"))).mode & 0o777).toBe(0o600);
});

test("events after close are dropped, not thrown", () => {
  const trajectory = new JsonlTrajectory(join(dir, "t.jsonl"));
  trajectory.close();
  expect(() => trajectory.record("run-ended", {})).not.toThrow();
});
