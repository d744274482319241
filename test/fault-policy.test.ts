import { expect, test } from "@jest/globals";
import { EventEmitter } from "node:events";
import { pino } from "pino";
import { installFaultPolicy } from "../src/fault-policy.ts";

/** The policy on an emitter of its own; records what it logged, stopped and exited with. */
function policy(stop: () => Promise<void> = async () => {}) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const target = new EventEmitter();
  const stops: number[] = [];
  const exited = Promise.withResolvers<number>();
  installFaultPolicy({ log, stop: () => (stops.push(1), stop()), exit: exited.resolve, target });
  return { target, lines, stops, exited: exited.promise };
}

test("a fault stops Ferry before the process exits 1", async () => {
  const order: string[] = [];
  const { target, exited } = policy(async () => void order.push("stopped"));

  target.emit("unhandledRejection", new Error("boom"));

  expect(await exited).toBe(1);
  expect(order).toEqual(["stopped"]);
});

test("a second fault while stopping is logged but starts no second stop", async () => {
  const { target, lines, stops, exited } = policy();

  target.emit("uncaughtException", new Error("first"));
  target.emit("unhandledRejection", new Error("second"));
  await exited;

  expect(stops).toHaveLength(1);
  expect(lines.filter((line) => line.level === 60).map((line) => line.fault)).toEqual(["uncaught exception", "unhandled rejection"]);
});

test("a stop that fails is logged and the process still exits 1", async () => {
  const { target, lines, exited } = policy(() => Promise.reject(new Error("engine gone")));

  target.emit("uncaughtException", new Error("boom"));

  expect(await exited).toBe(1);
  expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: "could not stop Ferry cleanly after the fault" }));
});

test("start-up failing (a rejected top-level await, which Node reports as an uncaught exception) is logged as the rejection it was", async () => {
  const { target, lines, exited } = policy();

  target.emit("uncaughtException", new Error("port in use"), "unhandledRejection");
  await exited;

  expect(lines).toContainEqual(expect.objectContaining({ level: 60, fault: "unhandled rejection" }));
});
