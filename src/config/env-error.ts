import type { z } from "zod";

/** Variables whose values must never be echoed, even when they are wrong. */
const SECRET_VARIABLES = new Set(["PRIVATE_KEY", "WEBHOOK_SECRET", "OPENAI_API_KEY", "FERRY_METRICS_TOKEN"]);

/** A bad environment. `message` is one line naming every bad variable and what it should be. */
export class EnvError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("; "));
    this.name = "EnvError";
    this.problems = problems;
  }
}

/**
 * Turns one zod issue into `NAME: expected …, got "…"`. Field issues take their wording
 * from the variable's description; cross-field issues carry their own message.
 */
export function describeEnvIssue(
  issue: z.core.$ZodIssue,
  source: Record<string, string | undefined>,
  expectations: ReadonlyMap<string, string | undefined>,
): string {
  const name = String(issue.path[0] ?? "environment");
  if (issue.code === "custom") return `${name}: ${issue.message}`;
  const expected = expectations.get(name) ?? issue.message;
  return `${name}: expected ${expected}${got(name, source[name])}`;
}

function got(name: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(name)) return "";
  return `, got ${JSON.stringify(shorten(withoutCredentials(value)))}`;
}

/**
 * URLs may carry passwords (`redis://:pw@host`); keep them out of logs. Everything up to
 * the last "@" goes, since a mistyped value need not parse as a URL at all.
 */
export function withoutUserInfo(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/is, "$1[redacted]@");
}

/** Also `password=` in a query, which node-postgres reads (`postgres://db/ferry?password=…`). */
export function withoutCredentials(value: string): string {
  return withoutUserInfo(value).replace(/([?&]password=)[^&#]*/gi, "$1[redacted]");
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
