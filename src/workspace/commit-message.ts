import type { Identity } from "./identity.ts";
import { formatIdentity } from "./identity.ts";

/** The message, then a `Co-authored-by` trailer so the requester shares credit with the bot. */
export function commitMessage(message: string, coAuthor?: Identity): string {
  const body = message.trim();
  return coAuthor ? `${body}\n\nCo-authored-by: ${formatIdentity(coAuthor)}\n` : `${body}\n`;
}
