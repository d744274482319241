import { z } from "zod";
import { integerString, urlString } from "../config/env-values.ts";
import { SWEEP_ROUTE } from "../sweep/sweep-handler.ts";

/** Only what `ferry sweep` needs: none of the server's App, model or sandbox settings. */
const SweepEnv = z.object({
  WEBHOOK_SECRET: z
    .string({ error: "WEBHOOK_SECRET is required: it signs the request, and must be the server's" })
    .min(1, { error: "WEBHOOK_SECRET is empty: it signs the request, and must be the server's" }),
  FERRY_URL: urlString(/^https?$/).optional(),
  PORT: integerString(1, 65535).optional(),
});

const MESSAGES: Record<string, string> = {
  FERRY_URL: "FERRY_URL must be an http(s) URL like http://localhost:3000",
  PORT: "PORT must be a port number from 1 to 65535",
};

export type SweepTarget = { secret: string; url: string };

/** The server to ask and the secret to sign with, from the environment. */
export function sweepTargetFrom(env: Record<string, string | undefined>): { ok: true; target: SweepTarget } | { ok: false; problem: string } {
  const result = SweepEnv.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => MESSAGES[String(issue.path[0])] ?? issue.message);
    return { ok: false, problem: [...new Set(problems)].join("; ") };
  }
  const { WEBHOOK_SECRET, FERRY_URL, PORT } = result.data;
  const base = (FERRY_URL ?? `http://localhost:${PORT ?? 3000}`).replace(/\/+$/, "");
  return { ok: true, target: { secret: WEBHOOK_SECRET, url: `${base}${SWEEP_ROUTE}` } };
}
