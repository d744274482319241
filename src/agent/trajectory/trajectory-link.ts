import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "../../github/derived-key.ts";

/** A run's trajectory as people find it: a signed link when the server has a public URL, else the file on the server. */
export type TrajectoryLocation = { url?: string; path: string };

export type TrajectoryRef = { taskId: number; run: number };

export const TRAJECTORY_ROUTE = "/ferry/trajectories/";
const NAME = /^task-(\d{1,12})\/run-(\d{1,9})\.jsonl$/;

// Trajectories hold repository code: a link works only with the signature only Ferry can make,
// so it is as private as the pull request it appears in. The key is derived from WEBHOOK_SECRET
// for links alone: no other signature Ferry makes or checks is ever a link's.
function signatureOf(ref: TrajectoryRef, secret: string): string {
  return createHmac("sha256", derivedKey(secret, "trajectory-links")).update(`trajectory:${ref.taskId}:${ref.run}`).digest("hex").slice(0, 32);
}

/** `secret` is WEBHOOK_SECRET; the link's key is derived from it. */
export function trajectoryUrl(publicUrl: string, ref: TrajectoryRef, secret: string): string {
  return `${publicUrl}${TRAJECTORY_ROUTE}task-${ref.taskId}/run-${ref.run}.jsonl?sig=${signatureOf(ref, secret)}`;
}

/** The run a request path names, when its signature is right; undefined otherwise. */
export function verifyTrajectoryRequest(pathAndQuery: string, secret: string): TrajectoryRef | undefined {
  const url = new URL(pathAndQuery, "http://ferry.invalid");
  if (!url.pathname.startsWith(TRAJECTORY_ROUTE)) return undefined;
  const match = NAME.exec(url.pathname.slice(TRAJECTORY_ROUTE.length));
  if (!match) return undefined;
  const ref = { taskId: Number(match[1]), run: Number(match[2]) };
  const given = Buffer.from(url.searchParams.get("sig") ?? "");
  const expected = Buffer.from(signatureOf(ref, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ref : undefined;
}
