import type { Log } from "../logger.ts";
import type { Env } from "../config/env.ts";
import { DockerSandbox } from "./docker/docker-sandbox.ts";
import { dockerAnswers, dockerClient } from "./docker/engine.ts";
import { instanceIdFor } from "./docker/labels.ts";
import { removeOrphanedContainers } from "./docker/orphans.ts";
import { LocalSandbox } from "./local/local-sandbox.ts";
import type { SandboxFactory } from "./sandbox.ts";

/**
 * Start-up of the sandbox side: picks the implementation FERRY_SANDBOX names and, for Docker,
 * removes the containers a crashed process of this installation left behind.
 */
export async function createSandboxFactory(config: Env["sandbox"], dataDir: string, log: Log): Promise<SandboxFactory> {
  if (config.kind === "local") {
    log.warn({}, "FERRY_SANDBOX=local: agent commands will run on this machine with no isolation, network control or limits");
    return () => new LocalSandbox({ log });
  }
  const docker = dockerClient();
  const instance = instanceIdFor(dataDir);
  if (await dockerAnswers(docker)) {
    const removed = await removeOrphanedContainers(docker, { instance });
    if (removed.length > 0) log.warn({ containers: removed.map((id) => id.slice(0, 12)) }, "Removed sandbox containers left by an earlier process");
  } else {
    log.error({}, "No Docker engine answers (DOCKER_HOST or /var/run/docker.sock): tasks cannot run until one does; FERRY_SANDBOX=local is for development only");
  }
  return () => new DockerSandbox({ docker, instance, network: config.network, log });
}
