import type { TestEvidence } from "../tasks/test-evidence.ts";

/** Names shown per list in a comment or a prompt; the check run's summary shows all that were kept. */
export const SHOWN_NAMES = 10;

export type EvidenceFormat = {
  /** How one test name is written: plain for the agent, inline code (defused) on GitHub. */
  name: (name: string) => string;
  /** Most names shown per list. */
  shown: number;
};

const PLAIN: EvidenceFormat = { name: (name) => name, shown: SHOWN_NAMES };

/**
 * The evidence in sentences, one per line: what turned green, what broke (always said, "none"
 * included), what was red before, what flipped, what was added or went away. Test names are the
 * repository's text: `format.name` decides how they are made safe for where they are shown.
 */
export function evidenceLines(evidence: TestEvidence, format: EvidenceFormat = PLAIN): string[] {
  if (evidence.mode === "exit-code") return [`Judged by the exit code alone: ${evidence.why ?? "no per-test outcomes"}.`];
  const { counts } = evidence;
  const list = (names: string[], total: number) => {
    const shown = names.slice(0, format.shown).map(format.name).join(", ");
    return total > Math.min(names.length, format.shown) ? `${shown}, and ${total - Math.min(names.length, format.shown)} more` : shown;
  };
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines: string[] = [];
  if (counts.newlyPassing > 0) lines.push(`Newly passing (failed on the base): ${plural(counts.newlyPassing, "test")}: ${list(evidence.newlyPassing, counts.newlyPassing)}.`);
  if (counts.added > 0) lines.push(`Added and passing: ${plural(counts.added, "test")}: ${list(evidence.added, counts.added)}.`);
  lines.push(counts.regressions === 0 ? "Regressions: none." : `Regressions (passed on the base or new, fail now): ${plural(counts.regressions, "test")}: ${list(evidence.regressions, counts.regressions)}.`);
  if (evidence.commandRegressed) lines.push("The test command failed though no test did, and it passed on the base.");
  if (counts.preExisting > 0) lines.push(`Pre-existing failures (failed on the base too, not blocking): ${plural(counts.preExisting, "test")}: ${list(evidence.preExisting, counts.preExisting)}.`);
  if (counts.flaky > 0) lines.push(`Flaky (failed, then passed on a re-run): ${plural(counts.flaky, "test")}: ${list(evidence.flaky, counts.flaky)}.`);
  if (counts.disappeared > 0) lines.push(`Passed on the base, gone or skipped now: ${plural(counts.disappeared, "test")}: ${list(evidence.disappeared, counts.disappeared)}.`);
  if (evidence.why) lines.push(`Not ready: ${evidence.why}.`);
  return lines;
}

/** What the agent is told before it starts: which tests were already red, and how it is judged. */
export function baselineBrief(command: string, evidence: { failing: string[]; failingCount: number; passingCount: number }): string {
  const red =
    evidence.failingCount === 0
      ? "Every test passes on the base."
      : `${evidence.failingCount === 1 ? "1 test already fails" : `${evidence.failingCount} tests already fail`} on the base: ${evidence.failing.slice(0, SHOWN_NAMES).join(", ")}${evidence.failingCount > SHOWN_NAMES ? ", …" : ""}. They are not your job unless the issue is about them.`;
  return [
    `Before you started, Ferry ran \`${command}\` on the untouched base: ${evidence.passingCount === 1 ? "1 test passes" : `${evidence.passingCount} tests pass`}.`,
    red,
    "Ferry judges your change test by test: no test that passes on the base may fail, and at least one test that fails on the base must pass, or your change must add a passing test for what the issue asks.",
  ].join(" ");
}
