import { rules } from "@secretlint/secretlint-rule-preset-recommend";
import { z } from "zod";
import type { SecretMatch } from "./secret-patterns.ts";
import type { RuleContext } from "./secretlint-source.ts";
import { ruleSource } from "./secretlint-source.ts";

/*
 * secretlint's recommended rules (GitHub, GitLab, AWS, GCP, Slack, Stripe, npm, OpenAI,
 * Anthropic, Hugging Face, database URLs, basic auth, private keys and more), kept up to date
 * by its maintainers. The rules are plain synchronous functions; they are run here directly,
 * not through `@secretlint/core`, whose API is asynchronous, so that the scan and redaction
 * stay synchronous. A test checks this runner finds what `lintSource` finds.
 */

const RULE_PREFIX = "@secretlint/secretlint-rule-";
/** Its only job is `secretlint-disable` comments, which are ignored anyway (see `ignore` below). */
const SKIPPED_RULES = new Set([`${RULE_PREFIX}filter-comments`]);
/** Access key ids are found too (the rule's default leaves them to the secret key). */
const RULE_OPTIONS = new Map<string, object>([[`${RULE_PREFIX}aws`, { enableIDScanRule: true }]]);

const Report = z.object({
  range: z.tuple([z.number(), z.number()]).readonly(),
  message: z.object({ messageId: z.string(), data: z.record(z.string(), z.unknown()).optional() }),
});

type Sink = { text: string; found: SecretMatch[] };

/** Where the running scan's reports go. Rules report synchronously, so one scan at a time uses it. */
let sink: Sink | undefined;

/** Each rule's handler, made once: making them costs far more than running them on a short text. */
let handlers: { id: string; file: NonNullable<ReturnType<(typeof rules)[number]["create"]>["file"]> }[] | undefined;

function ruleHandlers(): NonNullable<typeof handlers> {
  handlers ??= rules.flatMap((rule) => {
    if (SKIPPED_RULES.has(rule.meta.id)) return [];
    const context: RuleContext = {
      sharedOptions: {},
      createTranslator: () => (messageId, data) => ({ message: String(messageId), messageId: String(messageId), data }),
      report: (descriptor) => {
        const { range, message } = Report.parse(descriptor);
        if (!sink) return;
        sink.found.push({ kind: kindOf(rule.meta.id, message.messageId), ...secretRange(sink.text, range, message.data), placeholders: true });
      },
      // `secretlint-disable` comments are the agent's to write: honouring them would let it switch the scan off.
      ignore: () => undefined,
    };
    const file = rule.create(context, RULE_OPTIONS.get(rule.meta.id) ?? {}).file;
    return file ? [{ id: rule.meta.id, file }] : [];
  });
  return handlers;
}

/** Every secret secretlint's recommended rules find in `text`, a file at `path` (which selects file-specific rules: `.npmrc`, `package.json`, a GCP key's `.json`). */
export function findPresetSecrets(path: string, text: string): SecretMatch[] {
  const source = ruleSource(path, text);
  const scan: Sink = { text, found: [] };
  sink = scan;
  try {
    for (const { id, file } of ruleHandlers()) {
      // A rule that turned asynchronous would report after this returns: fail closed, loudly.
      if (file(source) !== undefined) throw new Error(`secretlint rule ${id} ran asynchronously; the synchronous scan cannot use it`);
    }
  } finally {
    sink = undefined;
  }
  return scan.found;
}

/**
 * Where the secret is. Some rules report the start of the whole match with the length of the
 * secret (AWS's secret access key reports `aws_secret_access_key = wJal…`), so the secret
 * itself, which each rule passes in its message data, is looked for from the range's start.
 */
function secretRange(text: string, [start, end]: readonly [number, number], data: Record<string, unknown> | undefined): { start: number; end: number } {
  const values = Object.values(data ?? {}).filter((value): value is string => typeof value === "string" && value.length >= 8);
  const secret = values.sort((a, b) => b.length - a.length)[0];
  if (secret === undefined || text.slice(start, end) === secret) return { start, end };
  const at = text.indexOf(secret, start);
  return at !== -1 && at < end + 64 ? { start: at, end: at + secret.length } : { start, end };
}

/** `GITHUB_TOKEN` → `github-token`; a message that does not name its service gets the rule's name: `slack-incoming-webhook`. */
function kindOf(ruleId: string, messageId: string): string {
  const kind = messageId
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
  const service = ruleId.slice(RULE_PREFIX.length);
  return service.includes("-") || kind.replace(/-/g, "").includes(service) ? kind : `${service}-${kind}`;
}
