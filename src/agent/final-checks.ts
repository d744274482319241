import { scanPatchForSecrets } from "../policy/secret-scan.ts";
import { checkTestWeakening } from "../policy/test-weakening.ts";
import type { ChangedFile } from "../workspace/numstat.ts";
import type { AgentOutcome, Spend, TestRun } from "./outcome.ts";

/**
 * The last word on a change whose tests pass: a secret blocks it from ever being pushed;
 * test weakening is flagged for the reviewers.
 */
export function checkFinalDiff(
  diff: { files: ChangedFile[]; patch: string },
  facts: { summary: string; tests: TestRun; spend: Spend },
): AgentOutcome {
  const findings = scanPatchForSecrets(diff.patch);
  if (findings.length > 0) return { outcome: "blocked", findings, spend: facts.spend };
  const weakening = checkTestWeakening(diff);
  return { outcome: "changes-ready", summary: facts.summary, tests: facts.tests, files: diff.files, weakening, spend: facts.spend };
}
