import { z } from "zod";
import { resolveAppCredentials } from "./app-credentials.ts";
import { EnvError, describeEnvIssue } from "./env-error.ts";
import { DEFAULT_CEILINGS, imageProblem } from "./clamp-limits.ts";
import { DATABASE_URL_EXPECTED, databaseUrlString } from "./database-url.ts";
import { hostString, imageListString, integerString, priceString, urlString, usdString } from "./env-values.ts";
import { LOG_FORMATS } from "../logger.ts";
import { rememberSecret, rememberUrlSecrets } from "../policy/known-secrets.ts";

export { EnvError } from "./env-error.ts";

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

/** Every variable Ferry reads. Each description completes "NAME: expected …" in error messages. */
const EnvVariables = z.object({
  // Probot's, as Probot defines them.
  APP_ID: integerString(1, Number.MAX_SAFE_INTEGER).optional().describe("the GitHub App's ID, a positive integer"),
  PRIVATE_KEY: z.string().optional().describe("the App's private key as PEM text"),
  PRIVATE_KEY_PATH: z.string().optional().describe("the path of the App's .pem private key file"),
  WEBHOOK_SECRET: z.string().optional().describe("the App's webhook secret"),
  // 0 asks the OS for a free port, which end-to-end tests rely on.
  PORT: integerString(1, 65535).default(3000).describe("a port number from 1 to 65535"),
  HOST: z.string().optional().describe("a host name or address to listen on"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info").describe(`one of ${LOG_LEVELS.join(", ")}`),
  // Unset: pretty on a terminal, JSON otherwise (logger.ts).
  LOG_FORMAT: z.enum(LOG_FORMATS).optional().describe(LOG_FORMATS.join(" or ")),
  GHE_HOST: hostString().optional().describe("a host with an optional :port and no scheme, like github.example.com"),
  GHE_PROTOCOL: z.enum(["http", "https"]).default("https").describe("http or https"),
  WEBHOOK_PROXY_URL: urlString(/^https?$/).optional().describe("an http(s) URL, like https://smee.io/abc"),
  // The model server: any OpenAI-compatible API.
  OPENAI_API_KEY: z.string().optional().describe("an API key"),
  OPENAI_BASE_URL: urlString(/^https?$/).optional().describe("an http(s) URL, like https://api.openai.com/v1"),
  // Ferry's own.
  FERRY_MODEL: z.string().default("gpt-5.3-codex").describe("a model name"),
  FERRY_MODEL_API: z.enum(["responses", "chat"]).default("responses").describe("responses or chat"),
  FERRY_MODEL_PRICE: priceString()
    .optional()
    .describe("three US-dollar prices per million tokens, input,cached input,output, like 1.25,0.125,10"),
  FERRY_MODEL_CONTEXT: integerString(1024, 100_000_000).optional().describe("the model's context window in tokens, from 1024"),
  FERRY_COMPACT_AT: integerString(10, 95).default(60).describe("a percentage of the context window from 10 to 95"),
  FERRY_SANDBOX: z.enum(["docker", "local"]).default("docker").describe("docker or local"),
  FERRY_IMAGE: z.string().default("node:24-bookworm").describe("a container image name"),
  FERRY_SANDBOX_MEMORY_MB: integerString(64, 1_048_576).default(4096).describe("megabytes of memory per sandbox, from 64"),
  FERRY_SANDBOX_CPUS: integerString(1, 256).default(2).describe("CPUs per sandbox, an integer from 1 to 256"),
  FERRY_SANDBOX_PIDS: integerString(16, 1_000_000).default(1024).describe("processes per sandbox, from 16"),
  // Set by the operator to run the server without isolation (development); `ferry run` needs no such consent.
  FERRY_ALLOW_LOCAL_SANDBOX: z.enum(["0", "1"]).default("0").describe("1 (allow FERRY_SANDBOX=local in the server) or 0"),
  FERRY_ALLOWED_IMAGES: imageListString()
    .optional()
    .describe("comma-separated image patterns, like node:*,ghcr.io/acme/*"),
  FERRY_SANDBOX_DISK_MB: integerString(1, 100_000_000).default(10_240).describe("megabytes a task's sandbox may write, from 1"),
  // Ceilings on what .github/agent.yml may ask for (clamp-limits.ts).
  FERRY_MAX_STEPS: integerString(1, 1_000_000).default(DEFAULT_CEILINGS.steps).describe("the most agent steps per run, a positive integer"),
  FERRY_MAX_MINUTES: integerString(1, 100_000).default(DEFAULT_CEILINGS.minutes).describe("the most minutes per run, a positive integer"),
  FERRY_MAX_USD: usdString().default(DEFAULT_CEILINGS.usd).describe("the most US dollars per run, a positive number like 20 or 7.5"),
  FERRY_MAX_TOKENS: integerString(1, 1e12).default(DEFAULT_CEILINGS.tokens).describe("the most model tokens per run, a positive integer"),
  FERRY_MAX_COMMAND_SECONDS: integerString(1, 1_000_000)
    .default(DEFAULT_CEILINGS.commandSeconds)
    .describe("the most seconds one command (setup included) may take, a positive integer"),
  FERRY_MAX_SWEEP_PER_RUN: integerString(1, 10_000).default(DEFAULT_CEILINGS.sweepPerRun).describe("the most issues one sweep may pick, a positive integer"),
  FERRY_MAX_SWEEP_USD_PER_DAY: usdString()
    .default(DEFAULT_CEILINGS.sweepUsdPerDay)
    .describe("the most US dollars a repository's runs may cost per day before sweeps stop, a positive number"),
  FERRY_DOCKER_NETWORK: z.string().default("bridge").describe("a Docker network name"),
  FERRY_MIRROR_CACHE_MB: integerString(1, 100_000_000).default(10_240).describe("megabytes of disk for cached repository mirrors"),
  FERRY_CONCURRENCY: integerString(1, 64).default(2).describe("an integer from 1 to 64"),
  FERRY_DATA_DIR: z.string().default("./data").describe("a directory path"),
  FERRY_PUBLIC_URL: urlString(/^https?$/)
    .optional()
    .describe("the http(s) URL people reach this Ferry server at, like https://ferry.example.com"),
  // The standard variable; FERRY_DATABASE_URL overrides it. Unset: SQLite under FERRY_DATA_DIR.
  DATABASE_URL: databaseUrlString().optional().describe(DATABASE_URL_EXPECTED),
  FERRY_DATABASE_URL: databaseUrlString().optional().describe(DATABASE_URL_EXPECTED),
  // GET /metrics names repositories and their spend, on a port the internet reaches (GitHub's webhooks).
  FERRY_METRICS_TOKEN: z.string().min(16).optional().describe("a token of at least 16 characters that Prometheus sends as a bearer token"),
});

const EXPECTATIONS = new Map(Object.entries(EnvVariables.shape).map(([name, schema]) => [name, schema.description]));

/** The whole environment, parsed and cross-checked once at start-up. */
export const EnvSchema = EnvVariables.transform((vars, ctx) => {
  const credentials = resolveAppCredentials(vars);
  if (!credentials.ok) {
    ctx.issues.push({ code: "custom", path: [credentials.variable], message: credentials.message, input: undefined });
    return z.NEVER;
  }
  // An operator's own default image outside their own allowlist is a typo to report now, not on every task.
  const imageOutside = imageProblem(vars.FERRY_IMAGE, vars.FERRY_ALLOWED_IMAGES);
  if (imageOutside) {
    const message = `${vars.FERRY_IMAGE} is not in FERRY_ALLOWED_IMAGES (${vars.FERRY_ALLOWED_IMAGES?.join(", ")})`;
    ctx.issues.push({ code: "custom", path: ["FERRY_IMAGE"], message, input: undefined });
    return z.NEVER;
  }
  return {
    app: credentials.app,
    port: vars.PORT,
    host: vars.HOST,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    webhookProxyUrl: vars.WEBHOOK_PROXY_URL,
    github: {
      host: vars.GHE_HOST,
      protocol: vars.GHE_PROTOCOL,
      apiUrl: vars.GHE_HOST ? `${vars.GHE_PROTOCOL}://${vars.GHE_HOST}/api/v3` : "https://api.github.com",
    },
    model: {
      apiKey: vars.OPENAI_API_KEY,
      baseUrl: vars.OPENAI_BASE_URL,
      name: vars.FERRY_MODEL,
      api: vars.FERRY_MODEL_API,
      /** Overrides the built-in price table; undefined: the table's price, or an unknown cost. */
      price: vars.FERRY_MODEL_PRICE,
      /** Overrides the built-in context window of the model. */
      contextWindow: vars.FERRY_MODEL_CONTEXT,
      /** Older turns are compacted once a request passes this share of the context window. */
      compactAt: vars.FERRY_COMPACT_AT / 100,
    },
    sandbox: {
      kind: vars.FERRY_SANDBOX,
      image: vars.FERRY_IMAGE,
      limits: { memoryMb: vars.FERRY_SANDBOX_MEMORY_MB, cpus: vars.FERRY_SANDBOX_CPUS, pids: vars.FERRY_SANDBOX_PIDS },
      network: vars.FERRY_DOCKER_NETWORK,
      /** Server mode refuses FERRY_SANDBOX=local without this (local-sandbox-consent.ts). */
      allowLocal: vars.FERRY_ALLOW_LOCAL_SANDBOX === "1",
      /** Image patterns a task's sandbox may start from; undefined: any. */
      allowedImages: vars.FERRY_ALLOWED_IMAGES,
      /** What a task's sandbox may write before the task is stopped (worker/disk-limit.ts). */
      diskMb: vars.FERRY_SANDBOX_DISK_MB,
    },
    ceilings: {
      steps: vars.FERRY_MAX_STEPS,
      minutes: vars.FERRY_MAX_MINUTES,
      usd: vars.FERRY_MAX_USD,
      tokens: vars.FERRY_MAX_TOKENS,
      commandSeconds: vars.FERRY_MAX_COMMAND_SECONDS,
      sweepPerRun: vars.FERRY_MAX_SWEEP_PER_RUN,
      sweepUsdPerDay: vars.FERRY_MAX_SWEEP_USD_PER_DAY,
    },
    mirrorCacheBytes: vars.FERRY_MIRROR_CACHE_MB * 1024 * 1024,
    concurrency: vars.FERRY_CONCURRENCY,
    dataDir: vars.FERRY_DATA_DIR,
    /** Where links in pull requests (trajectories) point; without it they name the file on the server. */
    publicUrl: vars.FERRY_PUBLIC_URL?.replace(/\/+$/, ""),
    /** PostgreSQL for state and queue; undefined: SQLite and the in-process queue. */
    databaseUrl: vars.FERRY_DATABASE_URL ?? vars.DATABASE_URL,
    /** GET /metrics asks for `authorization: Bearer <token>` when set. */
    metricsToken: vars.FERRY_METRICS_TOKEN,
  };
});

export type Env = z.output<typeof EnvSchema>;

/** Parses `source` (normally `process.env`); throws `EnvError` with a one-line message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Shells and compose files often set a variable to "" to mean "unset".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) {
    // Ferry's own secrets are redacted and blocked by value wherever they would be written.
    for (const secret of [result.data.model.apiKey, result.data.app?.webhookSecret, result.data.app?.privateKey, result.data.metricsToken]) rememberSecret(secret);
    for (const url of [result.data.model.baseUrl, result.data.databaseUrl]) rememberUrlSecrets(url);
    return result.data;
  }
  throw new EnvError(result.error.issues.map((issue) => describeEnvIssue(issue, present, EXPECTATIONS)));
}

/** Start-up helper: a bad environment prints one line to stderr and exits with code 1. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`ferry: ${error.message}\n`);
    process.exit(1);
  }
}
