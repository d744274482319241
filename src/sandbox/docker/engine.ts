import Docker from "dockerode";
import { access } from "node:fs/promises";
import { z } from "zod";
import { SandboxError } from "../sandbox-error.ts";
import { errorMessage } from "../../error-message.ts";

/** What an operator does when no engine answers; said at start-up and when a task's sandbox cannot start. */
export const NO_ENGINE_ADVICE =
  "Start Docker, or point DOCKER_HOST at a running engine (Ferry in a container: mount /var/run/docker.sock and add its group); FERRY_SANDBOX=local runs commands on this machine, for development only.";

/** The fields a TCP client dials; the typings do not declare them. */
const TcpModem = z.looseObject({ protocol: z.string().optional(), host: z.string().optional(), port: z.union([z.string(), z.number()]).optional() });

/** A client for the engine at DOCKER_HOST, or the default local socket. */
export function dockerClient(): Docker {
  return new Docker();
}

/** Whether an engine answers; never throws. */
export async function dockerAnswers(docker: Docker, timeoutMs = 3000): Promise<boolean> {
  return (await engineProblem(docker, timeoutMs)) === undefined;
}

/** Why no engine answers (`connect EACCES /var/run/docker.sock`, …), or undefined when one does; never throws. */
export async function engineProblem(docker: Docker, timeoutMs = 3000): Promise<string | undefined> {
  // No socket file means no engine: answer at once rather than sending a request that can only fail.
  const socket = await socketPathOf(docker);
  if (socket !== undefined && !(await access(socket).then(() => true, () => false))) return `there is no socket file at ${socket}`;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs).unref();
  });
  try {
    await Promise.race([docker.ping(), late]);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  } finally {
    clearTimeout(timer);
  }
}

/** Where the client dials, as DOCKER_HOST would say it: `unix:///var/run/docker.sock`, `tcp://host:2375`. */
export async function engineAddress(docker: Docker): Promise<string> {
  const socket = await socketPathOf(docker);
  if (socket !== undefined) return `unix://${socket}`;
  // From the client's fields rather than DOCKER_HOST itself, which may carry a user name (ssh://user@host).
  const modem = TcpModem.safeParse(docker.modem);
  const { protocol = "http", host = "localhost", port } = modem.success ? modem.data : {};
  return `${protocol}://${host}${port ? `:${port}` : ""}`;
}

/** Fails a sandbox start at once, naming the engine and what to do, when no engine answers. */
export async function requireEngine(docker: Docker): Promise<void> {
  const problem = await engineProblem(docker);
  if (problem === undefined) return;
  throw new SandboxError(`no Docker engine answers at ${await engineAddress(docker)} (${problem}). ${NO_ENGINE_ADVICE}`);
}

/** The unix socket the client dials; undefined for a TCP DOCKER_HOST. The typings do not declare it. */
async function socketPathOf(docker: Docker): Promise<string | undefined> {
  const modem: unknown = docker.modem;
  if (typeof modem !== "object" || modem === null || !("getSocketPath" in modem) || typeof modem.getSocketPath !== "function") return undefined;
  const path: unknown = await modem.getSocketPath();
  return typeof path === "string" && !path.startsWith("//./pipe/") ? path : undefined;
}
