import { z } from "zod";
import { errorMessage } from "../../error-message.ts";
import type { Tool } from "./tool.ts";

export type ParsedArguments = { ok: true; args: unknown; json: unknown } | { ok: false; error: string; json: unknown };

/** How much of a malformed argument string is quoted back to the model. */
const QUOTED_CHARS = 200;

/**
 * The model's raw argument text → the tool's arguments. Empty text counts as `{}` (tools
 * without parameters); a JSON string holding an object is unwrapped and a `null` parameter
 * counts as left out, as some models send them that way. Every failure explains itself in
 * words the model can act on.
 */
export function parseToolArguments(tool: Tool, text: string): ParsedArguments {
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : withoutNulls(unwrap(JSON.parse(text)));
  } catch (error) {
    const head = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}… (${text.length} characters in all)` : text;
    const why = errorMessage(error);
    return { ok: false, json: { raw: head }, error: `The arguments for ${tool.name} were not valid JSON (${why}). You sent: ${head}\nSend one JSON object with the tool's parameters.` };
  }
  const parsed = tool.arguments.safeParse(json);
  if (parsed.success) return { ok: true, args: parsed.data, json };
  const problems = parsed.error.issues.map((issue) => `- ${describeIssue(issue, json, tool)}`);
  return { ok: false, json, error: [`The arguments for ${tool.name} are not valid:`, ...problems].join("\n") };
}

function unwrap(value: unknown): unknown {
  if (typeof value !== "string" || !value.trim().startsWith("{")) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function withoutNulls(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null));
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown, tool: Tool): string {
  if (issue.path.length === 0 && issue.code === "invalid_type") return "the arguments must be a JSON object";
  if (issue.code === "unrecognized_keys") {
    return `unknown parameter${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((key) => `"${key}"`).join(", ")}; ${tool.name} takes ${parameterNames(tool)}`;
  }
  const where = issue.path.map(String).join(".");
  if (valueAt(json, issue.path) === undefined) return `"${where}" is required`;
  return `"${where}": ${issue.message.replace(/^Invalid input: /, "")}`;
}

function parameterNames(tool: Tool): string {
  const names = tool.arguments instanceof z.ZodObject ? Object.keys(tool.arguments.shape) : [];
  return names.length === 0 ? "no parameters" : names.map((name) => `"${name}"`).join(", ");
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}
