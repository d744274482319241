import type Docker from "dockerode";
import type { Container } from "dockerode";
import { SandboxError } from "../sandbox-error.ts";
import type { ShellSession } from "../shell/shell-session.ts";

// Lists every network interface but loopback that the container can see, in plain bash.
const LIST_INTERFACES = `while IFS=: read -r name rest; do name=\${name// /}; case "$name" in Inter-*|face*|lo|'') ;; *) echo "$name" ;; esac; done < /proc/net/dev`;

export async function connectNetwork(docker: Docker, container: Container, network: string): Promise<void> {
  const info = await container.inspect();
  if (info.NetworkSettings.Networks[network]) return;
  await docker.getNetwork(network).connect({ Container: container.id });
}

/** Detaches the container from every network, then checks from inside that only loopback is left. */
export async function disconnectNetworks(docker: Docker, container: Container, shell: ShellSession): Promise<void> {
  const info = await container.inspect();
  for (const name of Object.keys(info.NetworkSettings.Networks)) {
    await docker.getNetwork(name).disconnect({ Container: container.id, Force: true });
  }
  const seen = await shell.exec(LIST_INTERFACES, { timeoutMs: 10_000 });
  const interfaces = seen.output.split("\n").filter(Boolean);
  if (seen.exitCode !== 0 || interfaces.length > 0) {
    throw new SandboxError(`The sandbox still has a network after disconnecting: ${interfaces.join(", ") || seen.output}`);
  }
}
