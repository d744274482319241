import { afterAll, beforeAll, expect } from "@jest/globals";
import { startHarness, type Harness } from "./harness.ts";

/**
 * One harness for the enclosing describe block: started before its own beforeAll runs, closed
 * after its tests, and Ferry must have stopped cleanly (exit code 0). Returns the accessor
 * the block's setup and tests reach it through.
 */
export function harnessFor(env: Record<string, string> | (() => Promise<Record<string, string>>) = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(typeof env === "function" ? await env() : env);
  }, 60000);
  afterAll(async () => {
    const exitCode = await harness?.close();
    expect(exitCode).toBe(0);
  }, 30000);
  return () => {
    if (!harness) throw new Error("the harness did not start");
    return harness;
  };
}
