import Docker from "dockerode";

/** A client for the engine at DOCKER_HOST, or the default local socket. */
export function dockerClient(): Docker {
  return new Docker();
}

/** Whether an engine answers; never throws. */
export async function dockerAnswers(docker: Docker, timeoutMs = 3000): Promise<boolean> {
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(reject, timeoutMs).unref())]);
    return true;
  } catch {
    return false;
  }
}
