import { defuseReferences } from "../../github/defuse-references.ts";
import { sanitiseUntrusted } from "../../policy/sanitise.ts";

const MAX_CHARS = 600;

/**
 * The agent's words for a thread reply: what GitHub would hide removed (no forged markers), one
 * line, cut to a readable length, and with no mention or closing reference left live.
 */
export function agentWords(text: string, maxChars = MAX_CHARS): string {
  const line = sanitiseUntrusted(text).replace(/\s+/g, " ").trim();
  const cut = line.length > maxChars ? `${line.slice(0, maxChars - 1).trimEnd()}…` : line;
  return defuseReferences(cut);
}
