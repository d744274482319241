import { inlineCode } from "../../github/markdown.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";
import { agentWords } from "./agent-words.ts";
import type { ReviewCommit, ReviewOutcome } from "./review-outcome.ts";

export type ReplyInput = {
  note: ReviewNote;
  /** The part the reviewed pull request delivers: its commit is the first choice for the comment's file. */
  part: number;
  outcome: ReviewOutcome;
  /** The agent's `#id: …` line for this comment, if it wrote one (from its summary, or an unchanged run's reason). */
  agentLine: string | undefined;
  marker: string;
};

/** Ferry's answer in a review thread: what changed, with the commit, or why nothing did. */
export function renderReply(input: ReplyInput): string {
  return [answerFor(input), input.marker].join("\n\n");
}

function answerFor({ note, part, outcome, agentLine }: ReplyInput): string {
  const said = agentLine === undefined ? undefined : agentWords(agentLine);
  const file = inlineCode(note.path);
  if (outcome.kind === "unchanged") return `Nothing changed: ${said ?? agentWords(outcome.reason)}`;
  const commit = commitFor(outcome.commits, note.path, part);
  if (commit) {
    const where = `${commitLink(commit)} (part ${commit.part})`;
    return said === undefined ? `${file} changed in ${where}; the agent left no note on this comment.` : `Changed in ${where}: ${said}`;
  }
  const why = said === undefined ? `${file} did not change, and the agent left no note on this comment.` : `No change to ${file}: ${said}`;
  const commits = outcome.commits.map((other) => `${commitLink(other)} (part ${other.part})`).join(", ");
  return commits === "" ? why : `${why}\n\nThis run's commits: ${commits}.`;
}

/** The commit that changed the comment's file: the reviewed part's own first, else any part's. */
function commitFor(commits: readonly ReviewCommit[], path: string, part: number): ReviewCommit | undefined {
  const touching = commits.filter((commit) => commit.paths.includes(path));
  return touching.find((commit) => commit.part === part) ?? touching[0];
}

const commitLink = (commit: ReviewCommit): string => `[\`${commit.sha.slice(0, 7)}\`](${commit.url})`;
