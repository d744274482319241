import type { Log } from "../logger.ts";
import type { Env } from "../config/env.ts";
import { DockerSandbox } from "./docker/docker-sandbox.ts";
import { NO_ENGINE_ADVICE, dockerClient, engineAddress, engineProblem } from "./docker/engine.ts";
import { instanceIdFor } from "./docker/labels.ts";
import { removeOrphanedContainers } from "./docker/orphans.ts";
import { LocalSandbox } from "./local/local-sandbox.ts";
import type { SandboxFactory } from "./sandbox.ts";

/**
 * Start-up of the sandbox side: picks the implementation FERRY_SANDBOX names and, for Docker,
 * removes the containers a crashed process of this installation left behind.
 */
export async function createSandboxFactory(config: Pick<Env["sandbox"], "kind" | "network">, dataDir: string, log: Log): Promise<SandboxFactory> {
  if (config.kind === "local") {
    log.warn({}, "FERRY_SANDBOX=local: agent commands will run on this machine with no isolation, network control or limits");
    return () => new LocalSandbox({ log });
  }
  const docker = dockerClient();
  const instance = instanceIdFor(dataDir);
  const problem = await engineProblem(docker);
  if (problem === undefined) {
    const removed = await removeOrphanedContainers(docker, { instance });
    if (removed.length > 0) log.warn({ containers: removed.map((id) => id.slice(0, 12)) }, "Removed sandbox containers left by an earlier process");
  } else {
    // Ferry keeps serving: webhooks are taken and tasks fail saying the sandbox could not start.
    log.error({ engine: await engineAddress(docker), problem }, `No Docker engine answers at the address in \`engine\` (FERRY_SANDBOX=docker): every task will fail until one does. ${NO_ENGINE_ADVICE}`);
  }
  return () => new DockerSandbox({ docker, instance, network: config.network, log });
}
