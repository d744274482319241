import { errorMessage } from "../error-message.ts";

/** A sandbox that cannot be started or used; the message tells the operator what to fix. */
export class SandboxError extends Error {
  override name = "SandboxError";
}

/** The sandbox did not start (no engine, no image, a create the engine refused): nothing of the task ran. */
export class SandboxStartError extends SandboxError {
  override name = "SandboxStartError";

  constructor(cause: unknown) {
    super(`The sandbox could not start: ${errorMessage(cause)}`, { cause });
  }
}

/** Starts the sandbox; whatever stops it is a SandboxStartError, so it is never mistaken for the agent's failure. */
export async function startSandbox(start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    throw new SandboxStartError(error);
  }
}
