import { z } from "zod";
import type { IssueContext } from "../agent/prompt/issue-context.ts";
import type { GitHubClient } from "./client.ts";
import type { IssueRef } from "./ensure-comment.ts";
import { canWrite } from "./permissions.ts";

const User = z.object({ login: z.string(), type: z.string().optional() });
const Issue = z.object({ title: z.string(), body: z.string().nullish(), html_url: z.string().optional() });
const Comment = z.object({ body: z.string().nullish(), user: User.nullish() });
const PAGE_SIZE = 100;
/** Enough for any issue a person would hand to an agent; a thread past this is cut, oldest kept. */
const MAX_PAGES = 3;

/**
 * The issue as the agent sees it: title, body and the comments of people (bots left out),
 * each marked by whether its author may write to the repository. Text stays raw here;
 * the prompt sanitises and frames it.
 */
export async function fetchIssueContext(client: GitHubClient, issue: IssueRef): Promise<IssueContext> {
  const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  const { data } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", params);
  const found = Issue.parse(data);
  const comments: z.infer<typeof Comment>[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...params, per_page: PAGE_SIZE, page });
    const batch = z.array(Comment).parse(response.data);
    comments.push(...batch);
    if (batch.length < PAGE_SIZE) break;
  }
  const writers = new Map<string, Promise<boolean>>();
  const isWriter = (login: string) => {
    if (!writers.has(login)) writers.set(login, canWrite(client, issue.owner, issue.repo, login));
    return writers.get(login) ?? Promise.resolve(false);
  };
  const people = comments.filter((comment) => comment.user && comment.user.type !== "Bot" && comment.body);
  return {
    number: issue.issueNumber,
    title: found.title,
    body: found.body ?? "",
    url: found.html_url,
    comments: await Promise.all(
      people.map(async (comment) => ({ author: comment.user?.login ?? "", body: comment.body ?? "", writer: await isWriter(comment.user?.login ?? "") })),
    ),
  };
}
