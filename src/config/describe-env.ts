import { safeDatabaseUrl } from "./database-url.ts";
import { withoutUserInfo } from "./env-error.ts";
import type { Env } from "./env.ts";

const REDACTED = "[redacted]";

/** A log-safe view of the environment: secrets become "[redacted]", URLs lose their passwords. */
export function describeEnv(env: Env) {
  return {
    mode: env.app ? "app" : "setup",
    app: env.app && { id: env.app.id, privateKey: REDACTED, webhookSecret: REDACTED },
    port: env.port,
    host: env.host,
    logLevel: env.logLevel,
    logFormat: env.logFormat,
    webhookProxyUrl: safeUrl(env.webhookProxyUrl),
    github: env.github,
    model: {
      apiKey: env.model.apiKey === undefined ? undefined : REDACTED,
      baseUrl: safeUrl(env.model.baseUrl),
      name: env.model.name,
      api: env.model.api,
    },
    sandbox: env.sandbox,
    ceilings: env.ceilings,
    mirrorCacheBytes: env.mirrorCacheBytes,
    concurrency: env.concurrency,
    dataDir: env.dataDir,
    publicUrl: safeUrl(env.publicUrl),
    databaseUrl: safeDatabaseUrl(env.databaseUrl),
    metricsToken: env.metricsToken === undefined ? undefined : REDACTED,
  };
}

function safeUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : withoutUserInfo(url);
}
