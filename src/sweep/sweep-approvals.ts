import { sameLabel } from "../github/labels.ts";
import { canWrite } from "../github/permissions.ts";
import type { Author, GitHub, IssueRef, RepoName } from "../github/platform.ts";
import { isBot } from "../intake/sender.ts";
import type { ListedIssue } from "./listed-issues.ts";

/** Who approved an issue for sweeps: a writer who applied its sweep label, or its author when a writer; none else. */
export type Approval = { approvedBy: string } | { approvedBy: undefined };

/**
 * Whether each issue counts for a sweep. A label alone is no approval: an issue template, a
 * triager or a workflow can add it. It counts when the person who last applied a sweep label
 * (the issue's `labeled` events) has write, maintain or admin permission, or when the issue's
 * author has. Permissions are asked once per person per sweep.
 */
export async function sweepApprovals(github: GitHub, where: RepoName, issues: readonly ListedIssue[], labels: readonly string[]): Promise<Map<number, Approval>> {
  const writers = new Map<string, Promise<boolean>>();
  const isWriter = (login: string): Promise<boolean> => {
    const known = writers.get(login) ?? canWrite(github, where.owner, where.repo, login);
    writers.set(login, known);
    return known;
  };
  const approvals = new Map<number, Approval>();
  for (const issue of issues) {
    const carried = labels.filter((label) => issue.labels?.some((on) => sameLabel(on, label)) ?? true);
    const candidates = [...(await lastLabellers(github, { ...where, issueNumber: issue.number }, carried)), ...personOf(issue.author)];
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
async function lastLabellers(github: GitHub, issue: IssueRef, labels: readonly string[]): Promise<string[]> {
  const last = new Map<string, Author | null>();
  for (const event of await github.labelEvents(issue)) {
    const label = labels.find((wanted) => sameLabel(wanted, event.label));
    if (label !== undefined) last.set(label.toLowerCase(), event.actor);
  }
  return [...new Set([...last.values()].flatMap(personOf))];
}

/** The login of a person; nothing for a bot or a deleted account. */
const personOf = (author: Author | null): string[] => (author && !isBot({ login: author.login, type: author.type ?? "" }) ? [author.login] : []);
