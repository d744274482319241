import { inlineCode } from "../../github/markdown.ts";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import type { TestEvidence } from "../../tasks/test-evidence.ts";
import { evidenceLines, SHOWN_NAMES } from "../../verification/evidence-text.ts";

/**
 * The per-test evidence as a Markdown list. Test names are the repository's text (the agent may
 * have written them): each is a code span, so no mention, reference or markup in it takes effect.
 */
export function evidenceMarkdown(evidence: TestEvidence, shown = SHOWN_NAMES): string {
  return evidenceLines(evidence, { name: (name) => inlineCode(redactSecrets(name)), shown })
    .map((line) => `- ${line}`)
    .join("\n");
}
