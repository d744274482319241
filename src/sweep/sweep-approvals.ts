import { z } from "zod";
import { allPages } from "../github/all-pages.ts";
import type { GitHubClient, RepoName } from "../github/client.ts";
import { sameLabel } from "../github/labels.ts";
import { canWrite } from "../github/permissions.ts";
import { isBot } from "../intake/sender.ts";
import type { ListedIssue } from "./listed-issues.ts";

/** Who approved an issue for sweeps: a writer who applied its sweep label, or its author when a writer; none else. */
export type Approval = { approvedBy: string } | { approvedBy: undefined };

const IssueEvent = z.object({
  event: z.string(),
  actor: z.object({ login: z.string(), type: z.string() }).nullish(),
  label: z.object({ name: z.string() }).nullish(),
});

/**
 * Whether each issue counts for a sweep. A label alone is no approval: an issue template, a
 * triager or a workflow can add it. It counts when the person who last applied a sweep label
 * (the issue's `labeled` events) has write, maintain or admin permission, or when the issue's
 * author has. Permissions are asked once per person per sweep.
 */
export async function sweepApprovals(client: GitHubClient, where: RepoName, issues: readonly ListedIssue[], labels: readonly string[]): Promise<Map<number, Approval>> {
  const writers = new Map<string, Promise<boolean>>();
  const isWriter = (login: string): Promise<boolean> => {
    const known = writers.get(login) ?? canWrite(client, where.owner, where.repo, login);
    writers.set(login, known);
    return known;
  };
  const approvals = new Map<number, Approval>();
  for (const issue of issues) {
    const carried = labels.filter((label) => issue.labels?.some((on) => sameLabel(on, label)) ?? true);
    const candidates = [...(await lastLabellers(client, where, issue.number, carried)), ...(issue.user && !isBot(issue.user) ? [issue.user.login] : [])];
    let approvedBy: string | undefined;
    for (const login of candidates) {
      if (await isWriter(login)) {
        approvedBy = login;
        break;
      }
    }
    approvals.set(issue.number, { approvedBy });
  }
  return approvals;
}

/** The people (never bots) who last applied each of `labels` to the issue. */
async function lastLabellers(client: GitHubClient, where: RepoName, issueNumber: number, labels: readonly string[]): Promise<string[]> {
  const events = await allPages(IssueEvent, (page) =>
    client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/events", { owner: where.owner, repo: where.repo, issue_number: issueNumber, ...page }),
  );
  const last = new Map<string, { login: string; type: string } | null | undefined>();
  for (const event of events) {
    const name = event.label?.name;
    if (event.event !== "labeled" || !name) continue;
    const label = labels.find((wanted) => sameLabel(wanted, name));
    if (label !== undefined) last.set(label.toLowerCase(), event.actor);
  }
  return [...new Set([...last.values()].flatMap((actor) => (actor && !isBot(actor) ? [actor.login] : [])))];
}
