import { z } from "zod";
import { RepoConfig } from "./repo-config-schema.ts";

let schema: z.core.JSONSchema.BaseSchema | undefined;

/** The keys allowed in the mapping at `path`, read from the schema so they never drift. */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  schema ??= z.toJSONSchema(RepoConfig, { io: "input" });
  let node: z.core.JSONSchema._JSONSchema | undefined = schema;
  for (const key of path) {
    if (typeof node !== "object" || typeof key !== "string") return [];
    node = node.properties?.[key];
  }
  return typeof node === "object" ? Object.keys(node.properties ?? {}) : [];
}

/** The closest known key, when the unknown one looks like a typo of it. */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(unknown.toLowerCase(), key.toLowerCase());
    if (distance <= typoAllowance(key) && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Short keys tolerate one slip, so `ab` is not taken for `pr`; longer ones two or three. */
function typoAllowance(key: string): number {
  if (key.length <= 3) return 1;
  return key.length <= 8 ? 2 : 3;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
