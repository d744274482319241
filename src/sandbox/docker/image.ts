import type Docker from "dockerode";
import { SandboxError } from "../sandbox-error.ts";

/** Uses the image if the engine has it, else pulls it; says clearly when neither works. */
export async function ensureImage(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch {
    // Not present locally: pull below.
  }
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SandboxError(`The sandbox image "${image}" is not on this Docker engine and could not be pulled (${reason}). Build or pull it, or set image: in .github/agent.yml / FERRY_IMAGE.`);
  }
}
