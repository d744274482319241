import { describe, expect, test } from "@jest/globals";
import { BaselineCache, type BaselineKey } from "../../src/verification/baseline-cache.ts";
import type { Baseline } from "../../src/verification/judge.ts";

const key: BaselineKey = { repo: "o/r", baseSha: "a".repeat(40), image: "img", setup: "npm ci", test: "npm test" };
const measured = (timedOut = false): Baseline => ({ run: { command: "npm test", passed: true, exitCode: 0, timedOut, durationMs: 1, output: "" }, results: undefined });

describe("test runs on a base kept for follow-ups", () => {
  test("the same base, setup and test command are measured once", async () => {
    const cache = new BaselineCache();
    let runs = 0;
    const measure = async () => (runs++, measured());
    await cache.get(key, measure);
    await cache.get({ ...key }, measure);
    expect(runs).toBe(1);
  });

  test.each([
    ["another base commit", { baseSha: "b".repeat(40) }],
    ["another test command", { test: "npm run test:all" }],
    ["another setup", { setup: "npm install" }],
    ["another image", { image: "other" }],
    ["another repository", { repo: "o/other" }],
    ["a test report", { testReport: "reports/*.xml" }],
  ])("%s is measured again", async (_name, change) => {
    const cache = new BaselineCache();
    let runs = 0;
    const measure = async () => (runs++, measured());
    await cache.get(key, measure);
    await cache.get({ ...key, ...change }, measure);
    expect(runs).toBe(2);
  });

  test("a run that timed out is not kept", async () => {
    const cache = new BaselineCache();
    let runs = 0;
    await cache.get(key, async () => (runs++, measured(true)));
    await cache.get(key, async () => (runs++, measured()));
    expect(runs).toBe(2);
  });

  test("past its size the least recently used base is dropped", async () => {
    const cache = new BaselineCache(2);
    let runs = 0;
    const measure = async () => (runs++, measured());
    const at = (sha: string) => ({ ...key, baseSha: sha });
    await cache.get(at("1"), measure);
    await cache.get(at("2"), measure);
    await cache.get(at("1"), measure); // 1 is now the most recent
    await cache.get(at("3"), measure); // drops 2
    await cache.get(at("1"), measure);
    expect(runs).toBe(3);
    await cache.get(at("2"), measure);
    expect(runs).toBe(4);
  });
});
