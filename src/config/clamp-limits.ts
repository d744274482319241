import picomatch from "picomatch";
import type { RepoConfig } from "./repo-config.ts";

/** The most an operator lets any repository's `.github/agent.yml` ask for (FERRY_MAX_*). */
export type Ceilings = {
  steps: number;
  minutes: number;
  usd: number;
  tokens: number;
  /** Also bounds `setup:`, which runs under `limits.commandSeconds`. */
  commandSeconds: number;
  sweepPerRun: number;
  sweepUsdPerDay: number;
};

/*
 * About three times the repository defaults (60 steps, 45 min, $5, 4M tokens, 600 s, 2 per
 * sweep, $10 a day): room for a big task, while a hostile or mistaken config costs at most
 * $20 a run and $50 a day of sweeps, and no command holds a worker for more than half an hour.
 */
export const DEFAULT_CEILINGS: Ceilings = Object.freeze({
  steps: 200,
  minutes: 120,
  usd: 20,
  tokens: 20_000_000,
  commandSeconds: 1800,
  sweepPerRun: 10,
  sweepUsdPerDay: 50,
});

/** The variable that sets each ceiling, named in the note a repository reads. */
export const CEILING_VARIABLES: Record<keyof Ceilings, string> = {
  steps: "FERRY_MAX_STEPS",
  minutes: "FERRY_MAX_MINUTES",
  usd: "FERRY_MAX_USD",
  tokens: "FERRY_MAX_TOKENS",
  commandSeconds: "FERRY_MAX_COMMAND_SECONDS",
  sweepPerRun: "FERRY_MAX_SWEEP_PER_RUN",
  sweepUsdPerDay: "FERRY_MAX_SWEEP_USD_PER_DAY",
};

/** A config within the operator's ceilings, and one line per value that was lowered. */
export type ClampedConfig = { config: RepoConfig; notes: string[] };

export function clampRepoConfig(config: RepoConfig, ceilings: Ceilings): ClampedConfig {
  const notes: string[] = [];
  const cap = (setting: string, asked: number, ceiling: keyof Ceilings): number => {
    if (asked <= ceilings[ceiling]) return asked;
    notes.push(`${setting} ${asked} was capped at ${ceilings[ceiling]} by the operator (${CEILING_VARIABLES[ceiling]})`);
    return ceilings[ceiling];
  };
  const { limits, sweep } = config;
  const clamped: RepoConfig = {
    ...config,
    limits: {
      ...limits,
      steps: cap("limits.steps", limits.steps, "steps"),
      minutes: cap("limits.minutes", limits.minutes, "minutes"),
      usd: cap("limits.usd", limits.usd, "usd"),
      tokens: cap("limits.tokens", limits.tokens, "tokens"),
      commandSeconds: cap("limits.commandSeconds", limits.commandSeconds, "commandSeconds"),
    },
    ...(sweep && {
      sweep: { ...sweep, maxPerRun: cap("sweep.maxPerRun", sweep.maxPerRun, "sweepPerRun"), maxUsdPerDay: cap("sweep.maxUsdPerDay", sweep.maxUsdPerDay, "sweepUsdPerDay") },
    }),
  };
  return { config: clamped, notes };
}

/** Whether the operator's allowlist (FERRY_ALLOWED_IMAGES) lets a sandbox start from `image`; no list allows any. */
export function imageProblem(image: string, allowed: readonly string[] | undefined): string | undefined {
  if (!allowed || allowed.some((pattern) => picomatch.isMatch(image, pattern))) return undefined;
  return `The sandbox image ${image} is not allowed on this Ferry server (FERRY_ALLOWED_IMAGES: ${allowed.join(", ")}); use one of those in \`image:\` of .github/agent.yml, or ask the operator`;
}

export type TaskConfig = { ok: true; config: RepoConfig; image: string; notes: string[] } | { ok: false; message: string };

/** What a task runs with: the repository's config within the ceilings, and an image the operator allows. */
export function taskConfigOf(config: RepoConfig, server: { ceilings: Ceilings; sandbox: { image: string; allowedImages?: readonly string[] | undefined } }): TaskConfig {
  const image = config.image ?? server.sandbox.image;
  const problem = imageProblem(image, server.sandbox.allowedImages);
  if (problem) return { ok: false, message: problem };
  return { ok: true, image, ...clampRepoConfig(config, server.ceilings) };
}
