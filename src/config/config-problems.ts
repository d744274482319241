import type { z } from "zod";
import { closestKey, knownKeysAt } from "./known-keys.ts";

/**
 * Plain-words problems for one zod issue, as shown in an issue comment:
 * `limits.steps: expected a positive integer, got -1`,
 * `unknown key "lables" (at top level), did you mean "labels"?`.
 */
export function describeConfigIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => unknownKey(key, issue.path));
  const where = issue.path.length === 0 ? "(top level)" : formatPath(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) return [`${where}: required, ${issue.message}`];
  return [`${where}: ${issue.message}, got ${describeValue(issue.input)}`];
}

function unknownKey(key: string, path: readonly PropertyKey[]): string {
  const place = path.length === 0 ? "at top level" : `in ${formatPath(path)}`;
  const suggestion = closestKey(key, knownKeysAt(path));
  return `unknown key ${JSON.stringify(key)} (${place})${suggestion ? `, did you mean ${JSON.stringify(suggestion)}?` : ""}`;
}

/** `["commands", "deny", 0]` → `commands.deny[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`)).join("");
}

function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return Object.keys(value).length === 0 ? "an empty mapping" : "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
