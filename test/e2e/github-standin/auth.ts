import { createPublicKey, verify, type KeyObject } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { StandInState } from "./state.ts";

/**
 * Who a request is, as GitHub decides it: App routes need a JWT signed with the App's
 * private key (RS256, `iss` = the App id, at most 10 minutes long); everything else needs an
 * installation token the stand-in issued and that has not expired. Returns a problem or the
 * installation.
 */
export type Caller = { kind: "app" } | { kind: "installation"; installationId: number } | { kind: "refused"; problem: string };

const base64url = (text: string): Buffer => Buffer.from(text, "base64url");

export function appJwtProblem(token: string, publicKey: KeyObject, appId: number): string | undefined {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return "not a JWT";
  const valid = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, base64url(signature));
  if (!valid) return "JWT signature does not match the App's key";
  const claims: unknown = JSON.parse(base64url(payload).toString("utf8"));
  if (typeof claims !== "object" || claims === null) return "JWT has no claims";
  const { iss, exp, iat } = claims as Record<string, unknown>;
  if (String(iss) !== String(appId)) return `JWT iss ${String(iss)} is not the App id ${appId}`;
  const now = Date.now() / 1000;
  if (typeof exp !== "number" || exp < now) return "JWT expired";
  if (typeof iat !== "number" || exp - iat > 600 + 60) return "JWT lives longer than 10 minutes";
  return undefined;
}

export function callerOf(headers: IncomingHttpHeaders, appRoute: boolean, state: StandInState, app: { id: number; key: KeyObject }): Caller {
  const match = /^(bearer|token)\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match?.[2]) return { kind: "refused", problem: "no credentials" };
  const credential = match[2];
  if (appRoute) {
    const problem = appJwtProblem(credential, app.key, app.id);
    return problem ? { kind: "refused", problem } : { kind: "app" };
  }
  const issued = state.tokens.get(credential);
  if (!issued) return { kind: "refused", problem: "a token the stand-in never issued" };
  if (issued.expiresAt < Date.now()) return { kind: "refused", problem: "an expired installation token" };
  return { kind: "installation", installationId: issued.installationId };
}

/** The token in git's Basic credentials (`x-access-token:<token>`), if the stand-in issued it. */
export function gitTokenValid(headers: IncomingHttpHeaders, state: StandInState): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match?.[1]) return false;
  const [user, token = ""] = Buffer.from(match[1], "base64").toString("utf8").split(/:(.*)/s);
  const issued = state.tokens.get(token);
  return user === "x-access-token" && issued !== undefined && issued.expiresAt >= Date.now();
}

export const publicKeyOf = (privateKeyPem: string): KeyObject => createPublicKey(privateKeyPem);
