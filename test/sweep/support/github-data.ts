/** Issues and pull requests as GitHub's REST lists return them, with the fields sweeps read. */

export type IssueOverrides = {
  title?: string;
  body?: string;
  locked?: boolean;
  createdAt?: string;
  updatedAt?: string;
  plusOnes?: number;
  user?: { login: string; type: "User" | "Bot" };
  pullRequest?: boolean;
  labels?: string[];
};

export function listedIssue(number: number, overrides: IssueOverrides = {}) {
  const createdAt = overrides.createdAt ?? `2025-01-${String(number % 28 || 28).padStart(2, "0")}T10:00:00Z`;
  return {
    number,
    title: overrides.title ?? `Issue ${number}`,
    body: overrides.body ?? "Please fix.",
    state: "open",
    locked: overrides.locked ?? false,
    created_at: createdAt,
    updated_at: overrides.updatedAt ?? createdAt,
    user: overrides.user ?? { login: "reporter", type: "User" },
    labels: (overrides.labels ?? ["agent-backlog"]).map((name) => ({ name })),
    reactions: { "+1": overrides.plusOnes ?? 0, "-1": 0 },
    ...(overrides.pullRequest ? { pull_request: { url: `https://api.github.com/repos/o/r/pulls/${number}` } } : {}),
  };
}

export type PullOverrides = { state?: "open" | "closed"; merged?: boolean; part?: number; fork?: boolean; ref?: string };

/** A pull request of Ferry's stack for `issue`, from the repository itself unless `fork`. */
export function listedPull(number: number, issue: number, overrides: PullOverrides = {}) {
  const merged = overrides.merged ?? false;
  return {
    number,
    html_url: `https://github.com/octo-org/widgets/pull/${number}`,
    title: `Part ${overrides.part ?? 1} of #${issue}`,
    body: "<!-- ferry -->",
    state: overrides.state ?? (merged ? "closed" : "open"),
    merged_at: merged ? "2025-02-01T00:00:00Z" : null,
    labels: [{ name: "ferry" }],
    head: {
      ref: overrides.ref ?? `agent/issue-${issue}/part-${overrides.part ?? 1}`,
      sha: "c".repeat(40),
      repo: { full_name: overrides.fork ? "someone/widgets" : "octo-org/widgets" },
    },
    base: { ref: "main" },
  };
}
