/** Strings longer than this are shortened in the trajectory: file contents and edits are summarised, never kept whole. */
const MAX_CHARS = 200;
const HEAD_CHARS = 80;

/** A tool call's arguments as the trajectory keeps them. */
export function argumentsForTrajectory(value: unknown): unknown {
  if (typeof value === "string") return shorten(value);
  if (Array.isArray(value)) return value.map(argumentsForTrajectory);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, argumentsForTrajectory(inner)]));
  }
  return value;
}

function shorten(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const lines = text.split("\n").length;
  return `${text.slice(0, HEAD_CHARS)}… [${text.length} characters, ${lines} lines]`;
}
