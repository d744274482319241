import { describe, expect, test } from "@jest/globals";
import { clampRepoConfig, DEFAULT_CEILINGS, imageProblem, taskConfigOf } from "../../src/config/clamp-limits.ts";
import { RepoConfig } from "../../src/config/repo-config.ts";

const config = (input: unknown) => RepoConfig.parse(input);

describe("clampRepoConfig", () => {
  test("limits within the ceilings are kept as asked, with no note", () => {
    const asked = config({ limits: { steps: 150, usd: 20 } });
    expect(clampRepoConfig(asked, DEFAULT_CEILINGS)).toEqual({ config: asked, notes: [] });
  });

  test("steps 10000 run with the operator's 200, and the note says so", () => {
    const { config: clamped, notes } = clampRepoConfig(config({ limits: { steps: 10_000 } }), DEFAULT_CEILINGS);
    expect(clamped.limits.steps).toBe(200);
    expect(notes).toEqual(["limits.steps 10000 was capped at 200 by the operator (FERRY_MAX_STEPS)"]);
  });

  test("every per-run limit has its ceiling and its variable", () => {
    const asked = config({ limits: { steps: 201, minutes: 121, usd: 50, tokens: 20_000_001, commandSeconds: 3600 } });
    const { config: clamped, notes } = clampRepoConfig(asked, DEFAULT_CEILINGS);
    expect(clamped.limits).toMatchObject({ steps: 200, minutes: 120, usd: 20, tokens: 20_000_000, commandSeconds: 1800 });
    expect(notes).toEqual([
      "limits.steps 201 was capped at 200 by the operator (FERRY_MAX_STEPS)",
      "limits.minutes 121 was capped at 120 by the operator (FERRY_MAX_MINUTES)",
      "limits.usd 50 was capped at 20 by the operator (FERRY_MAX_USD)",
      "limits.tokens 20000001 was capped at 20000000 by the operator (FERRY_MAX_TOKENS)",
      "limits.commandSeconds 3600 was capped at 1800 by the operator (FERRY_MAX_COMMAND_SECONDS)",
    ]);
  });

  test("the sweep's picks per run and USD per day are capped too", () => {
    const asked = config({ sweep: { cron: "0 6 * * *", maxPerRun: 100, maxUsdPerDay: 1000 } });
    const { config: clamped, notes } = clampRepoConfig(asked, { ...DEFAULT_CEILINGS, sweepPerRun: 3, sweepUsdPerDay: 25 });
    expect(clamped.sweep).toMatchObject({ maxPerRun: 3, maxUsdPerDay: 25, cron: "0 6 * * *" });
    expect(notes).toEqual([
      "sweep.maxPerRun 100 was capped at 3 by the operator (FERRY_MAX_SWEEP_PER_RUN)",
      "sweep.maxUsdPerDay 1000 was capped at 25 by the operator (FERRY_MAX_SWEEP_USD_PER_DAY)",
    ]);
  });

  test("a repository without sweep: stays without one", () => {
    expect(clampRepoConfig(config({}), DEFAULT_CEILINGS).config).not.toHaveProperty("sweep");
  });

  test("an operator's ceiling under a default lowers the default too", () => {
    const { config: clamped, notes } = clampRepoConfig(config({}), { ...DEFAULT_CEILINGS, steps: 30 });
    expect(clamped.limits.steps).toBe(30);
    expect(notes).toEqual(["limits.steps 60 was capped at 30 by the operator (FERRY_MAX_STEPS)"]);
  });
});

describe("imageProblem (FERRY_ALLOWED_IMAGES)", () => {
  test("without an allowlist any image may start", () => {
    expect(imageProblem("ghcr.io/stranger/miner:latest", undefined)).toBeUndefined();
  });

  test.each([
    ["node:24-bookworm", true],
    ["node:24@sha256:0123abcd", true],
    ["ghcr.io/acme/runner:1", true],
    ["ghcr.io/acme/team/runner:1", false],
    ["ghcr.io/acmeevil/runner:1", false],
    ["docker.io/library/node:24", false],
    ["evil/node:24", false],
    ["node", false],
  ])("%s is allowed by node:*,ghcr.io/acme/*: %s", (image, allowed) => {
    expect(imageProblem(image, ["node:*", "ghcr.io/acme/*"]) === undefined).toBe(allowed);
  });

  test("the message names the image, the variable and what it allows", () => {
    expect(imageProblem("python:3.13", ["node:*"])).toBe(
      "The sandbox image python:3.13 is not allowed on this Ferry server (FERRY_ALLOWED_IMAGES: node:*); use one of those in `image:` of .github/agent.yml, or ask the operator",
    );
  });
});

describe("taskConfigOf", () => {
  const server = { ceilings: DEFAULT_CEILINGS, sandbox: { image: "node:24-bookworm", allowedImages: ["node:*"] } };

  test("the repository's image is checked against the allowlist", () => {
    expect(taskConfigOf(config({ image: "python:3.13" }), server)).toMatchObject({ ok: false, message: expect.stringContaining("python:3.13") });
  });

  test("without image: the server's FERRY_IMAGE is used, and the limits are clamped", () => {
    expect(taskConfigOf(config({ limits: { usd: 50 } }), server)).toMatchObject({
      ok: true,
      image: "node:24-bookworm",
      config: { limits: { usd: 20 } },
      notes: ["limits.usd 50 was capped at 20 by the operator (FERRY_MAX_USD)"],
    });
  });
});
