import { signSweepRequest } from "../sweep/sweep-signature.ts";
import { SweepReport } from "../sweep/sweep-report.ts";
import type { SweepTarget } from "./sweep-env.ts";

/** What the server said: a report (with its HTTP status), an error, or nothing at all. */
export type SweepAnswer =
  | { kind: "report"; status: number; report: SweepReport }
  | { kind: "error"; status: number; message: string }
  | { kind: "unreachable"; message: string };

/** Posts a sweep request, signed with its timestamp, to the running server. `fetch` is a parameter so tests can watch it. */
export async function requestSweep(target: SweepTarget, repo: string | undefined, fetchImpl: typeof fetch = fetch): Promise<SweepAnswer> {
  const body = JSON.stringify(repo === undefined ? {} : { repo });
  let response: Response;
  try {
    response = await fetchImpl(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signSweepRequest(target.secret, body) },
      body,
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { kind: "unreachable", message: `Ferry is not running at ${new URL(target.url).origin} (${cause})` };
  }
  const json = parseJson(await response.text());
  const report = SweepReport.safeParse(json);
  if (report.success) return { kind: "report", status: response.status, report: report.data };
  const message = typeof json === "object" && json !== null && "error" in json ? String(json.error) : `an unexpected answer (HTTP ${response.status})`;
  return { kind: "error", status: response.status, message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
