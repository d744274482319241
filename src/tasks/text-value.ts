/**
 * PostgreSQL's text refuses the NUL character, which GitHub's JSON can carry (`\u0000` in a
 * comment or an issue body). Both stores keep people's text with U+FFFD in its place, so such a
 * comment steers the task instead of failing its webhook, and the stores answer alike.
 */
export function textValue(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD");
}
