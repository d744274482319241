import { defuseReferences } from "../github/defuse-references.ts";
import { BACKLOG_MARKER } from "../github/markers.ts";
import type { SweepPlan } from "./plan-sweep.ts";

export const BACKLOG_TITLE = "Ferry backlog";

/**
 * The body of the "Ferry backlog" issue a dry run keeps: what a sweep would pick and why, what
 * it passes over and why. Nothing in it depends on the time, so an unchanged backlog is not edited.
 */
export function renderBacklogBody(plan: SweepPlan): string {
  const { limits } = plan;
  const picks = plan.picks.map((pick, index) => `${index + 1}. ${issueLine(pick.number, pick.title)} — ${pick.why}`);
  const skipped = plan.skipped.map((skip) => `- ${issueLine(skip.number, skip.title)} — ${skip.reason}`);
  const nothing = plan.reason ? `_Nothing: ${plan.reason}._` : "_Nothing is eligible._";
  return [
    BACKLOG_MARKER,
    `## ${BACKLOG_TITLE}`,
    "A dry run of the scheduled sweep (`sweep.dryRun: true` in `.github/agent.yml`): what a sweep would start, and why. Nothing is started while the dry run is on.",
    "### Would pick",
    picks.length > 0 ? picks.join("\n") : nothing,
    ...(skipped.length > 0 ? ["### Passed over", skipped.join("\n")] : []),
    `<sub>Limits: ${limits.maxPerRun} per sweep; ${limits.openPulls} of ${limits.maxOpenPRs} agent pull requests open; $${limits.maxUsdPerDay.toFixed(2)} per UTC day.</sub>`,
  ].join("\n\n");
}

/** `#12 Title`, with the title unable to format, ping or close anything. */
function issueLine(number: number, title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  return `#${number} ${defuseReferences(flat.replace(/[\\`*_[\]<>|~]/g, "\\$&"))}`;
}
