import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBodyWithin, refuseTooLarge } from "../intake/webhook-server/request-body.ts";
import { SWEEP_MAX_AGE_MS, SWEEP_MAX_AHEAD_MS, SWEEP_SIGNATURE_HEADER, SWEEP_TIMESTAMP_HEADER, verifySweepRequest, type SweepVerdict } from "./sweep-signature.ts";
import type { SweepReport } from "./sweep-report.ts";
import { errorMessage } from "../error-message.ts";

export const SWEEP_ROUTE = "/ferry/sweep";
const MAX_BODY_BYTES = 16 * 1024;

/** `{}` sweeps every repository, `{"repo": "owner/name"}` one. */
export const SweepRequest = z.strictObject({
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, { error: "repo must look like owner/name" })
    .optional(),
});

const REFUSALS: Record<Exclude<SweepVerdict, { ok: true }>["problem"] | "replayed", string> = {
  unsigned: `missing ${SWEEP_TIMESTAMP_HEADER} or ${SWEEP_SIGNATURE_HEADER} (HMAC-SHA256 of "<timestamp>.<body>" with the sweep key derived from WEBHOOK_SECRET)`,
  wrong: `wrong ${SWEEP_SIGNATURE_HEADER} (HMAC-SHA256 of "<timestamp>.<body>" with the sweep key derived from WEBHOOK_SECRET)`,
  stale: `${SWEEP_TIMESTAMP_HEADER} is more than ${SWEEP_MAX_AGE_MS / 60_000} minutes old: sign the request anew (and check the sender's clock)`,
  ahead: `${SWEEP_TIMESTAMP_HEADER} is more than ${SWEEP_MAX_AHEAD_MS / 1000} seconds ahead of the server's clock`,
  replayed: "this signed request was already taken: sign the request anew",
};

/**
 * `POST /ferry/sweep`, signed with a key derived from WEBHOOK_SECRET over a timestamp and the body:
 * an operator's sweep pass, answered with its report. A request older than five minutes, or one
 * already taken, is refused, so a copy of it cannot start sweeps later. Returns false for other
 * paths so the server's next handler takes them.
 */
export function sweepHandler(secret: string, runNow: (repo?: string) => Promise<SweepReport>, clock: () => number = Date.now) {
  // Signatures taken within the window, until they would be stale anyway; only signed requests get in.
  const taken = new Map<string, number>();
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (new URL(request.url ?? "/", "http://ferry").pathname !== SWEEP_ROUTE) return false;
    if (request.method !== "POST") return reply(response, 405, { error: "use POST" }, { allow: "POST" });
    const read = await readBodyWithin(request, MAX_BODY_BYTES);
    if (read.kind === "too-large") return refuseTooLarge(request, response, MAX_BODY_BYTES);
    if (read.kind === "aborted") return true;
    const { body } = read;
    const now = clock();
    const verdict = verifySweepRequest(secret, body, request.headers, now);
    if (!verdict.ok) return reply(response, 401, { error: REFUSALS[verdict.problem] });
    for (const [signature, until] of taken) if (until < now) taken.delete(signature);
    if (taken.has(verdict.signature)) return reply(response, 401, { error: REFUSALS.replayed });
    taken.set(verdict.signature, now + SWEEP_MAX_AGE_MS + SWEEP_MAX_AHEAD_MS);
    const parsed = parseRequest(body);
    if (!parsed.success) return reply(response, 400, { error: parsed.error });
    try {
      const report = await runNow(parsed.repo);
      const notFound = report.repositories.some((repo) => repo.status === "not-installed");
      return reply(response, notFound ? 404 : 200, report);
    } catch (error) {
      return reply(response, 500, { error: errorMessage(error) });
    }
  };
}

function parseRequest(body: Buffer): { success: true; repo: string | undefined } | { success: false; error: string } {
  let json: unknown;
  try {
    // An empty body means the same as {}.
    json = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
  } catch {
    return { success: false, error: "the body is not JSON" };
  }
  const result = SweepRequest.safeParse(json);
  if (!result.success) return { success: false, error: `expected {} or {"repo": "owner/name"}: ${result.error.issues.map((issue) => issue.message).join("; ")}` };
  return { success: true, repo: result.data.repo };
}

function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(`${JSON.stringify(body)}\n`);
  return true;
}
