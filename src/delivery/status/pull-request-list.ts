import type { PublishedPart } from "../../tasks/model.ts";

/** How one part's pull request is referred to: `#12` where GitHub links it, `[#12](url)` where it does not. */
export type PartReference = (part: PublishedPart) => string;

export const issueReference: PartReference = (part) => `#${part.number}`;
export const linkReference: PartReference = (part) => `[#${part.number}](${part.url})`;

/** The stack's pull requests, "Part k of n" when there is more than one. */
export function pullRequestList(parts: readonly PublishedPart[], reference: PartReference = issueReference): string | undefined {
  const [only] = parts;
  if (!only) return undefined;
  if (parts.length === 1) return `**Pull request**: ${reference(only)}`;
  return ["**Pull requests**", ...parts.map((part) => `- Part ${part.index} of ${parts.length}: ${reference(part)}`)].join("\n");
}
