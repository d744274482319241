import type { ContainerCreateOptions } from "dockerode";
import { COMMAND_ENV } from "../command-env.ts";
import { WORKSPACE_PATH, type SandboxSpec } from "../sandbox.ts";

export const SANDBOX_HOME = "/home/ferry";

/**
 * PID 1 of the container: bash, which reaps every orphan and, as init, cannot be killed from
 * inside. After each command the shell kills every other process of the sandbox's user
 * (`kill -1`), this loop's `sleep` included, and the loop starts another. (Docker's own init
 * would exit with its child and take the container down.)
 */
export const CONTAINER_INIT = ["bash", "-c", "while :; do sleep infinity & wait $!; done"];

export type ContainerIdentity = {
  /** `uid:gid` the container and every command run as; never root. */
  user: string;
  labels: Record<string, string>;
  /** The Docker network used while the network is allowed. */
  network: string;
};

/**
 * The locked-down container: non-root, no capabilities, no privilege escalation, read-only
 * root with tmpfs /tmp and home, the checkout as the only writable mount, memory (no swap),
 * CPU and pids limits. The environment holds nothing but COMMAND_ENV.
 */
export function containerOptions(spec: SandboxSpec, identity: ContainerIdentity): ContainerCreateOptions {
  const [uid, gid] = identity.user.split(":");
  const memoryBytes = spec.limits.memoryMb * 1024 * 1024;
  return {
    Image: spec.image,
    name: `ferry-task-${spec.taskId}-${Date.now().toString(36)}`,
    Cmd: CONTAINER_INIT,
    User: identity.user,
    WorkingDir: WORKSPACE_PATH,
    Env: Object.entries({ ...COMMAND_ENV, HOME: SANDBOX_HOME }).map(([key, value]) => `${key}=${value}`),
    Labels: identity.labels,
    NetworkDisabled: false,
    HostConfig: {
      Init: false,
      // Mounts, not Binds: a path may contain ":" (a mirror of host:port).
      Mounts: [
        { Type: "bind", Source: spec.workDir, Target: WORKSPACE_PATH, ReadOnly: false },
        ...(spec.readOnlyPaths ?? []).map((path) => ({ Type: "bind" as const, Source: path, Target: path, ReadOnly: true })),
      ],
      ReadonlyRootfs: true,
      Tmpfs: {
        "/tmp": "rw,nosuid,nodev,size=1g,mode=1777",
        [SANDBOX_HOME]: `rw,nosuid,nodev,size=1g,uid=${uid},gid=${gid},mode=0700`,
      },
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Privileged: false,
      Memory: memoryBytes,
      MemorySwap: memoryBytes,
      NanoCpus: Math.round(spec.limits.cpus * 1e9),
      PidsLimit: spec.limits.pids,
      NetworkMode: identity.network,
      IpcMode: "private",
      AutoRemove: false,
    },
  };
}
