/*
 * The agent's prose goes into pull request bodies and comments, and its words come partly from
 * the issue thread. A "fixes #12" there would close issue #12 on merge, "#12" alone would
 * mark issue #12 as mentioned, and "@someone" would ping them. In a code span GitHub does none
 * of these, and the reader still sees the words.
 */
const CLOSING_REFERENCE =
  /\b((?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+)((?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+)/gi;
const MENTION = /(^|[^\w`/])(@[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\/[\w.-]+)?)(?![\w@`])/gi;
/** `#12`, `owner/repo#12`, `GH-12`; not `&#39;` (a character reference) nor one already in a code span. */
const ISSUE_REFERENCE = /(^|[^\w`/&#-])((?:[\w.-]+\/[\w.-]+)?#\d+|GH-\d+)(?![\w`])/gi;

/** For markdown: each reference and mention in a code span. */
export function defuseReferences(text: string): string {
  return text.replace(CLOSING_REFERENCE, "$1`$2`").replace(MENTION, "$1`$2`").replace(ISSUE_REFERENCE, "$1`$2`");
}

/**
 * For plain text (a commit message, where backticks are no code span): the sign of each
 * reference and mention swapped for its full-width look-alike, which GitHub does not link.
 */
export function defusePlainReferences(text: string): string {
  return text
    .replace(MENTION, (_match, before: string, mention: string) => `${before}＠${mention.slice(1)}`)
    .replace(ISSUE_REFERENCE, (_match, before: string, reference: string) => `${before}${reference.replace("#", "＃").replace(/^GH-/i, "GH‐")}`);
}
