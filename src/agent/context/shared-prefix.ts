/**
 * The share of the next request's bytes that repeat the previous request from its first byte:
 * what a provider's prompt cache can reuse. 1 means the next request only appends; 0 means it
 * differs from the first byte on (or is empty).
 */
export function sharedPrefixRatio(previousBody: string, nextBody: string): number {
  const previous = Buffer.from(previousBody, "utf8");
  const next = Buffer.from(nextBody, "utf8");
  if (next.length === 0) return 0;
  const limit = Math.min(previous.length, next.length);
  let shared = 0;
  while (shared < limit && previous[shared] === next[shared]) shared++;
  return shared / next.length;
}
