import { defuseReferences } from "../../github/defuse-references.ts";
import { oneLine } from "../publish/markdown.ts";
import type { StatusSteering } from "./status-view.ts";

const FOLLOW_UPS: Record<string, string> = {
  retry: "a fresh run asked for",
  redirect: "a follow-up run with an instruction",
  review: "a follow-up run for a review",
};

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Most redirects listed; older ones are counted. */
const SHOWN = 5;

/** The steering section of the status comment: each redirect received, then applied; and what started this run. */
export function steeringLines(steering: StatusSteering | undefined): string | undefined {
  if (!steering) return undefined;
  const lines: string[] = [];
  const { followUp, redirects } = steering;
  if (followUp) lines.push(`This run is ${FOLLOW_UPS[followUp.kind] ?? "a follow-up run"} by @${followUp.author}.`);
  if (redirects.length > 0) {
    const hidden = redirects.length - SHOWN;
    lines.push("**Steering**");
    if (hidden > 0) lines.push(`- … ${hidden} earlier`);
    for (const redirect of redirects.slice(-SHOWN)) {
      const state = redirect.applied ? "✅ applied" : "⏳ received; the agent gets it at its next step";
      lines.push(`- @${redirect.author}: “${defuseReferences(cut(oneLine(redirect.body), 100))}” · ${state}`);
    }
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}
