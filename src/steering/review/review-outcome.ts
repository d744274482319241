/** A commit a follow-up run pushed to one part's branch, and the files it touched. */
export type ReviewCommit = { part: number; sha: string; url: string; paths: string[] };

/** What the follow-up run for review feedback delivered, as the runner reports it. */
export type ReviewOutcome =
  | { kind: "changed"; summary: string; commits: ReviewCommit[] }
  | { kind: "unchanged"; reason: string };
