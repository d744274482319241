import { FERRY_LABEL } from "../github/ferry-pulls.ts";
import { isFerrys, type AccountOf } from "../github/ferry-account.ts";
import { BACKLOG_MARKER } from "../github/markers.ts";
import type { GitHub, RepoName } from "../github/platform.ts";
import { BACKLOG_TITLE } from "./backlog-body.ts";

export type BacklogResult = { number: number; action: "created" | "updated" | "unchanged" };

/**
 * The one open "Ferry backlog" issue: found among open issues labelled `ferry` that Ferry's own
 * bot opened and whose body carries the marker (anyone else's, another App's included, is never
 * edited); created when missing, edited only when its body changed.
 */
export async function ensureBacklogIssue(github: GitHub, where: RepoName, body: string, accountOf: AccountOf): Promise<BacklogResult> {
  const labelled = await github.listOpenIssues(where, FERRY_LABEL);
  const marked = labelled.filter((issue) => issue.body.includes(BACKLOG_MARKER));
  const account = marked.length > 0 ? await accountOf() : undefined;
  const existing = marked.filter((issue) => account && isFerrys(account, issue.author)).sort((a, b) => a.number - b.number)[0];
  if (existing?.body === body) return { number: existing.number, action: "unchanged" };
  if (existing) {
    await github.updateIssue({ ...where, issueNumber: existing.number }, { body });
    return { number: existing.number, action: "updated" };
  }
  const created = await github.createIssue(where, { title: BACKLOG_TITLE, body, labels: [FERRY_LABEL] });
  return { number: created.number, action: "created" };
}
