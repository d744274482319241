import { hkdfSync } from "node:crypto";

/** What a key derived from WEBHOOK_SECRET is for; each purpose gets a key of its own. */
export type KeyPurpose = "sweep-requests" | "trajectory-links";

/**
 * A 32-byte key for one purpose, derived from WEBHOOK_SECRET with HKDF-SHA256. Webhooks stay
 * verified with the secret itself (GitHub signs them with it); a signature made for one purpose
 * (a sweep request, a trajectory link, a webhook body) is never valid for another.
 */
export function derivedKey(secret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "ferry", `ferry ${purpose} v1`, 32));
}
