import { sanitisePlainText, sanitiseUntrusted } from "../../policy/sanitise.ts";

/** The tags that frame data in the task prompt; the system prompt names them. */
export type BlockName = "issue" | "comment" | "instructions" | "repository-map";

/** Anything in the data that reads as one of our tags, opening or closing, in any case or spacing. */
const FORGED_TAG = /[<＜﹤](\s*\/?\s*)(issue|comment|instructions|repository-map)(?![\w-])/gi;

/**
 * Frames text as data: sanitised, and with every look-alike of a block tag defused (`<` becomes
 * `&lt;`), so the content cannot close its block early or open a block of its own.
 */
export function dataBlock(name: BlockName, attributes: Record<string, string>, content: string): string {
  const attributeText = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${attributeValue(value)}"`)
    .join("");
  const body = neutraliseTags(sanitiseUntrusted(content))
    .replace(/^\s*\n/, "")
    .trimEnd();
  return `<${name}${attributeText}>\n${body}\n</${name}>`;
}

/** Single-line text (a title, a command) outside a block, defused the same way. GitHub shows titles as written, not as markdown. */
export function inlineData(text: string): string {
  return oneLine(neutraliseTags(sanitisePlainText(text)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function neutraliseTags(text: string): string {
  return text.replace(FORGED_TAG, "&lt;$1$2");
}

function attributeValue(value: string): string {
  return oneLine(sanitisePlainText(value)).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
