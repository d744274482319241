import type { PrefixCheck } from "../stack/stack-part.ts";
import { defuseReferences } from "../../github/defuse-references.ts";
import { inlineCode } from "../../github/markdown.ts";
import { keptOnServer } from "../status/public-trajectory.ts";
import { count, oneLine } from "./markdown.ts";
import { evidenceMarkdown } from "../status/evidence-markdown.ts";
import type { PartToPublish, PublishRequest } from "./publish-request.ts";

/* The evidence sections of a part's body: its test check, its flags, what the run spent. */

/** What was tested: this part alone is part 1; later parts are checked with everything below them. */
function checkedTree(index: number, total: number): string {
  if (total === 1) return "the change";
  return index === 1 ? "part 1" : `parts 1–${index} together`;
}

export function testLines(check: PrefixCheck | undefined, index: number, total: number): string[] {
  const tree = checkedTree(index, total);
  if (!check) return ["### Tests", "", `Not checked: the tests were not run on ${tree}. The last part's check covers the whole stack.`];
  const seconds = `${(check.durationMs / 1000).toFixed(1)} s`;
  const exit = check.exitCode === null ? "no exit code" : `exit code ${check.exitCode}`;
  const verdict = check.timedOut ? "⏱️ timed out" : check.passed ? "✅ passed" : "❌ failed";
  const lines = ["### Tests", "", `${inlineCode(check.command)} on ${tree}: ${verdict} (${exit}, ${seconds}).`];
  // Judged against the base; a later part's list includes what the parts below it turned green.
  if (check.evidence?.mode === "per-test") lines.push("", evidenceMarkdown(check.evidence));
  return lines;
}

export function flagLines(request: PublishRequest, part: PartToPublish): string[] {
  const paths = new Set(part.files.map((file) => file.path));
  const weakening = request.weakening.filter((flag) => paths.has(flag.path));
  const notes: string[] = [];
  if (weakening.length > 0) {
    const items = weakening.map((flag) => `> - ${inlineCode(flag.path)} (${flag.kind}): ${defuseReferences(oneLine(flag.detail))}`);
    notes.push(["> [!WARNING]", "> **Tests may have been weakened** in this part. Check these before merging:", ...items].join("\n"));
  }
  if (part.oversize) {
    const files = part.files.map((file) => inlineCode(file.path)).join(", ");
    notes.push(`> [!NOTE]\n> **Over the size limit** (${count(part.lines)} lines): ${files} could not be split.`);
  }
  if (part.merged) notes.push(`> [!NOTE]\n> **Merged with a neighbouring part**: ${defuseReferences(oneLine(part.merged))}`);
  return notes.length === 0 ? [] : ["### Flags", "", notes.join("\n\n")];
}

export function runLines(request: PublishRequest): string[] {
  const { spend, trajectory } = request;
  const cost = spend.costUsd === null ? "cost unknown" : `$${spend.costUsd.toFixed(2)}`;
  const tokens =
    `${count(spend.inputTokens)} input tokens (${count(spend.cachedInputTokens)} cached) · ` +
    `${count(spend.outputTokens)} output tokens (${count(spend.reasoningTokens)} reasoning)`;
  const where = trajectory.url
    ? `[the agent's trajectory](${trajectory.url})`
    : trajectory.path
      ? `the agent's trajectory is ${keptOnServer(trajectory.path)}`
      : "no trajectory was kept";
  return ["### The run", "", `${spend.steps} steps · ${spend.minutes.toFixed(1)} min · ${tokens} · ${cost}`, "", `Details: ${where}.`];
}
