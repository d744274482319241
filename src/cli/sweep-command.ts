import { parseSweepArgs, SWEEP_USAGE } from "./sweep-args.ts";
import { sweepTargetFrom } from "./sweep-env.ts";
import { requestSweep } from "./sweep-request.ts";
import { renderSweepSummary } from "./sweep-summary.ts";

export type Output = { out(text: string): void; err(text: string): void };

/**
 * `ferry sweep --now [owner/repo]`. Returns the exit code: 0 when the server swept, 1 when it
 * answered with an error, 2 for a usage or environment problem or when no server answered.
 */
export async function runSweepCommand(argv: string[], env: Record<string, string | undefined>, io: Output, fetchImpl: typeof fetch = fetch): Promise<number> {
  const parsed = parseSweepArgs(argv);
  if (!parsed.ok) {
    io.err(`ferry sweep: ${parsed.problem}\n\n${SWEEP_USAGE}\n`);
    return 2;
  }
  if (parsed.args.help) {
    io.out(`${SWEEP_USAGE}\n`);
    return 0;
  }
  const target = sweepTargetFrom(env);
  if (!target.ok) {
    io.err(`ferry sweep: ${target.problem}\n`);
    return 2;
  }
  const answer = await requestSweep(target.target, parsed.args.repo, fetchImpl);
  if (answer.kind === "unreachable") {
    io.err(`ferry sweep: ${answer.message}. Start it with \`npm start\`, or set FERRY_URL to where it runs.\n`);
    return 2;
  }
  if (answer.kind === "error") {
    const hint = answer.status === 401 ? " (is WEBHOOK_SECRET the server's?)" : "";
    io.err(`ferry sweep: the server answered ${answer.status}: ${answer.message}${hint}\n`);
    return 1;
  }
  io.out(renderSweepSummary(answer.report));
  return answer.status === 200 ? 0 : 1;
}
