import { expect, test } from "@jest/globals";
import { renderSweepSummary } from "../../src/cli/sweep-summary.ts";
import { notSwept } from "../../src/sweep/sweep-report.ts";
import { SAMPLE_REPORT } from "./support/sample-report.ts";

test("the summary says per repository what was started or skipped and why; the idle ones share a line", () => {
  expect(renderSweepSummary(SAMPLE_REPORT)).toBe(
    [
      "octo-org/widgets: swept",
      "  started #3 Fix the parser → task 12 (opened 2025-01-03, 2 👍)",
      "  skipped #4 Locked one: the issue is locked",
      "  skipped #5 Later: 1 per sweep at most (sweep.maxPerRun)",
      "  limits: 1 per sweep; 2 of 5 agent pull requests open; $1.50 of $10.00 spent today (UTC)",
      "octo-org/gadgets: dry run, nothing started; backlog issue #77",
      "  would pick #8 Evil  [31mred [0m title (opened 2025-02-01)",
      "Not opted in (no sweep: in .github/agent.yml): octo-org/docs, octo-org/site",
      "",
    ].join("\n"),
  );
});

test("issue titles cannot send control characters to the terminal", () => {
  expect(renderSweepSummary(SAMPLE_REPORT)).not.toContain("\u001b");
});

test("a named repository that did not opt in gets its own line with the reason", () => {
  const report = { repositories: [notSwept("octo-org/docs", "now", "not-opted-in", "no sweep: in .github/agent.yml")] };
  expect(renderSweepSummary(report)).toBe("octo-org/docs: not opted in (no sweep: in .github/agent.yml)\n");
});

test("no repositories at all is said plainly", () => {
  expect(renderSweepSummary({ repositories: [] })).toBe("No repositories: the App is not installed on any yet.\n");
});
