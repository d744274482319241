import type { CheckRun, Comment, Issue, Pull, Repository, Review, ReviewComment, User } from "./state.ts";

/** The JSON GitHub answers with, built from the stand-in's records (the fields clients read). */

let userIds = 0;
const ids = new Map<string, number>();
const userId = (login: string): number => {
  if (!ids.has(login)) ids.set(login, ++userIds);
  return ids.get(login) ?? 0;
};

export function userShape(user: User, web: string) {
  return { login: user.login, id: userId(user.login), node_id: `U_${user.login}`, type: user.type, site_admin: false, html_url: `${web}/${user.login}` };
}

export function repoShape(repo: Repository, web: string) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: full,
    private: false,
    owner: userShape({ login: repo.owner, type: "User" }, web),
    html_url: `${web}/${full}`,
    url: `${web}/api/v3/repos/${full}`,
    clone_url: `${web}/${full}.git`,
    default_branch: repo.defaultBranch,
    archived: false,
    disabled: false,
    fork: false,
  };
}

/** `comments` is how many comments the issue has, as GitHub counts them on the issue. */
export function issueShape(issue: Issue, web: string, comments = 0) {
  const path = `${issue.repo}/${issue.isPull ? "pull" : "issues"}/${issue.number}`;
  return {
    id: 100000 + issue.number,
    node_id: `I_${issue.repo}_${issue.number}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    locked: issue.locked,
    labels: issue.labels.map((name, index) => ({ id: index + 1, name, color: "ededed" })),
    user: userShape(issue.user, web),
    html_url: `${web}/${path}`,
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
    comments,
    ...(issue.isPull ? { pull_request: { url: `${web}/api/v3/repos/${issue.repo}/pulls/${issue.number}`, html_url: `${web}/${path}` } } : {}),
  };
}

export function commentShape(comment: Comment, web: string) {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    body: comment.body,
    user: userShape(comment.user, web),
    html_url: `${web}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${web}/api/v3/repos/${comment.repo}/issues/${comment.issueNumber}`,
    created_at: comment.createdAt,
    updated_at: comment.createdAt,
  };
}

export function pullShape(pull: Pull, issue: Issue, repo: Repository, heads: { head: string; base: string }, web: string) {
  const repository = repoShape(repo, web);
  return {
    ...issueShape(issue, web),
    html_url: `${web}/${issue.repo}/pull/${pull.number}`,
    draft: pull.draft,
    merged: pull.merged,
    merged_at: pull.merged ? issue.createdAt : null,
    requested_reviewers: pull.requestedReviewers.map((login) => userShape({ login, type: "User" }, web)),
    head: { ref: pull.head, sha: heads.head, label: `${repo.owner}:${pull.head}`, repo: repository, user: repository.owner },
    base: { ref: pull.base, sha: heads.base, label: `${repo.owner}:${pull.base}`, repo: repository, user: repository.owner },
  };
}

export function checkRunShape(run: CheckRun, web: string) {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    status: run.status,
    conclusion: run.conclusion,
    output: { title: run.output.title ?? null, summary: run.output.summary ?? null },
    html_url: `${web}/${run.repo}/runs/${run.id}`,
  };
}

export function reviewShape(review: Review, web: string) {
  return { id: review.id, state: review.state, body: review.body, user: userShape(review.user, web), html_url: `${web}/${review.repo}/pull/${review.pull}#pullrequestreview-${review.id}` };
}

export function reviewCommentShape(comment: ReviewComment, web: string) {
  return {
    id: comment.id,
    pull_request_review_id: comment.reviewId ?? null,
    in_reply_to_id: comment.inReplyTo,
    path: comment.path,
    line: comment.line,
    original_line: comment.line,
    diff_hunk: comment.diffHunk,
    body: comment.body,
    user: userShape(comment.user, web),
    html_url: `${web}/${comment.repo}/pull/${comment.pull}#discussion_r${comment.id}`,
  };
}
