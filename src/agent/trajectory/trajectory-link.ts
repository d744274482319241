import { createHmac, timingSafeEqual } from "node:crypto";

/** A run's trajectory as people find it: a signed link when the server has a public URL, else the file on the server. */
export type TrajectoryLocation = { url?: string; path: string };

export type TrajectoryRef = { taskId: number; run: number };

export const TRAJECTORY_ROUTE = "/ferry/trajectories/";
const NAME = /^task-(\d{1,12})\/run-(\d{1,9})\.jsonl$/;

// Trajectories hold repository code: a link works only with the signature only Ferry can make,
// so it is as private as the pull request it appears in.
function signatureOf(ref: TrajectoryRef, key: string): string {
  return createHmac("sha256", key).update(`trajectory:${ref.taskId}:${ref.run}`).digest("hex").slice(0, 32);
}

export function trajectoryUrl(publicUrl: string, ref: TrajectoryRef, key: string): string {
  return `${publicUrl}${TRAJECTORY_ROUTE}task-${ref.taskId}/run-${ref.run}.jsonl?sig=${signatureOf(ref, key)}`;
}

/** The run a request path names, when its signature is right; undefined otherwise. */
export function verifyTrajectoryRequest(pathAndQuery: string, key: string): TrajectoryRef | undefined {
  const url = new URL(pathAndQuery, "http://ferry.invalid");
  if (!url.pathname.startsWith(TRAJECTORY_ROUTE)) return undefined;
  const match = NAME.exec(url.pathname.slice(TRAJECTORY_ROUTE.length));
  if (!match) return undefined;
  const ref = { taskId: Number(match[1]), run: Number(match[2]) };
  const given = Buffer.from(url.searchParams.get("sig") ?? "");
  const expected = Buffer.from(signatureOf(ref, key));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ref : undefined;
}
