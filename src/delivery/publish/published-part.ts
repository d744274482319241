/** A part's pull request as it is on GitHub after a delivery. */
export type PublishedPart = {
  /** 1-based. */
  index: number;
  branch: string;
  number: number;
  url: string;
  headSha: string;
};
