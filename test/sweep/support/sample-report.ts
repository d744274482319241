import type { SweepReport } from "../../../src/sweep/sweep-report.ts";

/** A report as a pass over two opted-in repositories and two others might give. */
export const SAMPLE_REPORT: SweepReport = {
  repositories: [
    {
      repo: "octo-org/widgets",
      status: "swept",
      dueAt: "now",
      picked: [{ number: 3, title: "Fix the parser", why: "opened 2025-01-03, 2 👍", taskId: 12 }],
      skipped: [
        { number: 4, title: "Locked one", code: "locked", reason: "the issue is locked" },
        { number: 5, title: "Later", code: "limit", reason: "1 per sweep at most (sweep.maxPerRun)" },
      ],
      limits: { maxPerRun: 1, openPulls: 2, maxOpenPRs: 5, spentUsd: 1.5, maxUsdPerDay: 10 },
    },
    {
      repo: "octo-org/gadgets",
      status: "dry-run",
      dueAt: "now",
      picked: [{ number: 8, title: "Evil \u001b[31mred\u001b[0m title", why: "opened 2025-02-01" }],
      skipped: [],
      backlogIssue: 77,
    },
    { repo: "octo-org/docs", status: "not-opted-in", dueAt: "now", reason: "no sweep: in .github/agent.yml", picked: [], skipped: [] },
    { repo: "octo-org/site", status: "not-opted-in", dueAt: "now", reason: "no sweep: in .github/agent.yml", picked: [], skipped: [] },
  ],
};
