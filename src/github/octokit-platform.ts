import { z } from "zod";
import { errorMessage } from "../error-message.ts";
import { allPages, pagesOf } from "./all-pages.ts";
import type { GitHubClient } from "./client.ts";
import { httpStatusOf, isNotFound } from "./http-status.ts";
import { reviewThreadsOf } from "./octokit-review-threads.ts";
import { COMMENT_PAGE_SIZE, type CompletedCheckRun, type GitHub, type IssueRef, type PageRange, type PullRef, type RepoFile } from "./platform.ts";
import * as Shape from "./rest-shapes.ts";

/**
 * The platform over GitHub's REST API (and GraphQL for review threads). Every call goes through
 * `client.request`, so the client's hooks still apply: Ferry's Octokit names an unreachable
 * GitHub and cuts calls off on stop, a counting client counts. GitHub's errors pass through
 * as Octokit throws them, except the answers a verb turns into a value (a 404 permission is
 * `none`, a 404 file is absent, a 422 reviewer is refused).
 */
export function octokitPlatform(client: GitHubClient): GitHub {
  const ids = (where: { owner: string; repo: string }) => ({ owner: where.owner, repo: where.repo });
  const issueIds = (issue: IssueRef) => ({ ...ids(issue), issue_number: issue.issueNumber });
  const pullIds = (pull: PullRef) => ({ ...ids(pull), pull_number: pull.pull });
  const checkFields = (run: CompletedCheckRun) =>
    ({
      name: run.name,
      ...(run.externalId === undefined ? {} : { external_id: run.externalId }),
      status: "completed",
      conclusion: run.conclusion,
      output: { title: run.title, summary: run.summary },
    }) as const;

  return {
    async getIssue(issue) {
      return Shape.IssueShape.parse((await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", issueIds(issue))).data);
    },
    async listOpenIssues(repo, label) {
      const listed = await allPages(Shape.ListedIssueShape, (page) => client.request("GET /repos/{owner}/{repo}/issues", { ...ids(repo), state: "open", labels: label, ...page }));
      return listed.flatMap((entry) => (entry.isPull ? [] : [entry.issue]));
    },
    async labelEvents(issue) {
      const events = await allPages(Shape.IssueEventShape, (page) => client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/events", { ...issueIds(issue), ...page }));
      return events.flatMap((event) => (event.event === "labeled" && event.label ? [{ label: event.label.name, actor: event.actor ? { login: event.actor.login, type: event.actor.type } : null }] : []));
    },
    async createIssue(repo, issue) {
      const created = await client.request("POST /repos/{owner}/{repo}/issues", { ...ids(repo), ...issue });
      return { number: Shape.CreatedIssue.parse(created.data).number };
    },
    async *issueComments(issue, { first = 1, last = Infinity }: PageRange = {}) {
      for (let page = first; page <= last; page++) {
        const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issueIds(issue), per_page: COMMENT_PAGE_SIZE, page });
        const comments = z.array(Shape.IssueCommentShape).parse(response.data);
        yield comments;
        if (comments.length < COMMENT_PAGE_SIZE) return;
      }
    },
    async createComment(issue, body) {
      const created = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...issueIds(issue), body });
      return { id: Shape.Created.parse(created.data).id };
    },
    async updateComment(repo, commentId, body) {
      await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...ids(repo), comment_id: commentId, body });
    },
    async react(target, content) {
      if (target.kind === "issue") await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", { ...issueIds(target.issue), content });
      else if (target.kind === "issue-comment") await client.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", { ...ids(target.repo), comment_id: target.commentId, content });
      else await client.request("POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", { ...ids(target.repo), comment_id: target.commentId, content });
    },
    async updateIssue(issue, changes) {
      await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...issueIds(issue), ...changes });
    },

    async permissionOf(repo, login) {
      try {
        const response = await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...ids(repo), username: login });
        return Shape.PermissionShape.parse(response.data);
      } catch (error) {
        // GitHub answers 404 for users who are not collaborators at all.
        if (isNotFound(error)) return { level: "none", role: undefined };
        throw error;
      }
    },
    async readFile(repo, path, ref) {
      try {
        const response = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { ...ids(repo), ref, path });
        return fileOf(response.data);
      } catch (error) {
        if (isNotFound(error)) return { kind: "absent" };
        throw error;
      }
    },
    async branchHeadSha(repo, branch) {
      const response = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...ids(repo), ref: `heads/${branch}` });
      return Shape.RefShape.parse(response.data).object.sha;
    },
    async deleteBranch(repo, branch) {
      try {
        await client.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...ids(repo), ref: `heads/${branch}` });
        return true;
      } catch (error) {
        // GitHub answers 422 (Reference does not exist) as often as 404 for a branch already gone.
        const status = httpStatusOf(error);
        if (status === 404 || status === 422) return false;
        throw error;
      }
    },

    async checkRuns(repo, headSha, name) {
      const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { ...ids(repo), ref: headSha, check_name: name, filter: "all", per_page: 100 });
      return Shape.CheckRunsShape.parse(response.data).check_runs.map((run) => ({ id: run.id, externalId: run.external_id ?? undefined }));
    },
    async createCheckRun(repo, headSha, run) {
      const created = await client.request("POST /repos/{owner}/{repo}/check-runs", { ...ids(repo), head_sha: headSha, ...checkFields(run) });
      return { id: Shape.Created.parse(created.data).id };
    },
    async updateCheckRun(repo, id, run) {
      await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { ...ids(repo), check_run_id: id, ...checkFields(run) });
    },

    async listPulls(repo, { state, base }) {
      return allPages(Shape.PullShape, (page) => client.request("GET /repos/{owner}/{repo}/pulls", { ...ids(repo), state, ...(base === undefined ? {} : { base }), ...page }));
    },
    async createPull(repo, pull) {
      return Shape.PullShape.parse((await client.request("POST /repos/{owner}/{repo}/pulls", { ...ids(repo), ...pull })).data);
    },
    async updatePull(pull, changes) {
      await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...pullIds(pull), ...changes });
    },
    async requestReviewers(pull, reviewers) {
      try {
        await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", { ...pullIds(pull), reviewers });
        return { kind: "requested" };
      } catch (error) {
        if (httpStatusOf(error) === 422) return { kind: "refused", reason: errorMessage(error) };
        throw error;
      }
    },

    async getReview(pull, reviewId) {
      const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}", { ...pullIds(pull), review_id: reviewId });
      return Shape.ReviewShape.parse(response.data);
    },
    async reviewComments(pull, reviewId) {
      return allPages(Shape.ReviewCommentShape, (page) =>
        client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", { ...pullIds(pull), review_id: reviewId, ...page }),
      );
    },
    async pullComments(pull) {
      return allPages(Shape.PullCommentShape, (page) => client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", { ...pullIds(pull), ...page }));
    },
    async replyToReviewComment(pull, commentId, body) {
      await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies", { ...pullIds(pull), comment_id: commentId, body });
    },
    reviewThreads: (pull) => reviewThreadsOf(client, pull),

    async getRepository(repo) {
      return Shape.RepositoryShape.parse((await client.request("GET /repos/{owner}/{repo}", ids(repo))).data);
    },
    async installationRepos() {
      const repos = [];
      for await (const batch of pagesOf(Shape.RepositoryPageShape, (page) => client.request("GET /installation/repositories", page))) repos.push(...batch);
      return repos;
    },

    async appSlug() {
      return Shape.AppShape.parse((await client.request("GET /app")).data).slug;
    },
    async installations() {
      return allPages(Shape.InstallationShape, (page) => client.request("GET /app/installations", page));
    },
    async installationOf(repo) {
      try {
        return Shape.InstallationShape.parse((await client.request("GET /repos/{owner}/{repo}/installation", ids(repo))).data).id;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}

function fileOf(data: unknown): RepoFile {
  const file = Shape.ContentFile.safeParse(data);
  if (!file.success) return { kind: "not-a-file" };
  if (file.data.encoding !== "base64") return { kind: "too-large" };
  return { kind: "file", text: Buffer.from(file.data.content, "base64").toString("utf8") };
}
