import type { Context } from "probot";
import { z } from "zod";
import { retargetAfterMerge } from "../../delivery/publish/retarget.ts";
import { gitHubOf } from "../event-context.ts";
import { parsePayload } from "./guarded-handler.ts";

const PullRequestClosedEvent = z.object({
  action: z.literal("closed"),
  pull_request: z.object({
    merged: z.boolean().nullish(),
    body: z.string().nullable(),
    head: z.object({ ref: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
    base: z.object({ ref: z.string() }),
  }),
  repository: z.object({ name: z.string(), owner: z.object({ login: z.string() }) }),
});

/**
 * A merged stack part → the next part is retargeted. Writing the same base twice changes
 * nothing, so a redelivery needs no dedupe; and a bot (a merge queue) may merge, so bots count.
 */
export async function onPullRequestClosed(context: Context<"pull_request.closed">): Promise<void> {
  const parsed = parsePayload(context, "pull_request.closed", PullRequestClosedEvent);
  if (!parsed) return;
  const { pull_request: pull, repository } = parsed;
  const where = { owner: repository.owner.login, repo: repository.name };
  const closed = {
    merged: pull.merged === true,
    body: pull.body,
    head: { ref: pull.head.ref, repoFullName: pull.head.repo?.full_name },
    base: { ref: pull.base.ref },
  };
  await retargetAfterMerge(gitHubOf(context), where, closed, context.log);
}
