import { CHECK_NAME } from "./check-runs.ts";
import type { CheckConclusion, GitHub } from "./platform.ts";

export type { CheckConclusion } from "./platform.ts";

export type CompletedCheck = {
  owner: string;
  repo: string;
  headSha: string;
  /** Finds the run again (`ferry-task-<id>`), so a second report edits it instead of adding one. */
  externalId: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
};

/** The completed "Ferry" check run on `headSha` for `externalId`: created once, edited after that. */
export async function upsertCheckRun(github: GitHub, check: CompletedCheck): Promise<{ id: number; action: "created" | "updated" }> {
  const where = { owner: check.owner, repo: check.repo };
  const run = { name: CHECK_NAME, externalId: check.externalId, conclusion: check.conclusion, title: check.title, summary: check.summary };
  const existing = await findCheckRun(github, check);
  if (existing !== undefined) {
    await github.updateCheckRun(where, existing, run);
    return { id: existing, action: "updated" };
  }
  const created = await github.createCheckRun(where, check.headSha, run);
  return { id: created.id, action: "created" };
}

async function findCheckRun(github: GitHub, check: CompletedCheck): Promise<number | undefined> {
  const runs = await github.checkRuns({ owner: check.owner, repo: check.repo }, check.headSha, CHECK_NAME);
  return runs.find((run) => run.externalId === check.externalId)?.id;
}
