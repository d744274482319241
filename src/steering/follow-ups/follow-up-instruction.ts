import type { ParsedFollowUp } from "./follow-up-data.ts";
import type { PublishedPart } from "../../tasks/model.ts";

/** What a follow-up run starts from: the delivered change, described for the agent. */
export function followUpPreamble(parts: readonly PublishedPart[]): string {
  if (parts.length === 0) return "This is a follow-up run of this task; nothing was delivered before, so you start from the base branch.";
  const pulls = parts.map((part) => `#${part.number}`).join(", ");
  return [
    `This is a follow-up run of this task. The working tree already holds the change delivered before (pull requests ${pulls}),`,
    "as uncommitted changes against the base branch: build on it, change only what the instruction below needs,",
    "and keep the tests passing. Ferry splits and delivers the result to the same pull requests.",
  ].join(" ");
}

/** The first message of a redirect follow-up: the preamble and the maintainer's instruction. */
export function redirectInstruction(followUp: Extract<ParsedFollowUp, { kind: "redirect" }>, parts: readonly PublishedPart[]): string {
  return `${followUpPreamble(parts)}\n\nThe instruction:\n\n${followUp.text}`;
}
