import type { IssueContext } from "../agent/prompt/issue-context.ts";
import { COMMENT_PAGE_SIZE, type GitHub, type IssueComment, type IssueRef } from "./platform.ts";
import { canWrite } from "./permissions.ts";

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
export async function fetchIssueContext(github: GitHub, issue: IssueRef, approved?: ApprovedText): Promise<IssueContext> {
  const found = await github.getIssue(issue);
  const live = { title: found.title, body: found.body };
  const task = approved ?? live;
  const edited = task.title !== live.title || task.body !== live.body;
  const comments = await latestComments(github, issue, found.commentCount);
  const writers = new Map<string, Promise<boolean>>();
  const isWriter = (login: string) => {
    if (!writers.has(login)) writers.set(login, canWrite(github, issue.owner, issue.repo, login));
    return writers.get(login) ?? Promise.resolve(false);
  };
  const people = comments.flatMap((comment) => (comment.author && comment.author.type !== "Bot" && comment.body ? [{ author: comment.author.login, body: comment.body }] : []));
  return {
    number: issue.issueNumber,
    title: task.title,
    body: task.body,
    url: found.url,
    comments: await Promise.all(people.map(async (comment) => ({ ...comment, writer: await isWriter(comment.author) }))),
    ...(edited && { edited: live }),
  };
}

/** The last MAX_PAGES pages of comments when the issue says how many it has (a flood cannot push out the latest), else the first. */
async function latestComments(github: GitHub, issue: IssueRef, count: number | undefined): Promise<IssueComment[]> {
  const last = count === undefined ? MAX_PAGES : Math.max(1, Math.ceil(count / COMMENT_PAGE_SIZE));
  const comments: IssueComment[] = [];
  for await (const batch of github.issueComments(issue, { first: Math.max(1, last - MAX_PAGES + 1), last })) comments.push(...batch);
  return comments;
}
