/** The pull request review feedback is about. */
export type PullTarget = { owner: string; repo: string; pull: number };
