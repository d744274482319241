import type { Octokit } from "@octokit/rest";

/** The slice of Octokit that Ferry's GitHub code needs: typed `request` against REST routes. */
export type GitHubClient = Pick<Octokit, "request">;

/** A repository, in the shape REST routes take it. */
export type RepoName = { owner: string; repo: string };
