import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "../github/derived-key.ts";

/** The header `ferry sweep` signs its request with, like GitHub's `x-hub-signature-256`. */
export const SWEEP_SIGNATURE_HEADER = "x-ferry-signature";
/** When the request was signed, in Unix seconds; part of what is signed. */
export const SWEEP_TIMESTAMP_HEADER = "x-ferry-timestamp";
/** A signed request older than this is refused: a copy of it cannot be sent again later. */
export const SWEEP_MAX_AGE_MS = 5 * 60 * 1000;
/** How far ahead of the server's clock the sender's may be. */
export const SWEEP_MAX_AHEAD_MS = 60 * 1000;

/**
 * The two headers of a sweep request: its timestamp, and `sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>">` keyed with the sweep key derived from WEBHOOK_SECRET.
 */
export function signSweepRequest(secret: string, body: string | Buffer, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  return { [SWEEP_TIMESTAMP_HEADER]: timestamp, [SWEEP_SIGNATURE_HEADER]: signature(secret, timestamp, body) };
}

export type SweepVerdict = { ok: true; signature: string } | { ok: false; problem: "unsigned" | "wrong" | "stale" | "ahead" };

type Headers = Record<string, string | string[] | undefined>;

/** Whether the request is signed for its body and timestamp (compared in constant time), and recent. */
export function verifySweepRequest(secret: string, body: Buffer, headers: Headers, now = Date.now()): SweepVerdict {
  const given = headers[SWEEP_SIGNATURE_HEADER];
  const timestamp = headers[SWEEP_TIMESTAMP_HEADER];
  if (typeof given !== "string" || typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: "unsigned" };
  const expected = Buffer.from(signature(secret, timestamp, body));
  if (Buffer.byteLength(given) !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) return { ok: false, problem: "wrong" };
  const signedAt = Number(timestamp) * 1000;
  if (now - signedAt > SWEEP_MAX_AGE_MS) return { ok: false, problem: "stale" };
  if (signedAt - now > SWEEP_MAX_AHEAD_MS) return { ok: false, problem: "ahead" };
  return { ok: true, signature: given };
}

function signature(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", derivedKey(secret, "sweep-requests")).update(`${timestamp}.`).update(body).digest("hex")}`;
}
