import { afterAll, beforeAll, expect } from "@jest/globals";
import { startScaleOut, type ScaleOut, type ScaleOutOptions } from "./scale-out-world.ts";

// The world itself is in scale-out-world.ts (no Jest there, so the benchmark can start it too).
export { startScaleOut, type ScaleOut, type ScaleOutOptions } from "./scale-out-world.ts";

/**
 * One scaled-out world for the enclosing describe: started before its beforeAll (on a database of
 * `databaseUrl()`), closed after its tests; every process must have stopped cleanly, except those
 * the scenario killed (`killed`).
 */
export function scaleOutFor(options: () => Promise<ScaleOutOptions>): () => ScaleOut {
  let world: ScaleOut | undefined;
  beforeAll(async () => {
    world = await startScaleOut(await options());
  }, 120000);
  afterAll(async () => {
    const codes = await world?.close();
    // A killed process reports null; every other one stopped cleanly on SIGTERM.
    expect(codes?.filter((code) => code !== null && code !== 0)).toEqual([]);
  }, 60000);
  return () => {
    if (!world) throw new Error("the scaled-out world did not start");
    return world;
  };
}
