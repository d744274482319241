import { z } from "zod";
import type { Trajectory, TrajectoryEventType } from "../agent/trajectory/trajectory.ts";
import type { ProgressEvent, ProgressSink } from "./progress-event.ts";
import { printable, stepResult, stepSubject, ToolCallEvent } from "./step-result.ts";

const ModelRequest = z.object({ step: z.number(), toolCalls: z.array(z.string()) });
const ModelRetry = z.object({ step: z.number().optional(), purpose: z.string().optional(), attempt: z.number(), delayMs: z.number(), reason: z.string() });
const Setup = z.object({ command: z.string(), exitCode: z.number().nullable(), timedOut: z.boolean(), durationMs: z.number() });
const TestRun = z.object({ command: z.string(), passed: z.boolean(), exitCode: z.number().nullable(), timedOut: z.boolean(), durationMs: z.number() });
/** The tests on the untouched base, before the agent (src/agent/session.ts). */
const BaselineRun = TestRun.extend({ by: z.literal("baseline"), tests: z.number().nullable() });
const RunEnded = z.object({ outcome: z.string() });

/**
 * A trajectory that also tells the terminal what happens: every event goes to `inner`
 * unchanged, and those worth a line become a ProgressEvent for `sink`.
 */
export function stepTrajectory(inner: Trajectory, sink: ProgressSink): Trajectory {
  let step = 0;
  return {
    path: inner.path,
    record(type, data) {
      inner.record(type, data);
      if (type === "model-request") step = ModelRequest.safeParse(data).data?.step ?? step;
      const event = progressOf(type, data, step);
      try {
        if (event) sink(event);
      } catch {
        // Showing progress is a courtesy: a closed terminal must not end the agent's run.
      }
    },
  };
}

/** The line an event of the trajectory deserves, if any; `step` is the model call it belongs to. */
export function progressOf(type: TrajectoryEventType, data: Record<string, unknown>, step: number): ProgressEvent | undefined {
  switch (type) {
    case "model-request": {
      // A reply without a tool call is the agent saying it is done.
      const request = ModelRequest.safeParse(data);
      return request.success && request.data.toolCalls.length === 0 ? { event: "step", step: request.data.step, tool: "reply", result: "says it is done", failed: false } : undefined;
    }
    case "tool-call":
      return data.name === "setup" ? setupOf(data) : toolStepOf(data, step);
    case "model-retry": {
      const retry = ModelRetry.safeParse(data);
      return retry.success ? { event: "model-retry", ...retry.data, reason: printable(retry.data.reason) } : undefined;
    }
    case "compaction":
      return { event: "compaction", step };
    case "test-run": {
      const baseline = BaselineRun.safeParse(data);
      if (baseline.success) {
        const { command, exitCode, timedOut, durationMs, tests } = baseline.data;
        return { event: "baseline", command: printable(command), result: timedOut ? "timed out" : `exit ${exitCode ?? "?"}`, tests, durationMs };
      }
      const run = TestRun.safeParse(data);
      if (!run.success) return undefined;
      const { command, passed, exitCode, timedOut, durationMs } = run.data;
      return { event: "verify", command: printable(command), result: passed ? "passed" : timedOut ? "timed out" : `failed (exit ${exitCode ?? "?"})`, failed: !passed, durationMs };
    }
    case "run-ended": {
      const ended = RunEnded.safeParse(data);
      return ended.success ? { event: "ended", outcome: ended.data.outcome } : undefined;
    }
    default:
      return undefined;
  }
}

function setupOf(data: Record<string, unknown>): ProgressEvent | undefined {
  const setup = Setup.safeParse(data);
  if (!setup.success) return undefined;
  const { command, exitCode, timedOut, durationMs } = setup.data;
  const failed = exitCode !== 0 || timedOut;
  return { event: "setup", command: printable(command), result: timedOut ? "timed out" : failed ? `failed (exit ${exitCode ?? "?"})` : "passed", failed, durationMs };
}

function toolStepOf(data: Record<string, unknown>, step: number): ProgressEvent | undefined {
  const call = ToolCallEvent.safeParse(data);
  if (!call.success) return undefined;
  const subject = stepSubject(call.data);
  return { event: "step", step, tool: printable(call.data.name), ...(subject && { subject }), ...stepResult(call.data), durationMs: call.data.durationMs };
}
