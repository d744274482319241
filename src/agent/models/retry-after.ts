/** A server may ask for a long pause; Ferry waits at most this long before trying again. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The pause a 429 or 503 asks for: `retry-after-ms` (OpenAI's), else `retry-after` in
 * seconds or as an HTTP date. Undefined when there is none or it cannot be read.
 */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds)) return clamp(milliseconds);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return clamp(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : clamp(date - now);
}

function clamp(ms: number): number {
  return Math.round(Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)));
}
