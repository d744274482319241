/** "60 minutes", "1 minute", "90 seconds": how long a pause lasts, for people and for the agent. */
export function describeWait(ms: number): string {
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes)) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const seconds = Math.ceil(ms / 1000);
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

/** "2025-01-01 13:05 UTC": GitHub readers live in every time zone. */
export function describeDeadline(deadline: Date): string {
  const iso = deadline.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
