import { startSweeps, type SweepOptions, type Sweeps } from "../../../src/sweep/start-sweeps.ts";
import type { sweepDeps } from "./sweep-fixture.ts";
import { testGitHub } from "./sweep-fixture.ts";

export type ManualSweeps = Sweeps & {
  /** Runs one scheduler tick and resolves when it is done. */
  tick(): Promise<void>;
  /** The jitter waits asked for, in milliseconds. */
  sleeps: number[];
  /** How often the schedule was told to stop. */
  stops: number;
};

/** startSweeps with the test driving the ticks: no timers, no waiting, no jitter unless asked. */
export function manualSweeps(deps: ReturnType<typeof sweepDeps>, overrides: Partial<SweepOptions> = {}): ManualSweeps {
  const ticks: Array<() => Promise<void>> = [];
  const sleeps: number[] = [];
  const state = { stops: 0 };
  const sweeps = startSweeps({
    github: testGitHub(),
    store: deps.store,
    queue: deps.queue,
    log: deps.log,
    now: deps.now,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    schedule: (tick) => {
      ticks.push(tick);
      return { stop: () => state.stops++ };
    },
    ...overrides,
  });
  return {
    ...sweeps,
    sleeps,
    get stops() {
      return state.stops;
    },
    tick: async () => {
      for (const tick of ticks) await tick();
    },
  };
}
