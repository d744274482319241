import type { Trajectory, TrajectoryEventType } from "../../agent/trajectory/trajectory.ts";
import { describeToolCall } from "./describe-action.ts";
import type { Progress } from "./progress.ts";

/**
 * A trajectory that also tells where the agent is: every event goes to `inner` unchanged, and
 * the ones that move the run on become a Progress for the status checklist.
 */
export function progressTrajectory(inner: Trajectory, onProgress: (progress: Progress) => void): Trajectory {
  let progress: Progress | undefined;
  return {
    path: inner.path,
    record(type, data) {
      inner.record(type, data);
      const next = nextProgress(progress, type, data);
      if (!next) return;
      progress = next;
      try {
        onProgress(next);
      } catch {
        // The status is a courtesy: a fault in showing it must never end the agent's run.
      }
    },
  };
}

/** The progress after one event, or undefined when the event does not change it; spend totals carry over. */
export function nextProgress(current: Progress | undefined, type: TrajectoryEventType, data: Record<string, unknown>): Progress | undefined {
  const next = advance(current, type, data);
  if (!next || type === "run-started") return next;
  const carried = { ...(current?.tokens !== undefined && { tokens: current.tokens }), ...(current?.costUsd !== undefined && { costUsd: current.costUsd }) };
  return { ...carried, ...next };
}

function advance(current: Progress | undefined, type: TrajectoryEventType, data: Record<string, unknown>): Progress | undefined {
  const step = current?.step ?? 0;
  switch (type) {
    case "run-started":
      return { phase: "setup", step: 0 };
    case "model-request":
      return { ...current, ...charged(current, data), phase: "working", step: typeof data.step === "number" ? data.step : step + 1 };
    case "tool-call":
      return toolCallProgress(current, data);
    case "test-run":
      return { phase: "testing", step, lastAction: data.passed === true ? "the tests pass" : "the tests fail" };
    case "compaction":
      return { phase: current?.phase ?? "working", step, lastAction: "summarised the conversation" };
    default:
      return undefined;
  }
}

/** The running totals after a model call's usage and cost. */
function charged(current: Progress | undefined, data: Record<string, unknown>): Pick<Progress, "tokens" | "costUsd"> {
  const usage = data.usage as { inputTokens?: unknown; outputTokens?: unknown } | undefined;
  if (usage === undefined && typeof data.costUsd !== "number") return {};
  const count = (value: unknown) => (typeof value === "number" ? value : 0);
  const tokens = (current?.tokens ?? 0) + count(usage?.inputTokens) + count(usage?.outputTokens);
  const costUsd = typeof data.costUsd === "number" ? (current?.costUsd ?? 0) + data.costUsd : current?.costUsd;
  return costUsd === undefined ? { tokens } : { tokens, costUsd };
}

function toolCallProgress(current: Progress | undefined, data: Record<string, unknown>): Progress {
  const lastAction = describeToolCall(data) ?? current?.lastAction;
  const step = current?.step ?? 0;
  if (data.name === "setup") return { phase: "setup", step, lastAction };
  // After `finish` the harness runs the tests itself before anything else is recorded.
  if (data.name === "finish") return { phase: "testing", step, lastAction };
  return { phase: "working", step, lastAction };
}
