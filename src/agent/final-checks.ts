import { posix } from "node:path";
import { checkWritePath, GIT_DIR_PATTERN } from "../policy/path-policy.ts";
import { scanPatchForSecrets } from "../policy/secret-scan.ts";
import { checkTestWeakening } from "../policy/test-weakening.ts";
import type { ChangedFile } from "../workspace/numstat.ts";
import type { ChangeFacts } from "../workspace/change-facts.ts";
import type { AgentOutcome, SecretBlock, Spend, TestRun } from "../tasks/agent-outcome.ts";

/**
 * The agent loop's own look at a change whose tests pass, when its caller diffs on the host
 * (a patch is there): a secret blocks it; test weakening is flagged for the reviewers. What is
 * delivered is checked again, frozen, by `frozenChangeFindings`.
 */
export function checkFinalDiff(
  diff: { files: ChangedFile[]; patch: string },
  facts: { summary: string; tests: TestRun; spend: Spend },
): AgentOutcome {
  const findings = diff.patch === "" ? [] : scanPatchForSecrets(diff.patch);
  if (findings.length > 0) return { outcome: "blocked", findings, spend: facts.spend };
  const weakening = diff.patch === "" ? [] : checkTestWeakening(diff);
  return { outcome: "changes-ready", summary: facts.summary, tests: facts.tests, files: diff.files, weakening, spend: facts.spend };
}

/** What the frozen tree changes against the base, read from objects (workspace/change-facts.ts), and `paths.deny`. */
export type FrozenChangeFacts = ChangeFacts & { deny: string[] };

/**
 * What keeps a frozen change from ever being pushed, whichever tool wrote it: a path the policy
 * denies (added, changed or deleted), a gitlink, a symbolic link out of the repository, and a
 * secret on any line the change adds, in any file, binary included.
 */
export function frozenChangeFindings(facts: FrozenChangeFacts): SecretBlock[] {
  return [...pathFindings(facts), ...scanPatchForSecrets(facts.textPatch)];
}

function pathFindings(facts: FrozenChangeFacts): SecretBlock[] {
  return facts.changes.flatMap((change): SecretBlock[] => {
    const verb = change.newMode === "000000" ? "deletes" : "writes";
    const decision = checkWritePath(change.path, facts.deny);
    if (!decision.allowed) {
      const kind = decision.pattern === GIT_DIR_PATTERN ? "git metadata" : `paths.deny ${decision.pattern}`;
      return [{ path: change.path, line: 0, kind, excerpt: `The change ${verb} a path the path policy denies.` }];
    }
    if (change.newMode === "160000") return [{ path: change.path, line: 0, kind: "gitlink", excerpt: "The change adds a gitlink (a submodule commit); Ferry never delivers one." }];
    const target = facts.linkTargets.get(change.path);
    if (change.newMode === "120000" && target !== undefined && pointsOutside(change.path, target)) {
      return [{ path: change.path, line: 0, kind: "symbolic link", excerpt: "The change adds a symbolic link that points outside the repository or into .git." }];
    }
    return [];
  });
}

/** Out of the checkout, or into its `.git` (where a CI checkout keeps its credentials). */
function pointsOutside(path: string, target: string): boolean {
  if (posix.isAbsolute(target)) return true;
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return resolved === ".." || resolved.startsWith("../") || resolved.split("/").some((part) => part.toLowerCase() === ".git");
}
