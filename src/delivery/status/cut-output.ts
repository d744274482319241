import { redactSecrets } from "../../policy/redact-secrets.ts";

const MAX_LINES = 40;
const MAX_CHARS = 3_000;

/**
 * The end of a command's output, where the failure usually is: its last 40 lines and at most
 * 3,000 characters, secrets redacted, with a note of what was cut.
 */
export function tailOfOutput(output: string, maxLines = MAX_LINES, maxChars = MAX_CHARS): string {
  const lines = redactSecrets(output).trimEnd().split("\n");
  const kept: string[] = [];
  let chars = 0;
  for (let index = lines.length - 1; index >= 0 && kept.length < maxLines; index--) {
    const line = lines[index] ?? "";
    if (chars + line.length + 1 > maxChars) {
      if (kept.length === 0) kept.unshift(line.slice(-maxChars));
      break;
    }
    kept.unshift(line);
    chars += line.length + 1;
  }
  const cut = lines.length - kept.length;
  return cut > 0 ? [`[… ${cut} earlier ${cut === 1 ? "line" : "lines"} cut …]`, ...kept].join("\n") : kept.join("\n");
}
