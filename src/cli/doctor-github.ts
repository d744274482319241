import { createSign } from "node:crypto";
import { z } from "zod";
import type { Env } from "../config/env.ts";
import { type Check, connectionProblem, fail, ok } from "./doctor-check.ts";

const AppAnswer = z.object({ id: z.number(), slug: z.string().optional(), name: z.string().optional() });

/** The App's credentials: a JWT signed with its key, sent to GET /app on the configured GitHub (GHE_HOST). */
export function gitHubCheck(env: Pick<Env, "app" | "github">): Check {
  return {
    name: "github",
    async run(signal) {
      if (!env.app) return fail("no GitHub App credentials (APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH): Ferry can only run its setup page");
      const url = `${env.github.apiUrl}/app`;
      let response: Response;
      try {
        const headers = { authorization: `Bearer ${appJwt(env.app.id, env.app.privateKey)}`, accept: "application/vnd.github+json", "user-agent": "ferry-doctor" };
        response = await fetch(url, { headers, signal });
      } catch (error) {
        return fail(`GitHub at ${env.github.apiUrl} is unreachable: ${connectionProblem(error)}`);
      }
      if (response.status === 401) return fail(`GitHub at ${env.github.apiUrl} refused the App's token (401): check APP_ID and the private key`);
      if (!response.ok) return fail(`GET ${url} answered ${response.status}`);
      const app = AppAnswer.safeParse(await response.json().catch(() => undefined));
      if (!app.success) return fail(`GET ${url} answered something that is not a GitHub App`);
      const name = app.data.slug ?? app.data.name;
      return ok(`authenticated as the App ${name ? `${name} ` : ""}(id ${app.data.id}) at ${env.github.apiUrl}`);
    },
  };
}

/** GitHub's App JWT (RS256), valid for nine minutes from a minute ago, as GitHub's clock may be behind. */
export function appJwt(appId: number, privateKey: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat: seconds - 60, exp: seconds + 540, iss: String(appId) })}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url");
  return `${unsigned}.${signature}`;
}
