/** A sandbox that cannot be started or used; the message tells the operator what to fix. */
export class SandboxError extends Error {
  override name = "SandboxError";
}
