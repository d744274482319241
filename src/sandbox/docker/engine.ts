import Docker from "dockerode";
import { access } from "node:fs/promises";

/** A client for the engine at DOCKER_HOST, or the default local socket. */
export function dockerClient(): Docker {
  return new Docker();
}

/** Whether an engine answers; never throws. */
export async function dockerAnswers(docker: Docker, timeoutMs = 3000): Promise<boolean> {
  // No socket file means no engine: answer at once rather than sending a request that can only fail.
  const socket = await socketPathOf(docker);
  if (socket !== undefined && !(await access(socket).then(() => true, () => false))) return false;
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(reject, timeoutMs).unref())]);
    return true;
  } catch {
    return false;
  }
}

/** The unix socket the client dials; undefined for a TCP DOCKER_HOST. The typings do not declare it. */
async function socketPathOf(docker: Docker): Promise<string | undefined> {
  const modem: unknown = docker.modem;
  if (typeof modem !== "object" || modem === null || !("getSocketPath" in modem) || typeof modem.getSocketPath !== "function") return undefined;
  const path: unknown = await modem.getSocketPath();
  return typeof path === "string" && !path.startsWith("//./pipe/") ? path : undefined;
}
