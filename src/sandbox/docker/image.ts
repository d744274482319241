import type Docker from "dockerode";
import { SandboxError } from "../sandbox-error.ts";
import { errorMessage } from "../../error-message.ts";

/**
 * Uses the image if the engine has it, else pulls it; says clearly when neither works. An abort
 * drops the pull request to the engine and rejects at once with the signal's reason.
 */
export async function ensureImage(docker: Docker, image: string, signal?: AbortSignal): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch {
    // Not present locally: pull below.
  }
  try {
    await pull(docker, image, signal);
  } catch (error) {
    signal?.throwIfAborted();
    const reason = errorMessage(error);
    throw new SandboxError(`The sandbox image "${image}" is not on this Docker engine and could not be pulled (${reason}). Build or pull it, or set image: in .github/agent.yml / FERRY_IMAGE.`);
  }
}

async function pull(docker: Docker, image: string, signal: AbortSignal | undefined): Promise<void> {
  const stream = await docker.pull(image, { abortSignal: signal });
  await new Promise<void>((resolve, reject) => {
    // The progress stream does not always end when its request is aborted.
    const abort = (): void => reject(signal?.reason);
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort, { once: true });
    docker.modem.followProgress(stream, (error: Error | null) => {
      signal?.removeEventListener("abort", abort);
      if (error) reject(error);
      else resolve();
    });
  });
}
