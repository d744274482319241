import { z } from "zod";
import { CHECK_NAME } from "./check-runs.ts";
import type { GitHubClient } from "./client.ts";

export type CheckConclusion = "success" | "failure" | "cancelled";

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

const CheckRuns = z.object({ check_runs: z.array(z.object({ id: z.number(), external_id: z.string().nullish() })) });
const CreatedCheckRun = z.object({ id: z.number() });

/** The completed "Ferry" check run on `headSha` for `externalId`: created once, edited after that. */
export async function upsertCheckRun(client: GitHubClient, check: CompletedCheck): Promise<{ id: number; action: "created" | "updated" }> {
  const { owner, repo } = check;
  const fields = {
    name: CHECK_NAME,
    external_id: check.externalId,
    status: "completed",
    conclusion: check.conclusion,
    output: { title: check.title, summary: check.summary },
  } as const;
  const existing = await findCheckRun(client, check);
  if (existing !== undefined) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", { owner, repo, check_run_id: existing, ...fields });
    return { id: existing, action: "updated" };
  }
  const created = await client.request("POST /repos/{owner}/{repo}/check-runs", { owner, repo, head_sha: check.headSha, ...fields });
  return { id: CreatedCheckRun.parse(created.data).id, action: "created" };
}

async function findCheckRun(client: GitHubClient, check: CompletedCheck): Promise<number | undefined> {
  // One commit carries few "Ferry" runs; the first page of 100 holds them all.
  const response = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: check.owner,
    repo: check.repo,
    ref: check.headSha,
    check_name: CHECK_NAME,
    filter: "all",
    per_page: 100,
  });
  return CheckRuns.parse(response.data).check_runs.find((run) => run.external_id === check.externalId)?.id;
}
