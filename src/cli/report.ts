import type { AgentOutcome } from "../tasks/agent-outcome.ts";
import { describeOutcome } from "../agent/describe-outcome.ts";
import type { ChangedFile } from "../workspace/numstat.ts";

export type RunReport = { outcome: AgentOutcome; branch: string | undefined; trajectoryPath: string | undefined };

/** What `ferry run` prints at the end: the outcome, the diff stat, tokens, cost and the trajectory. */
export function renderReport({ outcome, branch, trajectoryPath }: RunReport): string {
  const lines = [`Outcome: ${outcome.outcome} — ${describeOutcome(outcome)}`];
  if (outcome.outcome === "changes-ready") {
    lines.push("", ...diffStat(outcome.files));
    for (const flag of outcome.weakening) lines.push(`Test weakening: ${flag.path}: ${flag.detail}`);
  }
  if (branch) lines.push("", `Branch: ${branch}`);
  const { spend } = outcome;
  lines.push(
    "",
    `Steps: ${spend.steps}, minutes: ${spend.minutes.toFixed(1)}`,
    `Tokens: ${spend.inputTokens} in (${spend.cachedInputTokens} cached), ${spend.outputTokens} out (${spend.reasoningTokens} reasoning)`,
    `Cost: ${spend.costUsd === null ? "unknown (no price for this model; set FERRY_MODEL_PRICE)" : `$${spend.costUsd.toFixed(4)}`}`,
  );
  if (trajectoryPath) lines.push(`Trajectory: ${trajectoryPath}`);
  return `${lines.join("\n")}\n`;
}

function diffStat(files: ChangedFile[]): string[] {
  const rows = files.map((file) => {
    const counts = file.binary ? "binary" : `+${file.added} -${file.deleted}`;
    return ` ${file.oldPath ? `${file.oldPath} → ${file.path}` : file.path} | ${counts}`;
  });
  const added = files.reduce((sum, file) => sum + (file.added ?? 0), 0);
  const deleted = files.reduce((sum, file) => sum + (file.deleted ?? 0), 0);
  return [...rows, ` ${files.length} ${files.length === 1 ? "file" : "files"} changed, +${added} -${deleted}`];
}

/** The report for `--json`: the last line on stdout, the outcome whole as the task result stores it. */
export function reportJson({ outcome, branch, trajectoryPath }: RunReport): string {
  return `${JSON.stringify({ event: "report", outcome: outcome.outcome, describe: describeOutcome(outcome), branch: branch ?? null, trajectory: trajectoryPath ?? null, result: outcome })}\n`;
}
