import { createHmac, timingSafeEqual } from "node:crypto";

/** The header `ferry sweep` signs its request with, like GitHub's `x-hub-signature-256`. */
export const SWEEP_SIGNATURE_HEADER = "x-ferry-signature";

/** `sha256=<hex HMAC-SHA256 of the raw body, keyed with WEBHOOK_SECRET>`. */
export function signSweepBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Whether `header` is the body's signature, compared in constant time. */
export function verifySweepSignature(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(signSweepBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
