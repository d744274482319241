import type { Octokit } from "@octokit/rest";

/**
 * The slice of Octokit the Octokit platform (octokit-platform.ts) wraps: typed `request` against
 * REST routes. Ferry's code speaks to GitHub through the platform's verbs, never through this.
 */
export type GitHubClient = Pick<Octokit, "request">;

/** A repository, in the shape REST routes take it. */
export type RepoName = { owner: string; repo: string };
