import { describe, expect, test } from "@jest/globals";
import { parseSweepArgs } from "../../src/cli/sweep-args.ts";
import { sweepTargetFrom } from "../../src/cli/sweep-env.ts";

describe("ferry sweep arguments", () => {
  test("--now alone sweeps every repository", () => {
    expect(parseSweepArgs(["--now"])).toEqual({ ok: true, args: { help: false, repo: undefined } });
  });

  test("--now with owner/repo sweeps that one", () => {
    expect(parseSweepArgs(["--now", "octo-org/widgets"])).toEqual({ ok: true, args: { help: false, repo: "octo-org/widgets" } });
    expect(parseSweepArgs(["octo-org/widgets", "--now"])).toEqual({ ok: true, args: { help: false, repo: "octo-org/widgets" } });
  });

  test("--help wins over everything else", () => {
    expect(parseSweepArgs(["-h", "x"])).toEqual({ ok: true, args: { help: true, repo: undefined } });
  });

  test.each([
    [[], "--now is required"],
    [["octo-org/widgets"], "--now is required"],
    [["--now", "widgets"], 'expected owner/repo, got "widgets"'],
    [["--now", "a/b", "c/d"], "expected at most one repository, got 2"],
    [["--now", "--later"], "Unknown option '--later'"],
  ])("%j is a usage problem: %s", (argv, problem) => {
    const parsed = parseSweepArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).toContain(problem);
  });
});

describe("ferry sweep environment", () => {
  test("FERRY_URL is used as given, without a trailing slash", () => {
    expect(sweepTargetFrom({ WEBHOOK_SECRET: "s", FERRY_URL: "https://ferry.example.com/" })).toEqual({
      ok: true,
      target: { secret: "s", url: "https://ferry.example.com/ferry/sweep" },
    });
  });

  test("without FERRY_URL the server is on localhost at PORT, 3000 by default", () => {
    expect(sweepTargetFrom({ WEBHOOK_SECRET: "s", PORT: "8080" })).toMatchObject({ target: { url: "http://localhost:8080/ferry/sweep" } });
    expect(sweepTargetFrom({ WEBHOOK_SECRET: "s" })).toMatchObject({ target: { url: "http://localhost:3000/ferry/sweep" } });
  });

  test("the App, model and sandbox variables are not needed", () => {
    expect(sweepTargetFrom({ WEBHOOK_SECRET: "s", FERRY_SANDBOX: "nonsense", APP_ID: "x" }).ok).toBe(true);
  });

  test.each([
    [{}, "WEBHOOK_SECRET is required"],
    [{ WEBHOOK_SECRET: "" }, "WEBHOOK_SECRET is empty"],
    [{ WEBHOOK_SECRET: "s", FERRY_URL: "localhost:3000" }, "FERRY_URL must be an http(s) URL"],
    [{ WEBHOOK_SECRET: "s", PORT: "70000" }, "PORT must be a port number"],
  ])("%j is a problem: %s", (env, problem) => {
    const result = sweepTargetFrom(env);
    expect(result.ok ? "" : result.problem).toContain(problem);
  });
});
