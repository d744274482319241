import type { LoadedRepoConfig } from "../config/repo-config.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import { branchHeadSha, reportFailedCheck } from "../github/check-runs.ts";
import { postComment } from "../github/ensure-comment.ts";
import type { EventContext } from "./event-context.ts";

/** `.github/agent.yml` from the default branch, the only branch whose config Ferry trusts. */
export async function repoConfigFor(context: EventContext): Promise<LoadedRepoConfig> {
  const { repo } = context;
  return loadRepoConfig(context.client, { owner: repo.owner, repo: repo.name, ref: repo.defaultBranch });
}

/** An invalid config is explained on the issue and as a failed check; no task is created. */
export async function reportInvalidConfig(context: EventContext, problems: string[]): Promise<void> {
  const { repo } = context;
  const list = problems.map((problem) => `- ${problem}`).join("\n");
  const summary = `Ferry could not use \`.github/agent.yml\` on \`${repo.defaultBranch}\`:\n\n${list}\n\nFix the file on the default branch, then add the label or comment \`/agent run\` again.`;
  await postComment(context.client, context.issue, summary);
  const headSha = await branchHeadSha(context.client, repo.owner, repo.name, repo.defaultBranch);
  await reportFailedCheck(context.client, {
    owner: repo.owner,
    repo: repo.name,
    headSha,
    title: "Invalid .github/agent.yml",
    summary,
  });
}
