export type GitFailure = "failed" | "timed-out" | "cancelled";

/** A git command that failed, timed out or was cancelled; message and output are already redacted. */
export class GitError extends Error {
  override name = "GitError";
  /** The git subcommand, e.g. `fetch`. */
  readonly command: string;
  readonly failure: GitFailure;
  readonly exitCode: number | undefined;
  readonly stderr: string;

  constructor(message: string, details: { command: string; failure: GitFailure; exitCode?: number; stderr?: string }) {
    super(message);
    this.command = details.command;
    this.failure = details.failure;
    this.exitCode = details.exitCode;
    this.stderr = details.stderr ?? "";
  }
}
