import type { Trajectory, TrajectoryEventType } from "./trajectory.ts";

export type TrajectoryEvent = { type: TrajectoryEventType; data: Record<string, unknown> };

/**
 * Keeps events in memory, for tests and runs that write no file. Each event is stored as a
 * JSON copy, as the JSONL file would hold it: later changes to the caller's objects do not leak in.
 */
export class MemoryTrajectory implements Trajectory {
  readonly path = undefined;
  readonly events: TrajectoryEvent[] = [];

  record(type: TrajectoryEventType, data: Record<string, unknown>): void {
    this.events.push({ type, data: JSON.parse(JSON.stringify(data)) });
  }

  /** The data of every event of one type, oldest first. */
  ofType(type: TrajectoryEventType): Record<string, unknown>[] {
    return this.events.filter((event) => event.type === type).map((event) => event.data);
  }
}
