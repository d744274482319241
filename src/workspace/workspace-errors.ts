/** The base branch a task should start from is not in the repository. */
export class BaseBranchNotFoundError extends Error {
  override name = "BaseBranchNotFoundError";
  readonly branch: string;

  constructor(branch: string, repository: string) {
    super(`The base branch "${branch}" does not exist in ${repository}; set \`base\` in .github/agent.yml to an existing branch.`);
    this.branch = branch;
  }
}

/** Input the workspace cannot use (a bad branch name, task id, or repository reference). */
export class WorkspaceInputError extends Error {
  override name = "WorkspaceInputError";
}

/** A work tree that cannot be delivered (a nested repository, a `.git` path): see snapshot-candidates.ts. */
export class SnapshotRefusedError extends Error {
  override name = "SnapshotRefusedError";
}
