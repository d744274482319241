/*
 * The agent's prose goes into pull request bodies, and its words come partly from the issue
 * thread. A "fixes #12" there would close issue #12 on merge, and "@someone" would ping them;
 * in a code span GitHub does neither, and the reader still sees the words.
 */
const CLOSING_REFERENCE =
  /\b((?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+)((?:[\w.-]+\/[\w.-]+)?#\d+|https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+)/gi;
const MENTION = /(^|[^\w`/])(@[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\/[\w.-]+)?)(?![\w@`])/gi;

export function defuseReferences(text: string): string {
  return text.replace(CLOSING_REFERENCE, "$1`$2`").replace(MENTION, "$1`$2`");
}
