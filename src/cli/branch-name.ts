import { createHash } from "node:crypto";
import type { IssueContext } from "../agent/prompt/issue-context.ts";

/**
 * `ferry/<title in a few words>-<6 hex>`: readable, and the hash of the issue text keeps two
 * issues apart even when their titles have no Latin letters to make a slug from.
 */
export function defaultBranchFor(issue: Pick<IssueContext, "title" | "body">): string {
  const slug = issue.title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  const hash = createHash("sha256").update(`${issue.title}\n${issue.body}`).digest("hex").slice(0, 6);
  return `ferry/${slug || "change"}-${hash}`;
}
