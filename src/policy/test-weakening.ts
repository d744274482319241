import type { ChangedFile } from "../workspace/numstat.ts";
import { isTestFile } from "./test-files.ts";
import { ASSERTION, ONLY, SKIP, TEST_CASE } from "./test-markers.ts";
import type { DiffLine, FilePatch } from "./unified-diff.ts";
import { parseUnifiedDiff } from "./unified-diff.ts";

export type WeakeningKind = "deleted-test-file" | "removed-test-case" | "added-skip" | "added-only" | "fewer-assertions";
export type WeakeningFinding = { path: string; kind: WeakeningKind; detail: string };

/**
 * Signs that a change made the tests easier to pass rather than the code correct. These are
 * flags for the reviewers (in the PR body), not blocks: deleting a test can be the right fix.
 */
export function checkTestWeakening(diff: { files: ChangedFile[]; patch: string }): WeakeningFinding[] {
  const findings = diff.files.flatMap(renamedAway);
  for (const file of parseUnifiedDiff(diff.patch)) {
    if (!isTestFile(file.path)) continue;
    if (file.deleted) findings.push({ path: file.path, kind: "deleted-test-file", detail: "This test file was deleted." });
    else findings.push(...weakenedLines(file));
  }
  return findings;
}

/** A test file renamed to a name the test runner no longer picks up is as good as deleted. */
function renamedAway(file: ChangedFile): WeakeningFinding[] {
  if (!file.oldPath || !isTestFile(file.oldPath) || isTestFile(file.path)) return [];
  return [{ path: file.oldPath, kind: "deleted-test-file", detail: `This test file was renamed to ${file.path}, which is not a test file.` }];
}

function weakenedLines(file: FilePatch): WeakeningFinding[] {
  const findings: WeakeningFinding[] = [];
  const cases = fewer(file, TEST_CASE);
  if (cases > 0) findings.push({ path: file.path, kind: "removed-test-case", detail: `${count(cases, "test case")} removed (${declared(file)}).` });
  for (const { line, text } of newlyAdded(file, SKIP)) {
    findings.push({ path: file.path, kind: "added-skip", detail: `Line ${line} skips a test: ${clip(text.trim())}` });
  }
  for (const { line, text } of newlyAdded(file, ONLY)) {
    findings.push({ path: file.path, kind: "added-only", detail: `Line ${line} runs only the focused tests: ${clip(text.trim())}` });
  }
  const assertions = fewer(file, ASSERTION);
  if (assertions > 0) findings.push({ path: file.path, kind: "fewer-assertions", detail: `${count(assertions, "assertion")} fewer (${matching(file.removed, ASSERTION)} removed, ${matching(file.added, ASSERTION)} added).` });
  return findings;
}

/** Added lines that match, except those that were only moved or re-indented (removed as they are). */
function newlyAdded(file: FilePatch, marker: RegExp): DiffLine[] {
  const removed = new Set(file.removed.filter(({ text }) => marker.test(text)).map(({ text }) => text.trim()));
  return file.added.filter(({ text }) => marker.test(text) && !removed.has(text.trim()));
}

/** How many more removed lines than added lines match. */
function fewer(file: FilePatch, marker: RegExp): number {
  return matching(file.removed, marker) - matching(file.added, marker);
}

function matching(lines: DiffLine[], marker: RegExp): number {
  return lines.filter(({ text }) => marker.test(text)).length;
}

function declared(file: FilePatch): string {
  return `${count(matching(file.removed, TEST_CASE), "declaration")} removed, ${matching(file.added, TEST_CASE)} added`;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? "" : "s"}`;
}
