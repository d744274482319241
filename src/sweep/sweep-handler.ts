import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBodyWithin, refuseTooLarge } from "../github/webhook-server/request-body.ts";
import { SWEEP_SIGNATURE_HEADER, verifySweepSignature } from "./sweep-signature.ts";
import type { SweepReport } from "./sweep-report.ts";

export const SWEEP_ROUTE = "/ferry/sweep";
const MAX_BODY_BYTES = 16 * 1024;

/** `{}` sweeps every repository, `{"repo": "owner/name"}` one. */
export const SweepRequest = z.strictObject({
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, { error: "repo must look like owner/name" })
    .optional(),
});

/**
 * `POST /ferry/sweep`, signed with WEBHOOK_SECRET: an operator's sweep pass, answered with its
 * report. Returns false for other paths so the server's next handler takes them.
 */
export function sweepHandler(secret: string, runNow: (repo?: string) => Promise<SweepReport>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (new URL(request.url ?? "/", "http://ferry").pathname !== SWEEP_ROUTE) return false;
    if (request.method !== "POST") return reply(response, 405, { error: "use POST" }, { allow: "POST" });
    const read = await readBodyWithin(request, MAX_BODY_BYTES);
    if (read.kind === "too-large") return refuseTooLarge(response, MAX_BODY_BYTES);
    if (read.kind === "aborted") return true;
    const { body } = read;
    if (!verifySweepSignature(secret, body, request.headers[SWEEP_SIGNATURE_HEADER])) {
      return reply(response, 401, { error: `missing or wrong ${SWEEP_SIGNATURE_HEADER} (HMAC-SHA256 of the body with WEBHOOK_SECRET)` });
    }
    const parsed = parseRequest(body);
    if (!parsed.success) return reply(response, 400, { error: parsed.error });
    try {
      const report = await runNow(parsed.repo);
      const notFound = report.repositories.some((repo) => repo.status === "not-installed");
      return reply(response, notFound ? 404 : 200, report);
    } catch (error) {
      return reply(response, 500, { error: error instanceof Error ? error.message : String(error) });
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
