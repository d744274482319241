import { z } from "zod";
import type { IssueContext } from "../agent/prompt/issue-context.ts";
import { PAGE_SIZE, pagesOf } from "./all-pages.ts";
import type { GitHubClient } from "./client.ts";
import type { IssueRef } from "./ensure-comment.ts";
import { canWrite } from "./permissions.ts";

const User = z.object({ login: z.string(), type: z.string().optional() });
const Issue = z.object({ title: z.string(), body: z.string().nullish(), html_url: z.string().optional(), comments: z.number().int().nonnegative().optional() });
const Comment = z.object({ body: z.string().nullish(), user: User.nullish() });
/** Enough for any issue a person would hand to an agent; a longer thread keeps its latest pages. */
const MAX_PAGES = 3;

/** The issue's title and body as a writer approved them when triggering the task. */
export type ApprovedText = { title: string; body: string };

/**
 * The issue as the agent sees it: the title and body a writer approved (the task's snapshot; the
 * live text for a task made before snapshots), the live text apart when it was edited since, and
 * the latest comments of people (bots left out), each marked by whether its author may write to
 * the repository. Text stays raw here; the prompt sanitises, caps and frames it.
 */
export async function fetchIssueContext(client: GitHubClient, issue: IssueRef, approved?: ApprovedText): Promise<IssueContext> {
  const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  const { data } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", params);
  const found = Issue.parse(data);
  const live = { title: found.title, body: found.body ?? "" };
  const task = approved ?? live;
  const edited = task.title !== live.title || task.body !== live.body;
  const comments = await latestComments(client, params, found.comments);
  const writers = new Map<string, Promise<boolean>>();
  const isWriter = (login: string) => {
    if (!writers.has(login)) writers.set(login, canWrite(client, issue.owner, issue.repo, login));
    return writers.get(login) ?? Promise.resolve(false);
  };
  const people = comments.filter((comment) => comment.user && comment.user.type !== "Bot" && comment.body);
  return {
    number: issue.issueNumber,
    title: task.title,
    body: task.body,
    url: found.html_url,
    comments: await Promise.all(
      people.map(async (comment) => ({ author: comment.user?.login ?? "", body: comment.body ?? "", writer: await isWriter(comment.user?.login ?? "") })),
    ),
    ...(edited && { edited: live }),
  };
}

/** The last MAX_PAGES pages of comments when the issue says how many it has (a flood cannot push out the latest), else the first. */
async function latestComments(client: GitHubClient, params: { owner: string; repo: string; issue_number: number }, count: number | undefined) {
  const lastPage = count === undefined ? MAX_PAGES : Math.max(1, Math.ceil(count / PAGE_SIZE));
  const comments: z.infer<typeof Comment>[] = [];
  const fetchPage = (page: { per_page: number; page: number }) => client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...params, ...page });
  for await (const batch of pagesOf(z.array(Comment), fetchPage, { first: Math.max(1, lastPage - MAX_PAGES + 1), last: lastPage })) comments.push(...batch);
  return comments;
}
